"""The title translator in a browser: with JavaScript the answer follows what is typed, in place, and the address
follows the answer; without JavaScript the same form submits and the answer comes with the page."""

from __future__ import annotations

import re

from tools.pages import PAGES

from .helpers import expect, mark_document, same_document


def test_typing_a_title_updates_the_answer_in_place(site_url, page):
    page.goto(site_url + PAGES["titles"])
    heading = page.locator("#answer-heading")
    expect(heading).to_have_text("Every title we know")
    mark_document(page)

    page.locator("#title-q").fill("Sr. SDE")
    expect(heading).to_contain_text("We do not know")
    page.locator("#title-q").fill("Associate")
    expect(heading).to_contain_text("means different levels")
    page.locator("#title-employer").select_option("gcc")
    expect(heading).to_contain_text("Associate: Mid-level")
    expect(page).to_have_url(re.compile(r"/titles/\?title=Associate&employer=gcc"))
    expect(page).to_have_title(re.compile(r"What “Associate” means"))
    assert same_document(page), "the answer changed without loading a new page"
    assert page.locator("h1").count() == 1


def test_without_javascript_the_form_submits(site_url, no_js):
    page = no_js.new_page()
    page.goto(site_url + PAGES["titles"])
    page.locator("#title-q").fill("sde-ii")
    page.locator("#title-employer").select_option("product")
    with page.expect_navigation():
        page.get_by_role("button", name="Translate").click()
    expect(page).to_have_url(re.compile(r"/titles/\?title=sde-ii&employer=product"))
    expect(page.locator("#answer-heading")).to_contain_text("sde-ii: Mid-level")
    with page.expect_navigation():
        page.get_by_role("link", name="SDE III at a product company").click()
    expect(page.locator("h1")).to_have_text("Job title: SDE III at a product company")
