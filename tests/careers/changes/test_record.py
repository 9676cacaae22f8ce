"""Change lines are recorded with each revision of a published role, in words, and only for public versions."""

from careers.changes.models import RoleChange
from roles.models import Role

from .helpers import EXPECTED, edit_in_admin


def test_a_load_records_the_first_version_as_added_not_a_change(scientist):
    assert list(RoleChange.objects.filter(role=scientist).values_list("kind", "lines")) == [("added", [])]


def test_an_admin_save_records_its_changes_in_words(changed):
    change = RoleChange.objects.filter(role=changed, kind="changed").get()
    assert change.lines == EXPECTED


def test_a_save_that_changes_nothing_records_nothing(editor_client, scientist):
    from tests.admin.test_role_screen import current_form, post

    assert post(editor_client, scientist, current_form(editor_client, scientist)).status_code == 302
    assert not RoleChange.objects.filter(role=scientist, kind="changed").exists()


def test_a_drafts_changes_are_not_recorded_and_publishing_it_is_no_change(editor_client, scientist):
    Role.objects.filter(pk=scientist.pk).update(status=Role.Status.DRAFT)
    edit_in_admin(editor_client, scientist)
    assert not RoleChange.objects.filter(role=scientist, kind="changed").exists()
    Role.objects.filter(pk=scientist.pk).update(status=Role.Status.PUBLISHED)
    edit_in_admin(editor_client, scientist, summary="Published now.", add_skill=None)  # first public: "added"
    assert list(RoleChange.objects.filter(role=scientist).values_list("kind", flat=True)) == ["added", "added"]
