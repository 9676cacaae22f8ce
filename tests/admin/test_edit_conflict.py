"""No silent overwrite: a form saved over a newer version is refused, with the other change shown and input kept."""

import pytest
from django.urls import reverse

from roles.models import Level, Role, RoleFamily, RoleLevel, Skill
from salaries.models import SalaryBand

from .formdata import form_data, index_of, pay_input
from .test_role_screen import change_url, current_form, post


@pytest.fixture
def scientist(two_roles):
    return Role.objects.get(slug="data-scientist")


def refused(response) -> str:
    assert response.status_code == 200, "a refused save shows the form again"
    html = response.content.decode()
    assert "Not saved" in html
    return html


def test_the_second_save_is_refused_with_both_changes_shown(editor_client, other_client, scientist):
    mine, theirs = current_form(editor_client, scientist), current_form(other_client, scientist)
    theirs["summary"] = ["Asha's summary."]
    assert post(other_client, scientist, theirs).status_code == 302

    mine["body"] = ["My new body text."]
    html = refused(post(editor_client, scientist, mine))
    assert "by asha" in html and "Changed Summary." in html
    assert "Asha&#x27;s summary." in html, "their change is shown"
    assert "Summary" in html and "Body" in html
    assert "My new body text.</textarea>" in html, "my input is kept"
    assert f'href="{change_url(scientist)}"' in html, "a way to reload the current version"
    scientist.refresh_from_db()
    assert scientist.summary == "Asha's summary." and scientist.body == "First paragraph.\n\nSecond paragraph."


def test_an_inline_change_counts(editor_client, other_client, scientist):
    mine, theirs = current_form(editor_client, scientist), current_form(other_client, scientist)
    theirs[pay_input("senior", "india", "median")] = ["2500000"]
    assert post(other_client, scientist, theirs).status_code == 302
    mine["summary"] = ["Mine."]
    html = refused(post(editor_client, scientist, mine))
    assert "Salary band" in html and "Median" in html and "₹25,00,000" in html
    assert Role.objects.get(pk=scientist.pk).summary != "Mine."


def test_a_reordered_skill_list_counts(editor_client, other_client, scientist):
    mine, theirs = current_form(editor_client, scientist), current_form(other_client, scientist)
    i = index_of(theirs, "role_levels", "level", str(Level.objects.get(slug="junior").pk))
    theirs[f"role_levels-{i}-skills"] = list(reversed(theirs[f"role_levels-{i}-skills"]))
    assert post(other_client, scientist, theirs).status_code == 302
    html = refused(post(editor_client, scientist, mine))
    assert "SQL, Python" in html
    assert [s.slug for s in RoleLevel.objects.get(role=scientist, level__slug="junior").skills] == ["sql", "python"]


def test_saving_again_after_reading_the_refusal_is_deliberate(editor_client, other_client, scientist):
    mine, theirs = current_form(editor_client, scientist), current_form(other_client, scientist)
    theirs["summary"] = ["Theirs."]
    assert post(other_client, scientist, theirs).status_code == 302
    mine["body"] = ["Mine."]
    again = form_data(refused(post(editor_client, scientist, mine)))
    assert again["body"] == ["Mine."]
    assert post(editor_client, scientist, again).status_code == 302
    scientist.refresh_from_db()
    assert scientist.body == "Mine."


def test_a_form_without_its_version_is_refused(editor_client, scientist):
    data = current_form(editor_client, scientist)
    data["opened_version"] = ["tampered"]
    refused(post(editor_client, scientist, data))
    del data["opened_version"]
    refused(post(editor_client, scientist, data))


def test_reference_data_is_protected_too(editor_client, other_client, two_roles):
    family = RoleFamily.objects.get(slug="data")
    url = reverse("admin:roles_rolefamily_change", args=[family.pk])
    mine, theirs = (form_data(c.get(url).content.decode()) for c in (editor_client, other_client))
    theirs["description"] = ["Theirs."]
    assert other_client.post(url, theirs).status_code == 302
    mine["name"] = ["Data and AI"]
    assert "Theirs." in refused(editor_client.post(url, mine))
    skill = Skill.objects.get(slug="python")
    url = reverse("admin:roles_skill_change", args=[skill.pk])
    assert 'name="opened_version"' in editor_client.get(url).content.decode()


def test_saves_one_after_another_are_not_conflicts(editor_client, scientist):
    for median in ("2500000", "2600000"):
        data = current_form(editor_client, scientist)
        data[pay_input("senior", "india", "median")] = [median]
        assert post(editor_client, scientist, data).status_code == 302
    band = SalaryBand.objects.get(role=scientist, level__slug="senior", location__slug="india")
    assert band.median == 2_600_000


def test_rows_added_and_removed_are_named(editor_client, other_client, scientist):
    mine, theirs = current_form(editor_client, scientist), current_form(other_client, scientist)
    theirs["aliases-TOTAL_FORMS"] = ["1"]
    theirs["aliases-0-name"] = ["DS"]
    assert post(other_client, scientist, theirs).status_code == 302
    mine["faqs-0-DELETE"] = ["on"]
    html = refused(post(editor_client, scientist, mine))
    assert "Role alias “DS”" in html and "added" in html
    assert "Is it fun?" in html and "removed" in html
    assert scientist.faqs.count() == 1
