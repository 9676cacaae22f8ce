"""An editor changes a median on the role screen and previews it: a new tab shows the changed figure, while the saved
page and the database keep the old one, and the role screen keeps the editor's input."""

from __future__ import annotations

import io
import re

import pytest
from django.core.management import call_command
from django.urls import reverse

from roles.models import Role
from salaries.models import SalaryBand
from salaries.money import format_full, format_short
from tools.pages import PAGES, ROLE

from .helpers import expect, pay_input_on
from .test_editor import PASSWORD, editors_group, senior_pay_in  # noqa: F401 (editors_group is a fixture)

NEW_MEDIAN = 2_650_000  # senior, India: the content says ₹24,00,000 between ₹20,00,000 and ₹30,00,000


def watch(context) -> list[str]:
    """Script errors and console errors (a script or style the CSP refused) in any tab of the context."""
    problems: list[str] = []

    def console(msg) -> None:
        # Django's admin pages name no icon, so the browser asks for /favicon.ico and gets a 404: harmless.
        if msg.type == "error" and not msg.location.get("url", "").endswith("/favicon.ico"):
            problems.append(f"{msg.text} {msg.location.get('url', '')}")

    context.on("console", console)
    context.on("weberror", lambda error: problems.append(f"script error: {error.error}"))
    return problems


@pytest.mark.parametrize("context", ["desktop", "no_js"])
def test_editor_previews_a_changed_median_without_saving(site_url, editors_group, browser, context, request):  # noqa: F811
    """With JavaScript and without: the button is a plain submit button (formaction, formtarget)."""
    tabs = request.getfixturevalue(context)
    problems = watch(tabs)
    page = tabs.new_page()
    call_command("createeditor", "editor", "--password", PASSWORD, stdout=io.StringIO())
    role = Role.objects.get(slug=ROLE)
    band = SalaryBand.objects.all_employers().get(role=role, level__slug="senior", location__slug="india")
    saved = band.median
    assert band.low < NEW_MEDIAN < band.high and saved != NEW_MEDIAN

    page.goto(site_url + reverse("admin:roles_role_change", args=[role.pk]))
    expect(page).to_have_url(re.compile("/admin/login/"))
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.locator("h1")).to_contain_text("Change role")
    assert problems == [], "the browser reported errors (a refused script or style?)"

    median = pay_input_on(page, "senior", "india")
    expect(median).to_have_value(str(saved))
    median.fill(str(NEW_MEDIAN))

    with page.expect_popup() as popup:
        page.get_by_role("button", name="Preview", exact=True).click()
    preview = popup.value
    preview.wait_for_load_state()
    expect(preview.locator(".preview-banner")).to_contain_text(
        "Preview of unsaved changes to Machine Learning Engineer"
    )
    expect(preview.locator('meta[name="robots"]')).to_have_attribute("content", "noindex, nofollow")
    expect(preview.locator("section:has(h2#pay) tbody")).to_contain_text(format_short(NEW_MEDIAN, "INR"))
    # The other page of the same unsaved form, one click away.
    preview.get_by_role("button", name="Salary").click()
    expect(preview.locator(".preview-banner")).to_contain_text("Preview of unsaved changes")
    assert senior_pay_in(preview) == format_full(NEW_MEDIAN, "INR")

    # Nothing was saved: the database, the public page, and the editor's input still on the role screen.
    band.refresh_from_db()
    assert band.median == saved
    visitor = browser.new_context()
    public = visitor.new_page()
    public.goto(site_url + PAGES["salary"])
    assert senior_pay_in(public) == format_full(saved, "INR")
    expect(public.locator(".preview-banner")).to_have_count(0)
    visitor.close()
    expect(median).to_have_value(str(NEW_MEDIAN))
    expect(page.locator("h1")).to_contain_text("Change role")
    assert problems == [], "the browser reported errors (a refused script or style?)"
