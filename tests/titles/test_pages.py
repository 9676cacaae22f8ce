"""The translator and the title pages, on the real content: answers, candidates, nearest titles, noindex,
canonical, breadcrumbs, sitemap, hostile input and query budgets."""

from urllib.parse import urlencode

import pytest
from django.conf import settings

from tests.html import element, elements, json_ld, text_of


@pytest.fixture
def client_pages(site_content, client):
    return client


def get(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return response


def test_the_translator_answers_and_the_index_lists_every_title(client_pages):
    index = get(client_pages, "/titles/")
    links = [a.attrs.get("href") for a in elements(index, "a")]
    assert "/titles/sde-2/" in links and "/titles/associate-gcc/" in links
    assert not elements(index, "meta", name="robots")
    answer = get(client_pages, "/titles/?" + urlencode({"title": "sde-ii", "employer": "product"}))
    main = text_of(answer)
    assert "Mid-level" in main and "/titles/sde-3/" in [a.attrs.get("href") for a in elements(answer, "a")]
    assert element(answer, "meta", name="robots").attrs["content"] == "noindex"
    assert element(answer, "link", rel="canonical").attrs["href"] == settings.SITE_URL + "/titles/"


def test_an_ambiguous_title_shows_each_candidate_and_why(client_pages):
    main = text_of(get(client_pages, "/titles/?title=Associate"))
    assert "means different levels" in main
    assert "Global capability centre" in main and "IT services and consulting" in main


def test_an_unknown_title_gets_the_nearest(client_pages):
    page = get(client_pages, "/titles/?title=Sr+Sofware+Enginer")
    assert "We do not know" in text_of(page)
    assert any("senior-software-engineer" in (a.attrs.get("href") or "") for a in elements(page, "a"))


@pytest.mark.parametrize(
    "query",
    [
        {"title": "x" * 100_000},
        {"title": "SDE\x00II", "employer": "no-such-kind", "years": "9" * 500},
        {"title": "Associate", "years": "-3"},
        {"employer": "\x00"},
    ],
)
def test_hostile_input_gets_a_normal_page(client_pages, query):
    page = get(client_pages, "/titles/?" + urlencode(query))
    assert element(page, "h1")


def test_ten_thousand_fields_get_a_page(client_pages):
    page = get(client_pages, "/titles/?" + "&".join(["title=SDE+II"] * 10_000))
    assert "read the first" in text_of(page)


def test_a_title_page(client_pages):
    page = get(client_pages, "/titles/sde-2/")
    title = element(page, "title").text.split(" | ")[0]
    assert len(title) <= 60
    description = element(page, "meta", name="description").attrs["content"]
    assert 70 <= len(description) <= 160
    assert len(elements(page, "h1")) == 1
    assert element(page, "link", rel="canonical").attrs["href"] == settings.SITE_URL + "/titles/sde-2/"
    crumbs = next(item for item in json_ld(page) if item.get("@type") == "BreadcrumbList")
    assert [i["name"] for i in crumbs["itemListElement"]][:2] == ["Home", "Job titles"]
    assert "/titles/sde-3/" in [a.attrs.get("href") for a in elements(page, "a")]


def test_an_unknown_title_page_is_a_404(client_pages):
    assert client_pages.get("/titles/no-such-title/").status_code == 404


def test_every_title_page_has_its_own_h1_and_head(client_pages):
    from titles.models import JobTitle

    heads, h1s = set(), set()
    for slug in JobTitle.objects.values_list("slug", flat=True)[:400]:
        page = get(client_pages, f"/titles/{slug}/")
        h1s.add(element(page, "h1").text)
        head = element(page, "title").text.split(" | ")[0]
        assert len(head) <= 60, slug
        description = element(page, "meta", name="description").attrs["content"]
        assert 70 <= len(description) <= 160, slug
        heads.add(head)
    assert len(h1s) == len(heads) == JobTitle.objects.count()


def test_the_sitemap_has_a_titles_section(client_pages):
    index = client_pages.get("/sitemap.xml").content.decode()
    assert "sitemap-titles.xml" in index
    section = client_pages.get("/sitemap-titles.xml").content.decode()
    assert f"{settings.SITE_URL}/titles/sde-2/" in section and f"{settings.SITE_URL}/titles/</loc>" in section


def test_the_header_links_the_titles(client_pages):
    assert "/titles/" in [a.attrs.get("href") for a in elements(get(client_pages, "/"), "a")]


@pytest.mark.parametrize("path", ["/titles/", "/titles/?title=SDE+II&employer=product", "/titles/sde-2/"])
def test_query_budget(client_pages, django_assert_max_num_queries, path):
    # The content version, the site's card, the employer types, the titles (two), and an answer's detail (seven).
    with django_assert_max_num_queries(12):
        get(client_pages, path)


@pytest.mark.parametrize(("path", "budget"), [("/titles/", 60_000), ("/titles/sde-2/", 40_000)])
def test_byte_budget(client_pages, path, budget):
    assert len(get(client_pages, path).content) <= budget


def test_a_title_not_used_at_the_kind_of_employer_asked_says_where_it_is(client_pages):
    main = text_of(get(client_pages, "/titles/?title=Associate&employer=startup"))
    assert "We do not know this title at that kind of employer" in main
    assert "Global capability centre" in main or "global capability centre" in main
