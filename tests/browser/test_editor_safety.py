"""An editor's work is never lost, tried in a browser: two tabs saving one role, archive and restore, compare.

Each test logs editors in through the admin's login form, as a person would, on the Machine Learning Engineer role.
"""

from __future__ import annotations

import io
import re

import pytest
from django.core.management import call_command
from django.urls import reverse

from roles.models import Role
from salaries.models import SalaryBand
from tools.pages import ROLE

from .helpers import TIMEOUT_MS, expect, pay_input_on

PASSWORD = "a-long-editor-password-for-the-browser"


@pytest.fixture
def editors(transactional_db) -> None:
    """The Editors group as the migrations make it (the flush after an earlier browser test undid them): run
    those migrations' own code again, against the models as they were at each migration."""
    from django.db import connection
    from django.db.migrations.loader import MigrationLoader

    loader = MigrationLoader(connection)
    for name in ("0002_editors_group", "0004_editors_archive_roles"):
        migration = loader.get_migration("careers", name)
        state = loader.project_state(("careers", name), at_end=True)
        migration.operations[0].code(state.apps, None)
    for username in ("asha", "ravi"):
        call_command("createeditor", username, "--password", PASSWORD, stdout=io.StringIO())


def log_in(page, site_url: str, username: str, next_url: str) -> None:
    page.goto(site_url + next_url)
    expect(page).to_have_url(re.compile("/admin/login/"))
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


def test_two_tabs_on_one_role_the_second_save_is_refused(site_url, editors, page, browser):
    role = Role.objects.get(slug=ROLE)
    band = SalaryBand.objects.all_employers().get(role=role, level__slug="senior", location__slug="india")
    change = reverse("admin:roles_role_change", args=[role.pk])
    other_context = browser.new_context()
    other_context.set_default_timeout(TIMEOUT_MS)
    other = other_context.new_page()
    log_in(page, site_url, "asha", change)
    log_in(other, site_url, "ravi", change)
    expect(page.locator("h1")).to_contain_text("Change role")
    expect(other.locator("h1")).to_contain_text("Change role")

    page.locator("#id_summary").fill("Asha's new summary of the role.")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    median = pay_input_on(other, "senior", "india")
    median.fill("2650000")
    other.get_by_role("button", name="Save", exact=True).click()
    conflict = other.locator(".messagelist .edit-conflict")
    expect(conflict).to_contain_text("Not saved")
    expect(conflict).to_contain_text("by asha")
    expect(conflict.locator("tr", has_text="Summary")).to_contain_text("Asha's new summary of the role.")
    expect(conflict.locator("tr", has_text="Median")).to_contain_text("₹26,50,000")
    expect(median).to_have_value("2650000")  # ravi's input is kept
    band.refresh_from_db()
    assert band.median == 2_400_000, "nothing of the refused save was written"

    conflict.get_by_role("link", name="reload the current version").click()
    expect(other.locator("#id_summary")).to_have_value("Asha's new summary of the role.")
    expect(pay_input_on(other, "senior", "india")).to_have_value("2400000")
    other_context.close()


def test_archive_then_restore_brings_the_move_into_it_back(site_url, editors, page, browser):
    role = Role.objects.get(slug=ROLE)
    visitor = browser.new_context().new_page()
    move_link = visitor.locator(f'a[href="/roles/ai-engineer/to/{ROLE}/"]')
    visitor.goto(site_url + "/roles/ai-engineer/career-path/")
    expect(move_link).to_have_count(1)

    log_in(page, site_url, "asha", reverse("admin:roles_role_change", args=[role.pk]))
    expect(page.locator(".deletelink")).to_have_count(0)  # editors archive, they do not delete
    page.get_by_role("link", name="Archive").click()
    expect(page.locator("#content")).to_contain_text("AI Engineer")  # who links to it
    page.get_by_role("button", name="Yes, archive it").click()
    expect(page.locator(".messagelist")).to_contain_text("Archived Machine Learning Engineer")

    assert visitor.goto(site_url + f"/roles/{ROLE}/career-path/").status == 410
    visitor.goto(site_url + "/roles/ai-engineer/career-path/")
    expect(move_link).to_have_count(0)

    page.get_by_role("link", name="Restore from the archive").click()
    page.get_by_role("button", name="Yes, restore it").click()
    expect(page.locator(".messagelist")).to_contain_text("Restored Machine Learning Engineer (published)")

    assert visitor.goto(site_url + f"/roles/{ROLE}/career-path/").status == 200
    visitor.goto(site_url + "/roles/ai-engineer/career-path/")
    expect(move_link).to_have_count(1)
    visitor.context.close()


def test_two_versions_compare_from_the_history_page(site_url, editors, page):
    role = Role.objects.get(slug=ROLE)
    log_in(page, site_url, "asha", reverse("admin:roles_role_change", args=[role.pk]))
    page.locator("#id_summary").fill("A first rewrite of the summary.")
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    pay_input_on(page, "senior", "india").fill("2500000")
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    page.get_by_role("link", name="History").click()
    older = page.get_by_label("Older")
    older.select_option(index=1)  # the first save; the newer one is the latest
    page.get_by_role("button", name="Compare").click()
    table = page.locator("#version-differences tbody")
    expect(table.locator("tr", has_text="Median")).to_contain_text("₹24,00,000")
    expect(table.locator("tr", has_text="Median")).to_contain_text("₹25,00,000")
    expect(table).not_to_contain_text("Summary")  # the same in both versions
    expect(page.locator("h1")).to_contain_text("Compare two versions")


def test_a_loaded_role_can_go_back_to_its_first_version(site_url, editors, page):
    """loadcontent records the first version of every role it loads; an editor's later save can be undone."""
    role = Role.objects.get(slug=ROLE)
    loaded_summary = role.summary
    band = SalaryBand.objects.all_employers().get(role=role, level__slug="senior", location__slug="india")
    log_in(page, site_url, "asha", reverse("admin:roles_role_change", args=[role.pk]))
    page.locator("#id_summary").fill("A summary that turned out wrong.")
    pay_input_on(page, "senior", "india").fill("2500000")
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    page.get_by_role("link", name="History").click()
    loaded = page.locator("#change-history tbody tr", has_text=f"Loaded from fixtures/roles/{ROLE}.json")
    expect(loaded).to_have_count(1)
    loaded.locator("a").first.click()
    expect(page.locator("#id_summary")).to_have_value(loaded_summary)
    page.get_by_role("button", name="Save", exact=True).click()
    message = page.locator(".messagelist")
    expect(message).to_contain_text("Restored the version of")
    expect(message).to_contain_text(f"Loaded from fixtures/roles/{ROLE}.json")

    role.refresh_from_db()
    band.refresh_from_db()
    assert role.summary == loaded_summary and band.median == 2_400_000
