"""Small helpers shared by the browser tests. Playwright is imported lazily, so that a machine without it
collects these tests and the `browser` fixture can skip (or, in CI, fail) them with a clear message."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from playwright.sync_api import Page


def expect(target: Any, **options: Any):
    """Playwright's web-first assertion: retried until it holds or the timeout passes."""
    from playwright.sync_api import expect as playwright_expect

    return playwright_expect(target, **options)


def mark_document(page: Page) -> None:
    """Tag the current document; a full navigation loads a new one without the tag."""
    page.evaluate("window.__sameDocument = true")


def same_document(page: Page) -> bool:
    return page.evaluate("window.__sameDocument === true")
