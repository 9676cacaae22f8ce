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


def management_form(prefix: str, total: int, initial: int) -> dict:
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
