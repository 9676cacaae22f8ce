"""The role screen as an editor uses it, in a real browser: pay typed into the grid by keyboard, skills
reordered by keyboard, the error summary's links, and a change saved on a 390 px phone."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from roles.models import Role, RoleLevel
from salaries.models import SalaryBand
from tests.admin.formdata import pay_input
from tools.pages import PAGES, ROLE

from .helpers import expect, open_pay
from .test_editor import PASSWORD, editors_group  # noqa: F401  (a fixture)


@pytest.fixture
def role_screen(site_url, editors_group):  # noqa: F811
    """Log in as an editor and return the address of the Machine Learning Engineer screen."""
    call_command("createeditor", "editor", "--password", PASSWORD, stdout=io.StringIO())
    role = Role.objects.get(slug=ROLE)
    return site_url + reverse("admin:roles_role_change", args=[role.pk])


def log_in(page, url: str) -> None:
    page.goto(url)
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.locator("h1")).to_contain_text("Change role")


def focused(page) -> str:
    return page.evaluate("document.activeElement.id || document.activeElement.getAttribute('aria-label') || ''")


def test_pay_is_typed_along_a_row_by_keyboard(role_screen, page, site_url):
    log_in(page, role_screen)
    open_pay(page)
    low = page.get_by_label("Senior · Bengaluru low")
    low.focus()
    # Tab runs along the row: low, median, high; each figure is shown as the site writes it as it is typed.
    for value, shown in [("2100000", "₹21,00,000"), ("2700000", "₹27,00,000"), ("3600000", "₹36,00,000")]:
        page.keyboard.press("ControlOrMeta+a")
        page.keyboard.type(value)
        current = page.locator(":focus")
        expect(current.locator("xpath=following-sibling::output[1]")).to_have_text(shown)
        page.keyboard.press("Tab")
    assert focused(page) == f"id_{pay_input('lead', 'bengaluru', 'low')}", "after high comes the next row's low"
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    band = SalaryBand.objects.get(role__slug=ROLE, level__slug="senior", location__slug="bengaluru")
    assert (band.low, band.median, band.high) == (2_100_000, 2_700_000, 3_600_000)
    page.goto(site_url + PAGES["salary"] + "?location=bengaluru")
    expect(page.locator(".pay-table tr[data-level=senior] td.pay")).to_have_text("₹27,00,000")


def test_skills_are_reordered_by_keyboard(role_screen, page, site_url):
    log_in(page, role_screen)
    page.locator("#role_levels-group summary").click()
    down = page.get_by_role("button", name="Move down: Python").first
    down.focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    # The button moved with its skill and kept the focus; the list says where the skill is now.
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Move down: Python"
    expect(page.locator("#id_role_levels-0-skills_note")).to_have_text("Python is number 3 of 5.")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    junior = RoleLevel.objects.get(role__slug=ROLE, level__slug="junior")
    assert [s.slug for s in junior.skills][:3] == ["tensorflow-pytorch", "mlops", "python"]
    page.goto(site_url + PAGES["career-path"])
    chips = page.locator(".ladder li").first.locator(".chips li")
    expect(chips.nth(2)).to_have_text("Python")
    expect(chips.nth(0)).to_have_text(junior.skills[0].name)


def test_the_error_summary_links_put_the_cursor_in_the_field(role_screen, page):
    log_in(page, role_screen)
    open_pay(page)
    page.get_by_label("Mid-level · India low").fill("99,00,000")
    page.locator("#id_title").fill("")
    page.get_by_role("button", name="Save", exact=True).click()
    summary = page.locator("#error-summary")
    expect(summary).to_contain_text("2 things to fix before this role is saved")
    expect(summary).to_be_focused()
    summary.get_by_role("link", name="Mid-level · India: low").click()
    expect(page.get_by_label("Mid-level · India low")).to_be_focused()
    expect(page.get_by_label("Mid-level · India low")).to_have_value("99,00,000")
    summary.get_by_role("link", name="Title").click()
    expect(page.locator("#id_title")).to_be_focused()


def test_pay_by_employer_type_cities_folded_and_the_rarely_hires_boxes(role_screen, page):
    log_in(page, role_screen)
    open_pay(page)
    expect(page.get_by_label("Senior · India · Product company median")).to_be_visible()
    # Pay by employer type in a city is optional: folded away until asked for.
    city = page.get_by_label("Senior · Bengaluru · Product company median")
    expect(city).to_be_hidden()
    page.locator(".pay-optional > summary").click()
    expect(city).to_be_visible()
    # A kind of employer with pay cannot also be said to rarely hire the role.
    page.locator(".pay-rarely").get_by_label("Product company").check()
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator("#error-summary")).to_contain_text(
        "Product company ticked as rarely hiring this role, yet with pay"
    )
    expect(page.locator(".pay-rarely").get_by_label("Product company")).to_be_checked()


def test_a_phone_changes_one_field_without_scrolling_sideways(role_screen, phone):
    page = phone.new_page()
    log_in(page, role_screen)
    width = page.viewport_size["width"]
    assert width == 390
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    open_pay(page)
    # The grid scrolls in its own box, its level column staying put.
    box = page.locator(".pay-grid-scroll").first
    assert box.evaluate("b => b.scrollWidth > b.clientWidth"), "the grid is wider than a phone"
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    level = page.locator(".pay-grid tbody th.pay-level").first
    assert level.evaluate("e => getComputedStyle(e).position") == "sticky"
    before = level.bounding_box()["x"]
    box.evaluate("b => { b.scrollLeft = b.scrollWidth; }")
    assert abs(level.bounding_box()["x"] - before) < 1
    # A one-field change and save.
    page.locator("#id_summary").fill("Machine learning engineers ship models that keep working.")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert Role.objects.get(slug=ROLE).summary == "Machine learning engineers ship models that keep working."


def pick(page, box: str, term: str) -> None:
    """Type into a skill box's autocomplete and take the first answer, as an editor would with the keyboard."""
    page.locator(f"#{box} + .select2 .select2-selection").click()
    page.keyboard.type(term)
    expect(page.locator(".select2-results__option--highlighted")).to_have_text(term)
    page.keyboard.press("Enter")


