"""robots.txt, the sitemap index and its sections; removed content leaves them."""

import datetime
import zoneinfo

import pytest
from django.test import override_settings
from django.utils import timezone

from careers.web.sitemaps import SiteSitemap, w3c_datetime
from roles.editing import delete_roles
from roles.models import RemovedRole, Role
from tests.factories import employer_bands, load_roles, reference, role_doc
from tests.html import element

from .helpers import sitemap


def test_robots_names_the_sitemap_and_keeps_crawlers_out_of_the_admin_only(client, db):
    text = client.get("/robots.txt").content.decode()
    disallowed = [line.split(":", 1)[1].strip() for line in text.splitlines() if line.startswith("Disallow:")]
    # Search results say noindex: a crawler kept out by robots.txt would never read it.
    assert disallowed == ["/admin/"]
    assert "Sitemap: http://127.0.0.1:8000/sitemap.xml" in text


@override_settings(SITE_URL="https://careers.example")
def test_the_index_lists_one_section_per_kind_of_page_with_lastmod(client, two_roles):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    sections = [loc.removeprefix("https://careers.example/sitemap-").removesuffix(".xml") for loc in sitemap(response)]
    assert sections == [
        "pages",
        "roles",
        "career-paths",
        "levels",
        "salaries",
        "skills",
        "moves",
        "checks",
        "titles",
        "list-pages",
    ]
    # Every section but the later pages of lists, which a catalog of two roles does not have.
    assert len(sitemap(response, "lastmod")) == 9


@override_settings(SITE_URL="https://careers.example")
def test_sections_list_every_published_page(client, two_roles):
    def section(name):
        return [u.removeprefix("https://careers.example") for u in sitemap(client.get(f"/sitemap-{name}.xml"))]

    assert section("pages") == [
        "/",
        "/roles/",
        "/roles/?view=az",
        "/skills/",
        "/salaries/",
        "/about/data/",
        "/data/",
        "/changes/",
    ]
    assert section("career-paths") == ["/roles/data-engineer/career-path/", "/roles/data-scientist/career-path/"]
    assert len(section("levels")) == 8
    assert "/roles/data-scientist/salary/" in section("salaries")
    assert "/roles/data-scientist/salary/?location=bengaluru" in section("salaries")
    assert "/skills/python/" in section("skills")
    assert section("moves") == ["/roles/data-engineer/to/data-scientist/", "/roles/data-scientist/to/data-engineer/"]
    assert section("checks") == ["/roles/data-engineer/check/", "/roles/data-scientist/check/"]
    for name in ["pages", "roles", "career-paths", "levels", "salaries", "skills", "moves", "checks"]:
        for url in section(name):
            assert client.get(url).status_code == 200, url


@override_settings(SITE_URL="https://careers.example")
def test_each_role_and_kind_of_employer_with_figures_is_a_page_in_the_sitemap(client, db, tmp_path):
    scientist = role_doc("data-scientist")
    scientist["salaries"]["bands"] += employer_bands() + employer_bands(shares={"product": 1.6}, location="bengaluru")
    engineer = role_doc("data-engineer")
    engineer["salaries"]["bands"] += employer_bands(shares={"product": 1.3})
    engineer["salaries"]["rarely_hired_by"] = ["it-services"]
    load_roles(tmp_path, scientist, engineer, ref=reference(employer_types=True))
    urls = [u.removeprefix("https://careers.example") for u in sitemap(client.get("/sitemap-salaries.xml"))]
    assert urls == [
        "/roles/data-engineer/salary/",
        "/roles/data-engineer/salary/?location=bengaluru",
        "/roles/data-engineer/salary/?employer=product",
        "/roles/data-scientist/salary/",
        "/roles/data-scientist/salary/?location=bengaluru",
        "/roles/data-scientist/salary/?employer=it-services",
        "/roles/data-scientist/salary/?employer=product",
        "/roles/data-scientist/salary/?location=bengaluru&employer=product",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        # The address in the sitemap is the page's own canonical one.
        canonical = element(response, "link", rel="canonical")
        assert canonical["href"] == f"https://careers.example{url}"


def test_lastmod_is_when_the_role_changed(client, two_roles):
    # Late in a UTC evening: already the next day in the site's time zone (Asia/Kolkata).
    changed = datetime.datetime(2026, 12, 1, 18, 45, 7, 250_000, tzinfo=datetime.UTC)
    Role.objects.filter(slug="data-scientist").update(updated_at=changed)
    xml = client.get("/sitemap-career-paths.xml").content.decode()
    assert "<lastmod>2026-12-01T18:45:07+00:00</lastmod>" in xml
    lastmods = sitemap(client.get("/sitemap.xml"), "lastmod")
    assert lastmods and all(datetime.datetime.fromisoformat(text).tzinfo is not None for text in lastmods)


@pytest.mark.parametrize("zone", ["UTC", "Asia/Kolkata", "America/Los_Angeles"])
def test_a_lastmod_reads_the_same_in_every_time_zone(zone):
    """One function writes every lastmod: the instant in UTC with its offset, whatever zone is active."""
    moment = datetime.datetime(2026, 12, 1, 23, 59, 50, tzinfo=zoneinfo.ZoneInfo("Asia/Kolkata"))
    with timezone.override(zone):
        assert w3c_datetime(moment) == "2026-12-01T18:29:50+00:00"
        assert w3c_datetime(moment.replace(tzinfo=None)) == "2026-12-01T23:59:50+00:00"  # naive: taken as UTC


def test_drafts_leave_the_sitemaps(client, two_roles):
    Role.objects.filter(slug="data-scientist").update(status="draft")
    for name in ["roles", "career-paths", "levels", "salaries", "moves", "checks"]:
        assert "data-scientist" not in client.get(f"/sitemap-{name}.xml").content.decode(), name


def test_sections_split_at_ten_thousand():
    """The protocol's bounds are 50,000 URLs and 10 MB a file; tests/perf/test_bounded_pages.py checks the bytes."""
    assert SiteSitemap.limit == 10_000


def test_an_unknown_section_is_404(client, db):
    assert client.get("/sitemap-nothing.xml").status_code == 404
    assert client.get("/sitemap.xml?p=x").status_code == 200


def test_a_deleted_role_answers_410_and_leaves_the_sitemap(client, two_roles):
    delete_roles(roles=Role.objects.filter(slug="data-scientist"))
    assert RemovedRole.objects.filter(slug="data-scientist").exists()
    for url in ["/roles/data-scientist/", "/roles/data-scientist/career-path/", "/roles/data-scientist/salary/"]:
        response = client.get(url)
        assert response.status_code == 410, url
        assert b"have been removed" in response.content
    assert "data-scientist" not in client.get("/sitemap-roles.xml").content.decode()
    # An unpublished role is merely absent: 404, not 410.
    Role.objects.filter(slug="data-engineer").update(status="draft")
    assert client.get("/roles/data-engineer/").status_code == 404
