"""Change lines are recorded with each revision of a published role, in words, and only for public versions."""

from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import call_command

from careers.changes.models import RoleChange
from roles.models import Role

from .conftest import EDITOR
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


def test_recordchanges_writes_the_same_lines_again_from_the_history(editor_client, changed):
    editor_client.force_login(get_user_model().objects.get(username=EDITOR))
    Role.objects.filter(pk=changed.pk).update(status=Role.Status.DRAFT)
    edit_in_admin(editor_client, changed, summary="Written while a draft.", add_skill=None)
    Role.objects.filter(pk=changed.pk).update(status=Role.Status.PUBLISHED)
    edit_in_admin(editor_client, changed, summary="Published again.", median=2600000, add_skill=None)

    def recorded():
        return list(RoleChange.objects.order_by("pk").values_list("role", "revision", "recorded_at", "kind", "lines"))

    before = recorded()
    assert [row[3] for row in before] == ["added", "added", "changed", "added"]
    RoleChange.objects.all().delete()
    out = StringIO()
    call_command("recordchanges", stdout=out)
    assert recorded() == before
    assert out.getvalue() == "Wrote 4 change record(s) from the history.\n"
