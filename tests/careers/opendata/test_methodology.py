"""The methodology page (/about/data/) and the downloads page (/data/): figures written from the data, links to both."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from careers.opendata.licence import LICENCE_URL
from salaries.models import SalaryBand
from tests.html import element, elements, text_of

from .helpers import DRAFT, PUBLISHED

pytestmark = pytest.mark.django_db


def test_the_methodology_page_states_the_figures_from_the_data(client, with_draft):
    text = text_of(client.get("/about/data/"))
    bands = SalaryBand.objects.published().count()
    assert f"publishes {bands} pay figures for 2 roles in 1 field, at 4 levels" in text
    assert "Every published figure is dated 1 October 2026." in text
    assert "Low, median and high" in text


def test_the_oldest_and_newest_dates_are_named(client, with_draft):
    SalaryBand.objects.filter(role__slug=PUBLISHED[0]).update(as_of="2025-03-01")
    text = text_of(client.get("/about/data/"))
    assert "The oldest published figure is dated 1 March 2025 and the newest 1 October 2026." in text


def test_drafts_are_not_counted(client, with_draft):
    SalaryBand.objects.filter(role__slug=DRAFT).update(as_of="2020-01-01")
    text = text_of(client.get("/about/data/"))
    assert "2020" not in text and "3 roles" not in text


def test_the_corrections_address_is_the_setting(client, with_draft, settings):
    settings.CORRECTIONS_EMAIL = "fixes@example.net"
    link = element(client.get("/about/data/"), "a", href="mailto:fixes@example.net")
    assert link.text == "fixes@example.net"


def test_the_licence_is_stated_on_both_pages(client, with_draft):
    for path in ("/about/data/", "/data/"):
        assert element(client.get(path), "a", href=LICENCE_URL).get("rel") == "license"


def test_the_downloads_page_lists_each_download_with_its_size(client, with_draft):
    page = client.get("/data/")
    hrefs = {a["href"] for a in elements(page, "a")}
    assert {"/data/catalog.json", "/data/pay.csv", "/data/pay.csv-metadata.json", "/roles/data-engineer.json"} <= hrefs
    assert "/data/schema/role.json" in hrefs and "/data/schema/1.0/role.json" in hrefs
    csv_size = len(b"".join(client.get("/data/pay.csv").streaming_content))
    assert f"({csv_size:,} bytes)" in text_of(page)


def test_a_large_catalogs_sizes_come_from_its_downloads(client, with_draft, monkeypatch):
    """Past the size the page measures itself, a download records its size when it has been sent whole."""
    monkeypatch.setattr("careers.opendata.sizes.MEASURE_IN_REQUEST_ROLES", 1)
    page = client.get("/data/")
    assert "known once it has been downloaded" in text_of(page)
    assert "private" in page["Cache-Control"]
    sizes = [len(b"".join(client.get(url).streaming_content)) for url in ("/data/catalog.json", "/data/pay.csv")]
    page = client.get("/data/")
    assert "known once" not in text_of(page)
    assert all(f"({size:,} bytes)" in text_of(page) for size in sizes)
    assert "private" not in page["Cache-Control"]


@pytest.mark.parametrize(
    "path",
    [
        f"/roles/{PUBLISHED[0]}/career-path/",
        f"/roles/{PUBLISHED[0]}/career-path/senior/",
        f"/roles/{PUBLISHED[0]}/salary/",
        "/salaries/",
        f"/roles/{PUBLISHED[0]}/check/?skill=python&years=3",
    ],
)
def test_every_source_line_links_to_the_methodology(client, with_draft, path):
    sources = elements(client.get(path), "p", class_="source")
    linked = [p for p in sources if p.find_all("a", href="/about/data/")]
    assert linked, path


def test_the_footer_links_both_pages(client, with_draft):
    footer = element(client.get("/"), "footer")
    hrefs = {a["href"] for a in footer.find_all("a")}
    assert {"/about/data/", "/data/"} <= hrefs


def test_the_pages_cost_the_same_queries_once_sizes_are_known(client, with_draft, settings):
    settings.PAGE_CACHE_ENABLED = False
    client.get("/data/")  # measures the downloads once for this content version
    # With the site card's counts.
    for path, budget in (("/about/data/", 6), ("/data/", 8)):
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(path).status_code == 200
        assert len(ctx.captured_queries) == budget, path
