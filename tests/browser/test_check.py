"""The skills check in a browser: with JavaScript the answer follows the ticks in place and the address follows the
answer (so it can be shared); without JavaScript the same form submits and the answer comes with the page."""

from __future__ import annotations

import re

from tools.pages import PAGES

from .helpers import expect, mark_document, same_document

JUNIOR = ["python", "tensorflow-pytorch", "mlops", "model-deployment"]  # 4 of the junior level's 5: enough


def tick(page, *slugs: str) -> None:
    for slug in slugs:
        page.locator(f'input[name="skill"][value="{slug}"]').check()


def test_ticking_boxes_updates_the_answer_in_place_and_the_address_can_be_shared(site_url, page, desktop):
    page.goto(site_url + PAGES["check"])
    heading = page.locator("#answer-heading")
    expect(heading).to_have_text("Your answer")
    mark_document(page)

    tick(page, "python")
    expect(heading).to_have_text("No level fits yet")
    expect(page).to_have_url(re.compile(r"/check/\?skill=python&years=$"))

    tick(page, *JUNIOR[1:])
    expect(heading).to_contain_text("Your level: Junior Machine Learning Engineer")
    expect(page).to_have_title(re.compile(r"skills check: Entry / Junior fits"))

    page.locator("#check-years").fill("3")
    page.locator("#check-years").press("Tab")  # a number field changes when it loses the focus
    expect(page.locator("#answer")).to_contain_text("your 3 years reach the start of its range (0 years)")
    expect(page).to_have_url(re.compile(r"years=3$"))
    assert same_document(page), "the answer changed without loading a new page"
    assert page.locator("h1").count() == 1

    page.locator('input[name="skill"][value="python"]').uncheck()
    expect(heading).to_have_text("No level fits yet")
    answer = page.locator("#answer").inner_text()
    shared = page.url

    # The address alone gives the same answer to someone else, with the same boxes ticked.
    other = desktop.new_page()
    other.goto(shared)
    expect(other.locator("#answer-heading")).to_have_text("No level fits yet")
    assert other.locator("#answer").inner_text() == answer
    ticked = other.locator('input[name="skill"]:checked')
    assert [ticked.nth(i).get_attribute("value") for i in range(ticked.count())] == JUNIOR[1:]
    expect(other.locator("#check-years")).to_have_value("3")
    other.close()


def test_without_javascript_the_form_submits_and_the_answer_comes_with_the_page(site_url, no_js):
    page = no_js.new_page()
    page.goto(site_url + PAGES["check"])
    tick(page, *JUNIOR, "docker-kubernetes", "feature-engineering", "data-pipelines")
    page.locator("#check-years").fill("4")
    with page.expect_navigation():
        page.get_by_role("button", name="Check my level").click()
    expect(page).to_have_url(re.compile(r"/check/\?skill=python&skill=tensorflow-pytorch.*&years=4$"))
    expect(page.locator("#answer-heading")).to_contain_text("Your level: Machine Learning Engineer")
    expect(page.locator("#answer")).to_contain_text("Next: Senior Machine Learning Engineer")
    assert page.locator('input[name="skill"]:checked').count() == 7

    with page.expect_navigation():
        page.get_by_role("link", name="Start again").click()
    expect(page.locator("#answer-heading")).to_have_text("Your answer")
    assert page.locator('input[name="skill"]:checked').count() == 0
