"""With the database unreachable, a visitor gets a plain 503 page (no traceback, no secrets), and the
health check tells the load balancer."""

from __future__ import annotations

import logging

import pytest
from django.conf import settings
from django.test import Client

from tools.pages import PAGES

LEAKS = [
    "Traceback",
    "OperationalError",
    "psycopg",
    "connection",
    "refused",
    "127.0.0.1",
    "s3cret-db-password",
    "careers.settings",
    "DATABASES",
    'File "',
    ".py",
    "SECRET_KEY",
]


def assert_plain_503(response, url: str, settings_dict: dict) -> None:
    body = response.content.decode()
    assert response.status_code == 503, url
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    assert "We are back in a moment" in body
    for leak in LEAKS + [settings_dict["PORT"], settings.SECRET_KEY]:
        assert leak not in body, f"{url}: {leak!r} in the page"


def test_every_page_is_a_plain_503(database_down, caplog):
    client = Client(raise_request_exception=False)
    caplog.set_level(logging.ERROR, logger="django.request")
    for name, url in {**PAGES, "404 would-be": "/roles/no-such-role/"}.items():
        assert_plain_503(client.get(url), name, database_down)
    # The cause is in the log, with its traceback, for the operator.
    errors = [r for r in caplog.records if r.name == "django.request" and r.exc_info]
    assert errors and "OperationalError" in repr(errors[0].exc_info[1].__class__)


def test_the_admin_is_a_plain_503_too(database_down):
    client = Client(raise_request_exception=False)
    # The empty login form needs no database; logging in does.
    assert client.get("/admin/login/").status_code in (200, 503)
    response = client.post("/admin/login/", {"username": "editor", "password": "guess"})
    assert_plain_503(response, "admin login post", database_down)


def test_healthz_reports_the_database_down(database_down):
    response = Client(raise_request_exception=False).get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"database": "down", "cache": "ok"}


def test_healthz_when_all_is_well(db):
    response = Client().get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_healthz_with_both_down(database_down, cache_down):
    response = Client(raise_request_exception=False).get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"database": "down", "cache": "down"}


@pytest.mark.parametrize("method", ["GET", "HEAD"])
def test_static_files_are_served_without_the_database(database_down, method):
    response = Client(raise_request_exception=False).generic(method, "/static/css/site.css")
    assert response.status_code == 200
