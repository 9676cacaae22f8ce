"""After the admin login, ``next`` is followed only within the site; a refused one lands on the admin's index."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

PASSWORD = "a-long-editor-password"


@pytest.fixture
def editor(db):
    call_command("createeditor", "editor", "--password", PASSWORD, stdout=io.StringIO())
    return get_user_model().objects.get(username="editor")


@pytest.mark.parametrize(
    "next_url",
    ["https://evil.example/", "//evil.example/admin/", "/\\evil.example", "javascript:alert(1)", "http:///x", ""],
)
def test_a_refused_next_lands_on_the_admin_index(client, editor, next_url):
    response = client.post(
        f"/admin/login/?next={next_url}", {"username": "editor", "password": PASSWORD, "next": next_url}
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert client.get(response["Location"]).status_code == 200


def test_a_next_within_the_admin_is_followed(client, editor):
    next_url = "/admin/roles/role/"
    response = client.post("/admin/login/", {"username": "editor", "password": PASSWORD, "next": next_url})
    assert response.status_code == 302 and response["Location"] == next_url
