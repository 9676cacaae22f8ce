"""The keyboard alone: Tab reaches every link and control, in order from the skip link, each with a visible focus."""

from __future__ import annotations

from tools.pages import PAGES

# Everything a keyboard user should be able to reach, numbered in document order.
NUMBER_FOCUSABLES = """() => {
  const selector = 'a[href], button:not([disabled]), input:not([type=hidden]):not([disabled]), select:not([disabled]),'
    + ' textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';
  const all = [...document.querySelectorAll(selector)].filter(el => el.checkVisibility({visibilityProperty: true}));
  all.forEach((el, i) => el.dataset.tabStop = i);
  return all.length;
}"""
# Which numbered element has the focus now, and whether it shows it.
FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  const shadow = style.boxShadow && style.boxShadow !== 'none';
  const box = el.getBoundingClientRect();
  return {
    stop: el.dataset.tabStop === undefined ? null : Number(el.dataset.tabStop),
    name: el.tagName.toLowerCase() + ' ' + (el.textContent || el.name || '').trim().slice(0, 40),
    skip: el.classList.contains('skip-link'),
    visible: Boolean(outline || shadow),
    onScreen: box.bottom > 0 && box.top < innerHeight && box.width > 0,
  };
}"""
KEYBOARD_PAGES = ["career-path", "salary", "catalog", "salaries", "home", "level", "check-answer"]


def tab_through(page) -> list[dict]:
    stops: list[dict] = []
    expected = page.evaluate(NUMBER_FOCUSABLES)
    for _ in range(expected + 5):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused is None or (stops and focused["stop"] == stops[0]["stop"]):
            break  # past the last stop: focus left the page or came round again
        stops.append(focused)
    return stops


def test_tab_reaches_everything_with_visible_focus(site_url, page, subtests):
    # Without smooth scrolling a focused element is on screen at once, not a few frames later.
    page.emulate_media(reduced_motion="reduce")
    for name in KEYBOARD_PAGES:
        with subtests.test(page=name):
            page.goto(site_url + PAGES[name])
            expected = page.evaluate(NUMBER_FOCUSABLES)
            stops = tab_through(page)

            assert stops[0]["skip"], f"the first Tab stop is the skip link, not {stops[0]['name']}"
            assert [s["stop"] for s in stops] == list(range(expected)), "every link and control, in page order"
            assert [s["name"] for s in stops if not s["visible"]] == [], "a focused element shows no outline"
            assert [s["name"] for s in stops if not s["onScreen"]] == [], "a focused element is off screen"


def test_skip_link_jumps_to_the_content(site_url, page):
    page.goto(site_url + PAGES["career-path"])
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null"), "the next Tab lands inside <main>"
    assert page.evaluate("document.activeElement.closest('.site-header') === null")
