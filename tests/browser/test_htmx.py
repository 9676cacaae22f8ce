"""With JavaScript on, htmx makes the search and the city and employer switches answer in place, and the URL follows."""

from __future__ import annotations

import re

from tools.pages import PAGES

from .helpers import expect, mark_document, same_document


def test_search_answers_as_you_type(site_url, page):
    page.goto(site_url + PAGES["catalog"])
    before = page.locator("#results").inner_text()
    mark_document(page)

    page.locator("#q").press_sequentially("kubernetes", delay=40)

    expect(page.locator("#results-heading")).to_contain_text("match “kubernetes”")
    expect(page).to_have_url(re.compile(r"/roles/\?q=kubernetes$"))
    assert same_document(page), "the results changed without loading a new page"
    results = page.locator("#results")
    assert results.inner_text() != before
    titles = results.locator(".role-card__title").all_inner_texts()
    assert "DevOps Engineer" in titles and "Data Scientist" not in titles

    page.locator("#q").fill("zzzz-nothing")
    expect(page.locator("#results-heading")).to_contain_text("No roles match")
    expect(page).to_have_url(re.compile(r"\?q=zzzz-nothing$"))

    page.go_back()
    expect(page).to_have_url(re.compile(r"\?q=kubernetes$"))
    expect(page.locator("#results-heading")).to_contain_text("match “kubernetes”")
    assert page.locator("h1").count() == 1, "a restored page is a whole page, not a fragment in a page"


def pay_shown(page) -> dict:
    """What the salary page shows for the chosen city: the current chip, the table's medians, the chart's."""
    return {
        "city": page.locator(".salary__places .chip--current").inner_text(),
        "table": page.locator(".pay-table tbody td.pay").all_inner_texts(),
        "chart": page.eval_on_selector_all(".pay-chart__bar", "bars => bars.map(b => b.dataset.median)"),
        "chart_title": page.locator("#pay-chart-title").text_content(),
    }


def choose_city(page, slug: str, name: str) -> dict:
    page.locator(f"#place-{slug}").click()
    expect(page.locator(".salary__places .chip--current")).to_have_text(name)
    expect(page).to_have_url(re.compile(rf"\?location={slug}$"))
    return pay_shown(page)


def test_city_switch_swaps_table_and_chart_and_history_follows(site_url, page):
    page.goto(site_url + PAGES["salary"])
    mark_document(page)
    india = pay_shown(page)
    assert india["city"] == "India" and len(india["table"]) == len(india["chart"]) == 4

    bengaluru = choose_city(page, "bengaluru", "Bengaluru")
    assert same_document(page), "the city switch swapped the figures in place"
    assert bengaluru["table"] != india["table"] and bengaluru["chart"] != india["chart"]
    assert "Bengaluru" in bengaluru["chart_title"]
    expect(page.locator("#pay-heading")).to_contain_text("in Bengaluru")
    expect(page).to_have_title(re.compile("salary in Bengaluru"))

    mumbai = choose_city(page, "mumbai", "Mumbai")
    assert mumbai["table"] != bengaluru["table"]

    page.go_back()
    expect(page).to_have_url(re.compile(r"\?location=bengaluru$"))
    expect(page.locator(".salary__places .chip--current")).to_have_text("Bengaluru")
    assert pay_shown(page) == bengaluru

    page.go_back()
    expect(page).to_have_url(re.compile(r"/salary/$"))
    expect(page.locator(".salary__places .chip--current")).to_have_text("India")
    assert pay_shown(page) == india

    page.go_forward()
    expect(page.locator(".salary__places .chip--current")).to_have_text("Bengaluru")
    assert pay_shown(page) == bengaluru
    assert page.locator("h1").count() == 1, "a restored page is a whole page, not a fragment in a page"


def employer_shown(page) -> dict:
    """What the salary page shows for the chosen kind of employer: the current chip, the heading, the medians."""
    return {
        "employer": page.locator(".salary__employers .chip--current").inner_text(),
        "h1": page.locator("h1").inner_text(),
        "table": page.locator(".pay-table tbody td.pay").all_inner_texts(),
        "chart": page.eval_on_selector_all(".pay-chart__bar", "bars => bars.map(b => b.dataset.median)"),
    }


def choose_employer(page, slug: str, name: str) -> dict:
    page.locator(f"#employer-{slug}").click()
    expect(page.locator(".salary__employers .chip--current")).to_have_text(name)
    expect(page).to_have_url(re.compile(rf"\?employer={slug}$"))
    return employer_shown(page)


def test_employer_switch_swaps_the_region_and_history_follows(site_url, page):
    page.goto(site_url + PAGES["salary"])
    mark_document(page)
    everyone = employer_shown(page)
    assert everyone["employer"] == "All employers" and len(everyone["table"]) == len(everyone["chart"]) == 4
    assert page.locator(".employer-chart__bar").count() == 16, "the chart by kind of employer: 4 kinds x 4 levels"

    product = choose_employer(page, "product", "Product company")
    assert same_document(page), "the employer switch swapped the figures in place"
    assert product["h1"].endswith("salary by level: Product company")
    assert product["table"] != everyone["table"] and len(product["chart"]) == 4
    expect(page).to_have_title(re.compile("salary: Product company"))
    assert page.locator(".employer-chart__bar").count() == 0, "a kind of employer's page shows its own figures"

    gcc = choose_employer(page, "gcc", "Global capability centre (GCC)")
    assert gcc["table"] != product["table"]

    page.go_back()
    expect(page).to_have_url(re.compile(r"\?employer=product$"))
    expect(page.locator(".salary__employers .chip--current")).to_have_text("Product company")
    assert employer_shown(page) == product

    page.go_back()
    expect(page).to_have_url(re.compile(r"/salary/$"))
    expect(page.locator(".salary__employers .chip--current")).to_have_text("All employers")
    assert employer_shown(page) == everyone

    page.go_forward()
    expect(page.locator(".salary__employers .chip--current")).to_have_text("Product company")
    assert employer_shown(page) == product
    assert page.locator("h1").count() == 1, "a restored page is a whole page, not a fragment in a page"


def test_a_kind_of_employer_that_rarely_hires_the_role_says_so_in_place(site_url, page):
    page.goto(site_url + PAGES["salary-rarely-hired"].split("?")[0])
    mark_document(page)
    expect(page.locator("#by-employer-caption")).to_be_visible()
    assert "Rarely hires Research Scientists" in page.locator(".by-employer").inner_text()
    page.locator("#employer-it-services").click()
    expect(page.locator(".salary__rarely")).to_contain_text("rarely hire Research Scientists")
    assert same_document(page)
    assert page.locator(".pay-table").count() == 0


def test_the_comparison_filters_by_kind_of_employer_in_place(site_url, page):
    page.goto(site_url + PAGES["salaries"])
    mark_document(page)
    page.locator("#compare-employer").select_option("startup")
    expect(page.locator("#compare-heading")).to_contain_text("Funded startup")
    expect(page).to_have_url(re.compile(r"employer=startup"))
    assert same_document(page), "the table was swapped in place"
    page.go_back()
    expect(page.locator("#compare-heading")).not_to_contain_text("Funded startup")
