"""Small helpers shared by the browser tests. Playwright is imported lazily, so that a machine without it
collects these tests and the `browser` fixture can skip (or, in CI, fail) them with a clear message."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tests.admin.formdata import pay_input

if TYPE_CHECKING:
    from playwright.sync_api import Locator, Page

# How long a browser test waits for an element (every context's default, and the tests' own waits): long enough
# for a slow CI machine, short enough that a missing element fails in seconds, not minutes.
TIMEOUT_MS = 10_000


def expect(target: Any, **options: Any):
    """Playwright's web-first assertion: retried until it holds or the timeout passes."""
    from playwright.sync_api import expect as playwright_expect

    return playwright_expect(target, **options)


def mark_document(page: Page) -> None:
    """Tag the current document; a full navigation loads a new one without the tag."""
    page.evaluate("window.__sameDocument = true")


def same_document(page: Page) -> bool:
    return page.evaluate("window.__sameDocument === true")


# The Pay section's fold; the groups of employer types in cities are folded again inside it.
PAY_SECTION = "#salary_bands-group > fieldset > details"


def open_pay(page: Page) -> None:
    """Open the role screen's Pay section if it is folded."""
    # The messages at the top show before the long form below them is parsed: wait for the whole document.
    page.wait_for_load_state("load")
    section = page.locator(PAY_SECTION)
    if section.count() and section.get_attribute("open") is None:
        section.locator("summary").first.click()


def pay_input_on(page: Page, level: str, location: str, figure: str = "median", employer_type: str = "all") -> Locator:
    """One input of the role screen's pay grid, by the name the grid gives it (tests/admin/formdata.pay_input);
    the Pay section is opened first if it is folded."""
    open_pay(page)
    return page.locator(f'input[name="{pay_input(level, location, figure, employer_type)}"]')