def test_picking_a_skill_already_chosen_says_so(role_screen, page):
    log_in(page, role_screen)
    page.locator("#role_levels-group summary").click()
    skills = page.locator("#id_role_levels-0-skills .skill-order li")
    count = skills.count()
    pick(page, "id_role_levels-0-skills_add", "Python")
    note = page.locator("#id_role_levels-0-skills_note")
    expect(note).to_have_text("Python is already chosen for this level (number 1); it stays once.")
    assert skills.count() == count
    # A new one joins the end of the list, where it can be moved like the others.
    pick(page, "id_role_levels-0-skills_add", "SQL")
    expect(skills).to_have_count(count + 1)
    expect(skills.last.locator(".skill-name")).to_have_text("SQL")
    expect(note).to_have_text(f"SQL added: SQL is number {count + 1} of {count + 1}.")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    junior = RoleLevel.objects.get(role__slug=ROLE, level__slug="junior")
    assert [s.name for s in junior.skills][-1] == "SQL" and len(junior.skills) == count + 1


def test_skills_are_reordered_by_dragging(role_screen, page):
    log_in(page, role_screen)
    page.locator("#role_levels-group summary").click()
    items = page.locator("#id_role_levels-1-skills .skill-order li")
    before = items.locator(".skill-name").all_inner_texts()
    items.nth(3).drag_to(items.nth(0), target_position={"x": 20, "y": 3})
    expected = [before[3], *before[:3], *before[4:]]
    expect(items.locator(".skill-name")).to_have_text(expected)
    expect(page.locator("#id_role_levels-1-skills_note")).to_have_text(f"{before[3]} is number 1 of {len(before)}.")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    assert [s.name for s in RoleLevel.objects.get(role__slug=ROLE, level__slug="mid").skills] == expected
