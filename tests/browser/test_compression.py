"""Chromium gets the pages compressed: the coding it asks for (brotli, or gzip where it does not offer brotli over
plain http), decoded to the same page."""

from __future__ import annotations

from tools.pages import PAGES


def test_chromium_receives_compressed_pages(site_url, page, subtests):
    for name in ("career-path", "skills", "salary"):
        with subtests.test(page=name):
            for visit in ("first", "cached"):
                response = page.goto(site_url + PAGES[name])
                assert response is not None and response.status == 200
                headers = response.headers
                assert headers.get("content-encoding") in ("br", "gzip"), (visit, headers)
                assert "accept-encoding" in headers.get("vary", "").lower()
                assert page.locator("h1").count() == 1
