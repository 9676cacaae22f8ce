"""The pay grid is part of the version a role screen was opened at (salaries.pay_versions, roles.concurrency)."""

import html as html_lib

import pytest

from roles.models import Role
from salaries.models import SalaryBand

from .formdata import form_data, pay_input
from .test_role_screen import current_form, post

SENIOR_INDIA = pay_input("senior", "india", "median")


@pytest.fixture
def scientist(two_roles):
    return Role.objects.get(slug="data-scientist")


def band(role, level="senior", location="india") -> SalaryBand:
    return SalaryBand.objects.get(role=role, level__slug=level, location__slug=location)


def refused(response) -> str:
    assert response.status_code == 200, "a refused save shows the form again"
    page = html_lib.unescape(response.content.decode())
    assert "Not saved" in page
    return page


def conflict_table(page: str) -> str:
    return page[page.index('class="edit-conflict"') : page.index("</table>", page.index('class="edit-conflict"'))]


def test_two_editors_changing_the_same_median_conflict_in_rupees(editor_client, other_client, scientist):
    mine, theirs = current_form(editor_client, scientist), current_form(other_client, scientist)
    theirs[SENIOR_INDIA] = ["2500000"]
    assert post(other_client, scientist, theirs).status_code == 302

    mine[SENIOR_INDIA] = ["26,00,000"]
    page = refused(post(editor_client, scientist, mine))
    table = conflict_table(page)
    assert "Salary band “Senior · India” · Median (changed by both)" in table
    opened, theirs_now, yours = "<td>₹24,00,000</td>", "<td>₹25,00,000</td>", "<td>₹26,00,000</td>"
    assert opened + theirs_now + yours in table, "as opened, as they saved it, as you typed it"
    assert f'name="{SENIOR_INDIA}" value="26,00,000"' in page, "my figure is kept as I typed it"
    assert band(scientist).median == 2_500_000


def test_a_change_only_to_pay_is_a_newer_version(editor_client, other_client, scientist):
    mine, theirs = current_form(editor_client, scientist), current_form(other_client, scientist)
    theirs[pay_input("junior", "bengaluru", "high")] = ["1500000"]
    assert post(other_client, scientist, theirs).status_code == 302

    mine[pay_input("mid", "india", "low")] = ["1300000"]
    table = conflict_table(refused(post(editor_client, scientist, mine)))
    assert "Salary band “Entry / Junior · Bengaluru” · High" in table and "₹15,00,000" in table
    assert "Salary band “Mid-level · India” · Low" in table and "₹13,00,000" in table
    assert "changed by both" not in table
    assert band(scientist, "mid", "india").low == 1_200_000


def test_saving_again_after_reading_the_refusal_keeps_my_figure(editor_client, other_client, scientist):
    mine, theirs = current_form(editor_client, scientist), current_form(other_client, scientist)
    theirs[SENIOR_INDIA] = ["2500000"]
    assert post(other_client, scientist, theirs).status_code == 302
    mine[SENIOR_INDIA] = ["2600000"]
    again = form_data(refused(post(editor_client, scientist, mine)))
    assert post(editor_client, scientist, again).status_code == 302
    assert band(scientist).median == 2_600_000


def test_source_and_date_entered_once_count_once(editor_client, other_client, scientist):
    mine, theirs = current_form(editor_client, scientist), current_form(other_client, scientist)
    theirs["salary_bands-source"] = ["Our reading of 2026 job posts"]
    assert post(other_client, scientist, theirs).status_code == 302
    mine["summary"] = ["Mine."]
    table = conflict_table(refused(post(editor_client, scientist, mine)))
    assert "Pay of every level and place · Source" in table and "Our reading of 2026 job posts" in table
    assert "Salary band" not in table, "one row for the source, not one per band"


def test_a_band_changed_outside_the_screen_counts(editor_client, scientist):
    mine = current_form(editor_client, scientist)
    SalaryBand.objects.filter(pk=band(scientist).pk).update(source="A survey of our own")
    mine["summary"] = ["Mine."]
    table = conflict_table(refused(post(editor_client, scientist, mine)))
    assert "Salary band “Senior · India” · Source" in table and "A survey of our own" in table


def test_a_band_removed_by_them_and_filled_again_by_me(editor_client, other_client, scientist):
    mine, theirs = current_form(editor_client, scientist), current_form(other_client, scientist)
    for figure in ("low", "median", "high"):
        theirs[pay_input("lead", "bengaluru", figure)] = [""]
    assert post(other_client, scientist, theirs).status_code == 302
    assert not SalaryBand.objects.filter(role=scientist, level__slug="lead", location__slug="bengaluru").exists()

    mine[pay_input("lead", "bengaluru", "median")] = ["3300000"]
    table = conflict_table(refused(post(editor_client, scientist, mine)))
    assert "· Bengaluru” · Median (changed by both)" in table
    assert "<td>₹34,10,000</td><td>removed</td><td>₹33,00,000</td>" in table, "their removal is named"
    assert not SalaryBand.objects.filter(role=scientist, level__slug="lead", location__slug="bengaluru").exists()
