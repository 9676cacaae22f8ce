"""Pages bounded at any size (issue 20, point 5): no page lists the whole catalog.

Loading 10,000 roles takes minutes, so these run on ``ROLES`` generated roles (tests/perf/generate.py), enough for
every list to be cut into pages, and check the bound by construction: a list page holds at most ``PAGE_SIZE``
roles, and what grows with the catalog beside them (the list of page numbers) is added at 10,000 roles. The figures
measured on 10,000 roles are in the README's Benchmark section.
"""

from __future__ import annotations

from collections import deque

import pytest
from django.test import override_settings

from careers.pages.compare import MATCHES, NEIGHBOURS
from careers.pages.paging import PAGE_SIZE
from careers.web.sitemaps import SITEMAPS, SiteSitemap
from salaries.salary_page import salary_url
from tests.factories import load_roles, role_doc
from tests.html import elements, internal_links
from tests.perf.generate import load_generated

pytestmark = pytest.mark.django_db

ROLES = 250  # three pages of the catalog, and skills asked for by more than a page of roles
AT_SCALE = 10_000
KB = 1024
HOME_MAX_BYTES = 60 * KB
LIST_PAGE_MAX_BYTES = 150 * KB
SITEMAP_MAX_URLS = 50_000
SITEMAP_MAX_BYTES = 10 * 1000 * 1000
# The longest <url> entry a sitemap can hold: slugs have at most 80 characters, SITE_URL is a short origin.
SITEMAP_ENTRY_MAX_BYTES = 1000


@pytest.fixture
def catalog(tmp_path, settings):
    settings.PAGE_CACHE_ENABLED = False
    load_generated(tmp_path, ROLES)


def page_link_bytes(path: str) -> int:
    """What one more page adds to a list page: its number in the page list, at the largest number at scale."""
    return len(f'<li><a href="{path}page={AT_SCALE // PAGE_SIZE}">{AT_SCALE // PAGE_SIZE}</a></li>')


def test_home_names_a_few_roles_a_field_and_stays_small(client, catalog):
    response = client.get("/")
    html = response.content.decode()
    hubs = [href for href in internal_links(html) if href.startswith("/roles/role-")]
    # Eight per field and the editors' picks: the generated roles are in one field.
    assert len(hubs) <= 8 + 6
    assert 'href="/roles/?page=' in html or 'href="/roles/#' in html
    assert len(response.content) <= HOME_MAX_BYTES


