"""With JavaScript off every page shows the same content, and search, city, kind of employer and filters work by plain
navigation."""

from __future__ import annotations

import re

from tools.pages import PAGES, SCREENS

from .helpers import expect


def test_pages_show_the_same_content(site_url, desktop, no_js, subtests):
    with_js, without_js = desktop.new_page(), no_js.new_page()
    for name, path in SCREENS.items():
        with subtests.test(page=name):
            with_js.goto(site_url + path)
            without_js.goto(site_url + path)
            assert without_js.evaluate("typeof htmx") == "undefined", "JavaScript is really off"
            assert without_js.locator("main").inner_text() == with_js.locator("main").inner_text()


def test_search_form_works_by_navigation(site_url, no_js):
    page = no_js.new_page()
    page.goto(site_url + PAGES["catalog"])
    page.locator("#q").fill("kubernetes")
    with page.expect_navigation():
        page.locator("#q").press("Enter")
    expect(page).to_have_url(re.compile(r"/roles/\?q=kubernetes$"))
    expect(page.locator("#results-heading")).to_contain_text("match “kubernetes”")
    assert "DevOps Engineer" in page.locator(".role-card__title").all_inner_texts()

    page.goto(site_url + PAGES["home"])
    page.locator("#q-home").fill("figma")
    with page.expect_navigation():
        page.get_by_role("button", name="Search").click()
    expect(page.locator("#results-heading")).to_contain_text("match “figma”")


def test_city_links_and_compare_form_work_by_navigation(site_url, no_js):
    page = no_js.new_page()
    page.goto(site_url + PAGES["salary"])
    india = page.locator(".pay-table tbody td.pay").all_inner_texts()
    with page.expect_navigation():
        page.locator("#place-bengaluru").click()
    expect(page).to_have_url(re.compile(r"\?location=bengaluru$"))
    expect(page.locator(".salary__places .chip--current")).to_have_text("Bengaluru")
    assert page.locator(".pay-table tbody td.pay").all_inner_texts() != india
    assert "Bengaluru" in page.locator("#pay-chart-title").text_content()

    page.goto(site_url + PAGES["salaries"])
    page.locator("#compare-location").select_option("pune")
    page.locator("#compare-level").select_option("senior")
    with page.expect_navigation():
        page.get_by_role("button", name="Compare").click()
    expect(page).to_have_url(re.compile(r"location=pune&level=senior"))
    expect(page.locator("#compare-heading")).to_contain_text("pay in Pune")


def test_employer_links_and_filter_work_by_navigation(site_url, no_js):
    page = no_js.new_page()
    page.goto(site_url + PAGES["salary"])
    everyone = page.locator(".pay-table tbody td.pay").all_inner_texts()
    with page.expect_navigation():
        page.locator("#employer-product").click()
    expect(page).to_have_url(re.compile(r"\?employer=product$"))
    expect(page.locator(".salary__employers .chip--current")).to_have_text("Product company")
    expect(page.locator("h1")).to_have_text(re.compile("salary by level: Product company$"))
    assert page.locator(".pay-table tbody td.pay").all_inner_texts() != everyone
    assert "Product company" in page.locator("#pay-chart-title").text_content()

    with page.expect_navigation():
        page.locator("#employer-all").click()
    expect(page).to_have_url(re.compile(r"/salary/$"))
    assert page.locator(".pay-table tbody td.pay").all_inner_texts() == everyone
    page.go_back()
    expect(page).to_have_url(re.compile(r"\?employer=product$"))
    expect(page.locator(".salary__employers .chip--current")).to_have_text("Product company")

    page.goto(site_url + PAGES["salaries"])
    page.locator("#compare-employer").select_option("gcc")
    with page.expect_navigation():
        page.get_by_role("button", name="Compare").click()
    expect(page).to_have_url(re.compile(r"employer=gcc"))
    expect(page.locator("#compare-heading")).to_contain_text("Global capability centre (GCC)")


def test_compare_picker_works_by_navigation(site_url, no_js):
    """The hub's "compare with" field: typed text lists matching roles, an exact title goes to the move."""
    page = no_js.new_page()
    page.goto(site_url + PAGES["role"])
    page.locator("#compare-to").fill("engineer")
    with page.expect_navigation():
        page.locator("#compare-to").press("Enter")
    expect(page).to_have_url(re.compile(r"/roles/machine-learning-engineer/compare/\?q=engineer$"))
    expect(page.locator("#matches")).to_contain_text("engineer")
    with page.expect_navigation():
        page.get_by_role("link", name="Machine Learning Engineer → Data Engineer").click()
    expect(page).to_have_url(re.compile(r"/roles/machine-learning-engineer/to/data-engineer/$"))

    page.goto(site_url + PAGES["role"])
    page.locator("#compare-to").fill("Data Scientist")
    with page.expect_navigation():
        page.get_by_role("button", name="Compare").click()
    expect(page).to_have_url(re.compile(r"/roles/machine-learning-engineer/to/data-scientist/$"))
