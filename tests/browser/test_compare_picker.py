"""The hub's "compare with" picker in a browser: with JavaScript the matches follow what is typed, in place; without
it the form submits to the compare page, and an exact title goes straight to the move."""

from __future__ import annotations

import re

from tools.pages import PAGES

from .helpers import expect, mark_document, same_document


def test_typing_a_title_lists_the_matches_in_place(site_url, page):
    page.goto(site_url + PAGES["role"])
    mark_document(page)
    page.locator("#compare-to").fill("engineer")
    matches = page.locator("#compare-matches")
    expect(matches.locator("h2")).to_have_text("Roles matching “engineer”")
    expect(matches.locator("a").first).to_have_attribute("href", re.compile(r"^/roles/[-a-z0-9]+/to/[-a-z0-9]+/$"))
    page.locator("#compare-to").fill("zzzz")
    expect(matches).to_contain_text("No role's title holds “zzzz”")
    assert same_document(page), "the matches changed without loading a new page"
    assert page.locator("h1").count() == 1


def test_without_javascript_the_form_goes_to_the_compare_page(site_url, no_js):
    page = no_js.new_page()
    page.goto(site_url + PAGES["role"])
    page.locator("#compare-to").fill("engineer")
    with page.expect_navigation():
        page.get_by_role("button", name="Compare").click()
    expect(page).to_have_url(re.compile(r"/compare/\?q=engineer$"))
    expect(page.locator("#matches")).to_have_text("Roles matching “engineer”")
