"""Editors for the admin tests: one signed in, and a second in a browser of their own."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client


@pytest.fixture
def editor(db):
    call_command("createeditor", "editor", "--password", "a-long-editor-password", stdout=io.StringIO())
    return get_user_model().objects.get(username="editor")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def other_client(db, editor) -> Client:
    """A second editor, in a browser of their own."""
    call_command("createeditor", "asha", "--password", "another-long-password", stdout=io.StringIO())
    client = Client()
    client.force_login(get_user_model().objects.get(username="asha"))
    return client
