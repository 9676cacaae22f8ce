"""One function writes a salary page's URL (salaries.salary_page.salary_url): the home location's page names no place,
in links from templates ({% salary_url %}), from the comparison of every role, and in the sitemap."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.template import engines

from salaries.models import EmployerType, Location
from salaries.salary_page import salary_url
from tests.seo.helpers import sitemap

URL = "/roles/data-scientist/salary/"


def test_the_home_location_is_never_named(db):
    assert salary_url("data-scientist", home="india") == URL
    assert salary_url("data-scientist", "india", home="india") == URL
    assert salary_url("data-scientist", "india", "product", home="india") == f"{URL}?employer=product"
    assert salary_url("data-scientist", "pune", home="india") == f"{URL}?location=pune"
    assert salary_url("data-scientist", "pune", "product", home="india") == f"{URL}?location=pune&employer=product"
    assert salary_url("data-scientist", "", "product", home="") == f"{URL}?employer=product"


def test_the_template_tag_writes_the_same(site_content):
    template = engines["django"].from_string(
        "{% load salary_links %}{% salary_url role here employer home %}|{% salary_url role there None home %}"
    )
    role = type("Role", (), {"slug": "data-scientist"})()
    home = Location.objects.home()
    context = {
        "role": role,
        "here": home,
        "there": Location.objects.get(slug="pune"),
        "employer": EmployerType.objects.get(slug="product"),
        "home": home,
    }
    assert template.render(context) == f"{URL}?employer=product|{URL}?location=pune"


def test_the_sitemap_names_no_home_location(client, site_content):
    home = Location.objects.home()
    urls = [urlsplit(url) for url in sitemap(client.get("/sitemap-salaries.xml"))]
    assert urls and not [u for u in urls if f"location={home.slug}" in u.query]
    assert any(u.query == "employer=product" for u in urls)
    assert any(u.query == "location=pune" for u in urls)
