"""A skill's page cut into pages (careers/pages/skills.py, careers/pages/paging.py): the roles asking come 100 at a
time, every page is its own canonical with its neighbours in the head, a page number that is no page gets the
nearest page, and the sentences count every role on every page."""

from __future__ import annotations

import pytest

from careers.pages.paging import PAGE_SIZE
from roles.skill_reach import NAMED
from tests.html import element, elements, internal_links, text_of
from tests.perf.generate import load_generated
from tests.seo.helpers import sitemap

pytestmark = pytest.mark.django_db

ROLES = PAGE_SIZE + 5  # every generated role asks for Python: two pages, the second of five roles
URL = "/skills/python/"


@pytest.fixture
def many(tmp_path, settings):
    settings.PAGE_CACHE_ENABLED = False
    load_generated(tmp_path, ROLES)


def listed(response) -> list[str]:
    """The roles a page lists, by the link to their career path, in page order."""
    return [
        href
        for href in internal_links(element(response, "section", aria_labelledby="roles"))
        if href.endswith("/career-path/")
    ]


def test_the_first_page_lists_a_page_of_roles_and_the_second_the_rest(client, many):
    first, second = listed(client.get(URL)), listed(client.get(URL, {"page": "2"}))
    assert len(first) == PAGE_SIZE and len(second) == ROLES - PAGE_SIZE
    assert not set(first) & set(second)
    # In title order across the pages: "Generated Role 0000" first, "… 0104" last.
    assert first[0] == "/roles/role-0000/career-path/" and second[-1] == f"/roles/role-{ROLES - 1:04d}/career-path/"
    assert first + second == sorted(first + second)


def test_each_page_names_itself_and_its_neighbours(client, many, settings):
    first = client.get(URL)
    assert element(first, "link", rel="canonical")["href"] == settings.SITE_URL + URL
    assert not elements(first, "link", rel="prev")
    assert element(first, "link", rel="next")["href"] == f"{settings.SITE_URL}{URL}?page=2"
    second = client.get(URL, {"page": "2"})
    assert element(second, "link", rel="canonical")["href"] == f"{settings.SITE_URL}{URL}?page=2"
    assert element(second, "link", rel="prev")["href"] == settings.SITE_URL + URL
    assert not elements(second, "link", rel="next")


def test_the_page_list_links_every_page_without_javascript(client, many):
    nav = element(client.get(URL, {"page": "2"}), "nav", class_="pages")
    assert nav["aria-label"] == "Pages of the roles that ask for Python"
    assert [(a.text, a["href"]) for a in nav.find_all("a")] == [("Previous", URL), ("1", URL)]
    assert element(nav, "span", aria_current="page").text == "2"
    assert "Page 2 of 2: 101–105 of 105." in nav.text


def test_a_later_page_has_its_own_title_heading_and_description(client, many):
    first, second = client.get(URL), client.get(URL, {"page": "2"})
    for tag, attrs in (("title", {}), ("h1", {})):
        assert element(first, tag, **attrs).text != element(second, tag, **attrs).text
    assert element(second, "h1").text == "Python: page 2 of 2"
    assert element(second, "title").text.startswith("Python: roles that ask for it, page 2 of 2")
    description = element(second, "meta", name="description")["content"]
    assert description.startswith("Roles 101–105 of the 105 that ask for Python.")
    assert not elements(second, "meta", name="robots")  # indexed like the first page


@pytest.mark.parametrize(
    ("page", "shown"), [("0", 1), ("x", 1), ("-1", 1), ("", 1), ("9" * 40, 1), ("3", 2), ("999", 2)]
)
def test_a_page_number_that_is_no_page_gets_the_nearest_page(client, many, page, shown):
    response = client.get(URL, {"page": page})
    assert response.status_code == 200
    assert element(response, "nav", class_="pages").find_all("span", aria_current="page")[0].text == str(shown)


def test_the_sentences_count_every_role_and_name_a_few(client, many):
    for page in ("1", "2"):
        text = text_of(client.get(URL, {"page": page}))
        assert f"Python is asked for by {ROLES} roles, among them Generated Role 0000," in text
        assert "What it pays to have" in text and "How people usually learn it" in text
    sentences = elements(element(client.get(URL), "section", aria_labelledby="start"), "p")
    # Each sentence names at most NAMED roles and counts the rest ("and 30 more"); the third names one role and
    # two of its level titles.
    assert [p.text.count("Generated Role") <= NAMED + 2 for p in sentences] == [True] * 3
    assert [" more." in p.text for p in sentences] == [True, True, False]


def test_later_pages_are_in_the_sitemap_of_list_pages(client, many, settings):
    listed_pages = sitemap(client.get("/sitemap-list-pages.xml"))
    assert f"{settings.SITE_URL}{URL}?page=2" in listed_pages
    assert f"{settings.SITE_URL}{URL}?page=3" not in listed_pages
    assert f"{settings.SITE_URL}{URL}" in sitemap(client.get("/sitemap-skills.xml"))


def test_a_skill_of_a_few_roles_has_one_page_and_no_page_list(client, tmp_path, settings):
    settings.PAGE_CACHE_ENABLED = False
    load_generated(tmp_path, 3)
    response = client.get(URL, {"page": "2"})
    assert len(listed(response)) == 3
    assert not elements(response, "nav", class_="pages")
    assert not elements(response, "link", rel="next") and not elements(response, "link", rel="prev")
    assert element(response, "link", rel="canonical")["href"] == settings.SITE_URL + URL
    assert not [url for url in sitemap(client.get("/sitemap-list-pages.xml")) if "/skills/" in url]
