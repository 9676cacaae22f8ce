"""History that tells the truth: change notes name only real changes, versions compare, restores say what."""

import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse
from reversion.models import Version

from roles.models import Level, Role, RoleLevel, Skill

from .formdata import form_data, index_of, pay_input
from .test_role_screen import current_form, post


@pytest.fixture
def scientist(two_roles):
    return Role.objects.get(slug="data-scientist")


def last_note(role) -> str:
    return LogEntry.objects.filter(object_id=str(role.pk)).latest("action_time").get_change_message()


def as_a_browser_sends_it(data: dict) -> dict:
    """Textareas come back with \\r\\n line breaks, as every browser sends them."""
    return {key: [v.replace("\n", "\r\n") for v in values] for key, values in data.items()}


def test_an_untouched_form_from_a_browser_changes_nothing(editor_client, scientist):
    data = as_a_browser_sends_it(current_form(editor_client, scientist))
    assert "\r\n" in data["body"][0]
    assert post(editor_client, scientist, data).status_code == 302
    assert last_note(scientist) == "No fields changed."


def test_text_is_kept_with_plain_line_breaks(editor_client, scientist):
    data = current_form(editor_client, scientist)
    data["body"] = ["One paragraph.   \r\n\r\nAnother one.\r\n"]
    assert post(editor_client, scientist, data).status_code == 302
    scientist.refresh_from_db()
    assert scientist.body == "One paragraph.\n\nAnother one."
    assert last_note(scientist) == "Changed Body."


def test_a_reordered_level_is_the_only_skills_change(editor_client, scientist):
    data = current_form(editor_client, scientist)
    i = index_of(data, "role_levels", "level", str(Level.objects.get(slug="junior").pk))
    data[f"role_levels-{i}-skills"] = list(reversed(data[f"role_levels-{i}-skills"]))
    assert post(editor_client, scientist, data).status_code == 302
    note = last_note(scientist)
    assert note == "Changed skills for role level “Junior Data Scientist”."
    assert [s.slug for s in RoleLevel.objects.get(role=scientist, level__slug="junior").skills] == ["sql", "python"]


def two_saves(client, role) -> list[Version]:
    data = current_form(client, role)
    data["summary"] = ["Before the change."]
    assert post(client, role, data).status_code == 302
    data = current_form(client, role)
    data["summary"] = ["After the change."]
    data[pay_input("senior", "india", "median")] = ["2500000"]
    i = index_of(data, "role_levels", "level", str(Level.objects.get(slug="mid").pk))
    data[f"role_levels-{i}-skills"] = [str(Skill.objects.get(slug="sql").pk), str(Skill.objects.get(slug="spark").pk)]
    assert post(client, role, data).status_code == 302
    return list(Version.objects.get_for_object(role))  # newest first


def test_two_versions_compare_field_by_field_rows_included(editor_client, scientist):
    newer, older = two_saves(editor_client, scientist)[:2]
    history = editor_client.get(reverse("admin:roles_role_history", args=[scientist.pk])).content.decode()
    compare_url = reverse("admin:roles_role_compare", args=[scientist.pk])
    assert f'action="{compare_url}"' in history and "Compare two versions" in history
    page = editor_client.get(compare_url, {"older": older.pk, "newer": newer.pk}).content.decode()
    assert "Role · Summary" in page and "Before the change." in page and "After the change." in page
    assert "Salary band" in page and "₹24,00,000" in page and "₹25,00,000" in page
    assert "Skills, in order" in page and "Statistics, SQL" in page and "SQL, Spark" in page
    assert "Body" not in page, "unchanged fields are not listed"


def test_a_bad_comparison_is_a_404(editor_client, scientist):
    url = reverse("admin:roles_role_compare", args=[scientist.pk])
    for query in [{}, {"older": "x", "newer": "1"}, {"older": "99999", "newer": "99998"}]:
        assert editor_client.get(url, query).status_code == 404


def test_a_restore_says_which_version_it_restored(editor_client, scientist):
    newer, older = two_saves(editor_client, scientist)[:2]
    url = reverse("admin:roles_role_revision", args=[scientist.pk, older.pk])
    response = editor_client.post(url, form_data(editor_client.get(url).content.decode()), follow=True)
    page = response.content.decode()
    assert "Restored the version of" in page and "by editor" in page and "Changed Summary." in page
    scientist.refresh_from_db()
    assert scientist.summary == "Before the change."
    latest = Version.objects.get_for_object(scientist).first().revision
    assert latest.comment.startswith("Restored the version of") and "by editor" in latest.comment
