"""An editor with a name that no page could contain by chance, signed in to the admin (tests/admin's pattern)."""

import datetime
import io

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core.management import call_command

from roles.models import Role

from .helpers import edit_in_admin

EDITOR = "meherunnisa"
# 00:15 on 3 Nov 2026 in Kolkata, still 2 Nov in UTC: the day shown must be Kolkata's.
SAVED_AT = datetime.datetime(2026, 11, 2, 18, 45, tzinfo=datetime.UTC)
# Before any change a test makes: the roles' first versions ("added").
LOADED_AT = datetime.datetime(2026, 10, 1, 6, 0, tzinfo=datetime.UTC)


@pytest.fixture
def editor_client(client, db):
    call_command("createeditor", EDITOR, "--password", "a-long-editor-password", stdout=io.StringIO())
    client.force_login(get_user_model().objects.get(username=EDITOR))
    return client


@pytest.fixture
def scientist(request, db) -> Role:
    """Data Scientist (tests/conftest.py's two roles), loaded on LOADED_AT."""
    with time_machine.travel(LOADED_AT, tick=False):
        request.getfixturevalue("two_roles")
    return Role.objects.get(slug="data-scientist")


@pytest.fixture
def changed(editor_client, scientist) -> Role:
    """The scientist changed in the admin just after midnight in Kolkata; the client signed out again (a visitor)."""
    with time_machine.travel(SAVED_AT, tick=False):
        edit_in_admin(editor_client, scientist)
    editor_client.logout()
    return scientist