@pytest.mark.parametrize("url", ["/roles/", "/roles/?view=az", "/roles/?page=2", "/roles/?view=az&page=3"])
def test_catalog_pages_hold_one_page_of_roles(client, catalog, url):
    response = client.get(url)
    cards = elements(response, "li", class_="role-card")
    assert 0 < len(cards) <= PAGE_SIZE
    # At 10,000 roles the page list has 100 numbers instead of three.
    at_scale = len(response.content) + (AT_SCALE // PAGE_SIZE) * page_link_bytes("/roles/?view=az&amp;")
    assert at_scale <= LIST_PAGE_MAX_BYTES, at_scale


def test_catalog_pages_name_their_neighbours_and_themselves(client, catalog, settings):
    html = client.get("/roles/?view=az&page=2").content.decode()
    [canonical] = elements(html, "link", rel="canonical")
    assert canonical["href"] == f"{settings.SITE_URL}/roles/?view=az&page=2"
    assert elements(html, "link", rel="prev")[0]["href"] == f"{settings.SITE_URL}/roles/?view=az"
    assert elements(html, "link", rel="next")[0]["href"] == f"{settings.SITE_URL}/roles/?view=az&page=3"
    first = client.get("/roles/?view=az").content.decode()
    assert elements(first, "link", rel="canonical")[0]["href"] == f"{settings.SITE_URL}/roles/?view=az"
    assert not elements(first, "link", rel="prev")


@pytest.mark.parametrize("page", ["0", "x", "999", "-1", "9" * 40])
def test_a_page_number_that_is_no_page_gets_a_page(client, catalog, page):
    assert client.get("/roles/", {"page": page}).status_code == 200
    assert client.get("/skills/python/", {"page": page}).status_code == 200


def test_every_role_is_within_three_clicks_of_home(client, catalog):
    """Breadth first from / over the links of the list pages (home, catalog, skills): each role's hub by depth 3."""
    depth = {"/": 0}
    queue = deque(["/"])
    while queue:
        url = queue.popleft()
        if depth[url] >= 3 or not (url == "/" or url.startswith(("/roles/?", "/roles/#")) or url == "/roles/"):
            continue
        for link in internal_links(client.get(url)):
            if link not in depth:
                depth[link] = depth[url] + 1
                queue.append(link)
    hubs = {url for url in depth if url.startswith("/roles/role-") and url.count("/") == 3}
    assert len(hubs) == ROLES


def test_a_skill_of_many_roles_lists_one_page_of_them(client, catalog):
    response = client.get("/skills/python/")
    listed = [href for href in internal_links(response) if href.endswith("/career-path/")]
    assert len(listed) == PAGE_SIZE
    assert elements(response, "link", rel="next")
    later = internal_links(client.get("/skills/python/?page=2"))
    assert not set(listed) & {href for href in later if href.endswith("/career-path/")}
    at_scale = len(response.content) + (AT_SCALE // PAGE_SIZE) * page_link_bytes("/skills/python/?")
    assert at_scale <= LIST_PAGE_MAX_BYTES
    assert len(client.get("/skills/").content) <= LIST_PAGE_MAX_BYTES


def test_the_compare_picker_offers_a_few_roles_and_a_text_field(client, catalog):
    hub = client.get("/roles/role-0000/")
    assert not elements(hub, "select")
    moves = [href for href in internal_links(hub) if "/to/" in href]
    assert len(moves) <= NEIGHBOURS + 2  # and the moves the editors described
    answer = client.get("/roles/role-0000/compare/", {"q": "generated role"})
    assert len([href for href in internal_links(answer) if "/to/" in href]) <= MATCHES + NEIGHBOURS


@override_settings(SITE_URL="https://careers.example")
def test_sitemap_files_stay_within_the_protocol_bounds(client, catalog):
    assert SiteSitemap.limit <= SITEMAP_MAX_URLS
    assert SiteSitemap.limit * SITEMAP_ENTRY_MAX_BYTES <= SITEMAP_MAX_BYTES
    # The longest address a section can hold: a salary page by place and employer type, slugs at their longest.
    longest = "https://careers.example" + salary_url("r" * 80, "l" * 80, "e" * 80, home="")
    assert len(f"<url><loc>{longest}</loc><lastmod>2026-12-01T18:29:50+00:00</lastmod></url>") * 2 < 1000
    for section in SITEMAPS:
        xml = client.get(f"/sitemap-{section}.xml").content.decode()
        urls = xml.count("<url>")
        assert urls <= SiteSitemap.limit
        if urls:
            assert (len(xml.encode()) - len('<?xml version="1.0"?><urlset></urlset>')) / urls < SITEMAP_ENTRY_MAX_BYTES
    listed = client.get("/sitemap-list-pages.xml").content.decode()
    assert "https://careers.example/roles/?page=2<" in listed
    assert "https://careers.example/roles/?view=az&amp;page=3<" in listed


def test_the_salary_comparison_shows_one_page_of_roles(client, catalog, settings):
    response = client.get("/salaries/", {"sort": "title", "page": "2"})
    rows = elements(response, "tr")
    assert 1 < len(rows) <= PAGE_SIZE + 1  # and the head
    assert elements(response, "link", rel="canonical")[0]["href"] == f"{settings.SITE_URL}/salaries/?page=2"
    assert elements(response, "link", rel="next")[0]["href"] == f"{settings.SITE_URL}/salaries/?sort=title&page=3"
    at_scale = len(response.content) + (AT_SCALE // PAGE_SIZE) * page_link_bytes("/salaries/?sort=title&amp;")
    assert at_scale <= LIST_PAGE_MAX_BYTES


def test_the_a_to_z_index_links_letters_on_other_pages(client, tmp_path, settings):
    settings.PAGE_CACHE_ENABLED = False
    load_generated(tmp_path, PAGE_SIZE + 5)  # "Generated Role …" fills page 1 and spills onto page 2
    load_roles(tmp_path / "more", role_doc("zebra-keeper", "Zebra Keeper"))
    index = elements(client.get("/roles/?view=az"), "ul", class_="az-index")[0]
    hrefs = [a["href"] for a in index.find_all("a")]
    assert "#letter-g" in hrefs and "/roles/?view=az&page=2#letter-z" in hrefs
    assert "letter-z" in client.get("/roles/?view=az&page=2").content.decode()
