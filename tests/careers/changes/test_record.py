"""Change lines are recorded with each revision of a published role, in words, and only for public versions."""

import pytest

from careers.changes.models import RoleChange
from roles.models import Role

from .helpers import EXPECTED, edit_in_admin


@pytest.fixture
def scientist(two_roles):
    return Role.objects.get(slug="data-scientist")


def test_a_load_records_the_first_version_as_added_not_a_change(scientist):
    assert list(RoleChange.objects.filter(role=scientist).values_list("kind", "lines")) == [("added", [])]


def test_an_admin_save_records_its_changes_in_words(editor_client, scientist):
    edit_in_admin(editor_client, scientist)
    change = RoleChange.objects.filter(role=scientist, kind="changed").get()
    assert change.lines == EXPECTED
