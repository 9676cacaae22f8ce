"""An editor logs in to the admin, changes a pay band on the role screen, and a visitor sees the new figure."""

from __future__ import annotations

import io
import re

import pytest
from django.core.management import call_command
from django.urls import reverse

from roles.models import Role
from salaries.models import SalaryBand
from salaries.money import format_full, format_short
from tests.admin.formdata import pay_input
from tools.pages import PAGES, ROLE

from .helpers import expect

PASSWORD = "a-long-editor-password-for-the-browser"
NEW_MEDIAN = 2_650_000  # senior, India: the content says ₹24,00,000 between ₹20,00,000 and ₹30,00,000


def senior_pay_in(page) -> str:
    return page.locator(".pay-table tr[data-level=senior] td.pay").inner_text()


@pytest.fixture
def editors_group(transactional_db) -> None:
    """The Editors group, made by a data migration that the flush after an earlier browser test undid:
    run that migration's own code again, against the models as they were at that migration."""
    from django.db import connection
    from django.db.migrations.loader import MigrationLoader

    loader = MigrationLoader(connection)
    migration = loader.get_migration("careers", "0002_editors_group")
    state = loader.project_state(("careers", "0002_editors_group"), at_end=True)
    migration.operations[0].code(state.apps, None)


def test_editor_changes_a_band_and_the_public_page_follows(site_url, editors_group, page, browser):
    call_command("createeditor", "editor", "--password", PASSWORD, stdout=io.StringIO())
    role = Role.objects.get(slug=ROLE)
    band = SalaryBand.objects.all_employers().get(role=role, level__slug="senior", location__slug="india")
    assert band.low < NEW_MEDIAN < band.high and band.median != NEW_MEDIAN

    visitor = browser.new_context()
    public = visitor.new_page()
    public.goto(site_url + PAGES["salary"])
    assert senior_pay_in(public) == format_full(band.median, band.currency)

    page.goto(site_url + reverse("admin:roles_role_change", args=[role.pk]))
    expect(page).to_have_url(re.compile("/admin/login/"))
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.locator("h1")).to_contain_text("Change role")

    # Pay is one grid, folded until opened: each input is named by its level and place.
    page.locator("#salary_bands-group summary").click()
    median = page.get_by_label("Senior · India median")
    expect(median).to_have_value(str(band.median))
    median.fill(str(NEW_MEDIAN))
    expect(page.locator(f'output[for="id_{pay_input("senior", "india", "median")}"]')).to_have_text("₹26,50,000")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    band.refresh_from_db()
    assert band.median == NEW_MEDIAN
    public.reload()
    assert senior_pay_in(public) == format_full(NEW_MEDIAN, "INR") == "₹26,50,000"
    public.goto(site_url + PAGES["career-path"])
    expect(public.locator("section:has(h2#pay) tbody")).to_contain_text(format_short(NEW_MEDIAN, "INR"))
    visitor.close()
