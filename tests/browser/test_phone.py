"""On a 390 px phone no page scrolls sideways and the running text is at least 16 px."""

from __future__ import annotations

from tools.pages import SCREENS, WIDTHS

# Running text: paragraphs without a special role, list items of plain lists, FAQ answers, the lede.
# Small print (breadcrumbs, sources, table headings, chips) may be smaller; reading matter may not.
RUNNING_TEXT = "main p:not([class]), main .lede, main dd, main ul:not([class]) > li, main ol:not([class]) > li"
MEASURE = """(selector) => {
  const root = document.documentElement;
  const sizes = [...document.querySelectorAll(selector)]
    .filter(el => el.offsetParent !== null && el.textContent.trim() && !el.closest('.breadcrumbs'))
    .map(el => [parseFloat(getComputedStyle(el).fontSize), el.textContent.trim().slice(0, 40)]);
  const wide = [...document.querySelectorAll('body *')]
    .filter(el => el.getBoundingClientRect().right > innerWidth + 0.5
      && !el.closest('.table-scroll, .visually-hidden, .skip-link'))
    .map(el => el.tagName.toLowerCase() + (el.className ? '.' + el.className : ''));
  return {
    scrollWidth: root.scrollWidth, innerWidth: innerWidth,
    body: parseFloat(getComputedStyle(document.body).fontSize),
    small: sizes.filter(([size]) => size < 16), count: sizes.length, wide: wide.slice(0, 5),
  };
}"""


def test_no_page_scrolls_sideways_and_text_is_readable(site_url, phone, subtests):
    page = phone.new_page()
    for name, path in SCREENS.items():
        with subtests.test(page=name):
            page.goto(site_url + path)
            found = page.evaluate(MEASURE, RUNNING_TEXT)
            assert found["innerWidth"] == WIDTHS["phone"]["width"], "the page zoomed out to fit something wide"
            assert found["scrollWidth"] <= found["innerWidth"], f"wider than the screen: {found['wide']}"
            if name == "admin-login":
                continue  # Django's own admin styles (14 px) are for editors at desks; visitors never see them.
            assert found["body"] >= 16
            assert found["count"] > 0
            assert found["small"] == [], "running text under 16 px"
