"""With the cache server stopped, every page is still served (uncached), and the health check says so."""

from __future__ import annotations

import logging

from django.test import Client

from careers.web import page_tags
from tools.pages import PAGES


def test_pages_are_served_without_the_cache(site_content, cache_down, caplog):
    client = Client(raise_request_exception=False)
    caplog.set_level(logging.WARNING, logger="careers.web.page_cache")
    for name, url in PAGES.items():
        for _ in range(2):  # the second time would have come from the cache
            response = client.get(url)
            assert response.status_code == 200, name
            assert b"<h1" in response.content, name
    partial = client.get("/roles/?q=data", headers={"HX-Request": "true"})
    assert partial.status_code == 200 and b"<html" not in partial.content
    # Each miss is logged as a warning, not an error page.
    assert any("page cache unavailable" in r.getMessage() for r in caplog.records)


def test_the_admin_and_conditional_requests_work_without_the_cache(site_content, cache_down, admin_client):
    assert admin_client.get("/admin/roles/role/").status_code == 200
    client = Client(raise_request_exception=False)
    first = client.get("/roles/")
    assert first.status_code == 200
    again = client.get("/roles/", headers={"If-None-Match": first["ETag"]})
    assert again.status_code in (200, 304)


def test_healthz_reports_the_cache_down_and_still_serves(site_content, cache_down):
    response = Client().get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "down"}


def test_with_a_shared_cache_down_pages_are_served_and_saves_stand(site_content, cache_down, settings, caplog):
    """Freshness read from the cache alone (PAGE_CACHE_SHARED): nothing to read, so nothing is served from it, and a
    save that cannot move its tags on still succeeds (logged as an error)."""
    settings.PAGE_CACHE_SHARED = True
    client = Client(raise_request_exception=False)
    for url in ("/", "/roles/", "/skills/"):
        for _ in range(2):
            response = client.get(url)
            assert response.status_code == 200 and b"<h1" in response.content, url
    page_tags.move_on([page_tags.SITE])
    assert any("could not move on" in r.getMessage() for r in caplog.records)
