"""Pay on the role screen as one grid: a row of low / median / high per level and place, figures shown as the
site writes them, the source and date entered once, every rule of a band checked per cell."""

import datetime as dt

import pytest
from django.urls import reverse
from reversion.models import Version

from roles.models import Role, RoleFamily
from salaries.models import Location, SalaryBand

from .formdata import form_data, pay_input
from .test_role_screen import change_url, current_form, errors_of, post

FIGURES = ["low", "median", "high"]


@pytest.fixture
def scientist(two_roles):
    return Role.objects.get(slug="data-scientist")


def pay_section(html: str) -> str:
    return html[
        html.index('id="salary_bands-group"') : html.index("</fieldset>", html.index('id="salary_bands-group"'))
    ]


def test_the_grid_has_three_figures_for_every_place_and_level_and_nothing_else(editor_client, scientist):
    html = editor_client.get(change_url(scientist)).content.decode()
    grid = pay_section(html)
    data = form_data(html)
    figures = [name for name in data if name.startswith("salary_bands-") and name.rsplit("-", 1)[1] in FIGURES]
    assert len(figures) == 2 * 4 * 3  # two places × four levels × low, median, high
    assert data["salary_bands-source"] and data["salary_bands-as_of"] == ["2026-10-01"]
    # Shown as the site writes them, beside the input, and labelled for a screen reader.
    assert 'value="900000"' in grid and ">₹9,00,000</output>" in grid
    assert 'aria-label="Entry / Junior · India median"' in grid
    # No related-object icons, no per-row currency, source or date.
    for absent in ["related-widget-wrapper", '-currency"', "-0-source", "-DELETE"]:
        assert absent not in grid
    assert "Pay (8 bands)" in html and "Rupees a year" in grid


def test_one_median_changed_is_saved_with_the_history_naming_the_band(editor_client, scientist):
    data = current_form(editor_client, scientist)
    data[pay_input("senior", "india", "median")] = ["26,50,000"]  # typed as it is read
    assert post(editor_client, scientist, data).status_code == 302
    band = SalaryBand.objects.get(role=scientist, level__slug="senior", location__slug="india")
    assert (band.low, band.median, band.high) == (2_000_000, 2_650_000, 3_000_000)
    # Only that band was written; the others keep their values.
    assert SalaryBand.objects.filter(role=scientist).count() == 8
    comment = Version.objects.get_for_object(scientist)[0].revision.comment
    assert "median" in comment and "Senior" in comment


def test_a_cell_out_of_order_or_half_filled_is_explained_next_to_it(editor_client, scientist):
    data = current_form(editor_client, scientist)
    data[pay_input("mid", "bengaluru", "high")] = ["100000"]
    data[pay_input("lead", "india", "median")] = [""]
    data[pay_input("junior", "india", "low")] = ["nine lakh"]
    html = errors_of(post(editor_client, scientist, data))
    grid = pay_section(html)
    high = grid.index('name="salary_bands-bengaluru-all-mid-high"')
    its_cell = grid[high : grid.index("</td>", high)]
    assert "The high figure (₹1,00,000) is below the median (₹16,50,000)" in its_cell
    assert "Enter the median figure too, or leave all three empty for no pay here." in grid
    assert "Enter whole rupees a year, like 900000 or 9,00,000." in grid
    # Nothing typed is lost: the refused figures are shown as typed.
    assert 'value="100000"' in grid and 'value="nine lakh"' in grid
    assert SalaryBand.objects.get(role=scientist, level__slug="mid", location__slug="bengaluru").high == 2_200_000


def test_an_emptied_row_removes_that_band_from_a_draft(editor_client, scientist):
    data = current_form(editor_client, scientist)
    data["status"] = ["draft"]
    for figure in FIGURES:
        data[pay_input("lead", "bengaluru", figure)] = [""]
    assert post(editor_client, scientist, data).status_code == 302
    assert not SalaryBand.objects.filter(role=scientist, level__slug="lead", location__slug="bengaluru").exists()
    assert SalaryBand.objects.filter(role=scientist).count() == 7


def test_source_and_date_are_entered_once_for_every_band(editor_client, scientist):
    data = current_form(editor_client, scientist)
    data["salary_bands-source"] = ["Our reading of 2026 job posts"]
    data["salary_bands-as_of"] = ["2026-06-01"]
    assert post(editor_client, scientist, data).status_code == 302
    bands = SalaryBand.objects.filter(role=scientist)
    assert {(b.source, b.as_of) for b in bands} == {("Our reading of 2026 job posts", dt.date(2026, 6, 1))}


def test_a_new_role_takes_its_pay_in_numbers_only(editor_client, two_roles):
    """A new role: 8 bands here (2 places × 4 levels) from 24 numbers; source and date come filled in."""
    add = reverse("admin:roles_role_add")
    html = editor_client.get(add).content.decode()
    data = form_data(html)
    source = SalaryBand.objects.values_list("source", flat=True).first()
    assert data["salary_bands-source"] == [source] and data["salary_bands-as_of"] == ["2026-10-01"]
    data.update(
        title=["Analytics Engineer"],
        slug=["analytics-engineer"],
        family=[str(RoleFamily.objects.get().pk)],
        status=["draft"],
        summary=["Builds the models analysts query."],
        body=["One paragraph."],
    )
    typed = 0
    for location in Location.objects.all():
        for step, level in enumerate(["junior", "mid", "senior", "lead"]):
            for offset, figure in enumerate(FIGURES):
                data[pay_input(level, location.slug, figure)] = [str((step + 1) * 500_000 + offset * 100_000)]
                typed += 1
    assert typed == 24
    assert editor_client.post(add, data).status_code == 302
    role = Role.objects.get(slug="analytics-engineer")
    bands = SalaryBand.objects.filter(role=role)
    assert bands.count() == 8
    assert {(b.source, b.currency) for b in bands} == {(source, "INR")}
    senior = bands.get(level__slug="senior", location__slug="india")
    assert (senior.low, senior.median, senior.high) == (1_500_000, 1_600_000, 1_700_000)
