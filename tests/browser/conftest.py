"""Real-browser tests: Playwright (sync API) drives the Debian Chromium against pytest-django's live server.

Chromium is launched once for this folder. pytest-django's live server is session-wide, but its database is
transactional: flushed after every test. So each test loads the real content of fixtures/ and the flush cleans
up after it: nothing leaks into the other test folders, and an edit made by one test (the editor's) is gone for
the next. To keep the cost of those loads small the tests are few and broad, with a subtest per page.

No Chromium (or no Playwright, or no axe-core for the accessibility checks) means a skip with the command that
installs it, except in CI (CI=true or CI_REQUIRE_BROWSER=1), where a missing browser is a failure: CI must
never pass by skipping what it is there to check.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from django.conf import settings
from django.core.management import call_command

from tools.pages import CHROMIUM_ARGS, WIDTHS

from .helpers import TIMEOUT_MS

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
DESKTOP = WIDTHS["desktop"]
PHONE = WIDTHS["phone"]


def _browser_required() -> bool:
    return os.environ.get("CI", "").lower() == "true" or os.environ.get("CI_REQUIRE_BROWSER", "") == "1"


def _skip_or_fail(reason: str) -> None:
    if _browser_required():
        pytest.fail(f"{reason} (CI does not skip the browser tests)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    """One Chromium for this folder's tests, closed when they are done."""
    if not CHROMIUM.exists():
        _skip_or_fail(f"No Chromium at {CHROMIUM}: `apt-get install chromium` to run the browser tests")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _skip_or_fail("Playwright is not installed: `.venv/bin/pip install -e '.[dev]'` to run the browser tests")
    # Playwright's sync API keeps an event loop running on this thread while the browser is open, and Django
    # refuses ORM calls from a thread with a running loop. Our ORM calls here (loading content, creating an
    # editor) are plain synchronous code, so the guard is lifted, for this folder only.
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def site_url(browser, live_server) -> str:
    """The live server's address, serving the real content of fixtures/, loaded into this test's database."""
    call_command("loadcontent", verbosity=0, stdout=io.StringIO())
    return live_server.url


def _context(browser: Browser, **options) -> Iterator[BrowserContext]:
    context = browser.new_context(**options)
    context.set_default_timeout(TIMEOUT_MS)
    yield context
    context.close()


@pytest.fixture
def desktop(browser) -> Iterator[BrowserContext]:
    yield from _context(browser, viewport=DESKTOP)


@pytest.fixture
def phone(browser) -> Iterator[BrowserContext]:
    yield from _context(browser, viewport=PHONE, is_mobile=True, has_touch=True)


@pytest.fixture
def no_js(browser) -> Iterator[BrowserContext]:
    yield from _context(browser, viewport=DESKTOP, java_script_enabled=False)


@pytest.fixture
def page(desktop) -> Iterator[Page]:
    """A desktop page that fails the test on a script error or a refused script, style or frame (CSP)."""
    tab = desktop.new_page()
    problems: list[str] = []
    tab.on("pageerror", lambda error: problems.append(f"script error: {error}"))

    def console(msg) -> None:
        where = msg.location.get("url", "")
        # Django's admin pages name no icon, so the browser asks for /favicon.ico and gets a 404: harmless.
        if msg.type == "error" and not where.endswith("/favicon.ico"):
            problems.append(f"{msg.text} {where}")

    tab.on("console", console)
    yield tab
    assert problems == [], "the browser reported errors"


@pytest.fixture
def axe_script() -> Path:
    if not AXE.exists():
        _skip_or_fail(f"No axe-core at {AXE}: `npm install` at the repository root to run the accessibility checks")
    return AXE
