"""Drafts: invisible to the public, previewed by staff through their normal URLs."""

import pytest

from roles.models import Role

PAGES = [
    "/roles/data-scientist/",
    "/roles/data-scientist/career-path/",
    "/roles/data-scientist/career-path/senior/",
    "/roles/data-scientist/salary/",
    "/roles/data-engineer/to/data-scientist/",
    "/roles/data-scientist/compare/",
]


@pytest.fixture
def draft(two_roles):
    Role.objects.filter(slug="data-scientist").update(status=Role.Status.DRAFT)


@pytest.mark.parametrize("url", PAGES)
def test_a_draft_is_404_to_the_public(client, draft, url):
    assert client.get(url).status_code == 404


def test_a_draft_is_absent_from_lists_search_and_sitemaps(client, draft):
    for url in ["/", "/roles/", "/roles/?q=scientist", "/salaries/", "/skills/python/", "/sitemap-roles.xml"]:
        assert b"/roles/data-scientist/" not in client.get(url).content, url


@pytest.mark.parametrize("url", PAGES)
def test_staff_preview_a_draft_with_a_banner_and_noindex(editor_client, draft, url):
    response = editor_client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="preview-banner"' in html and "Data Scientist is a draft" in html
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_a_published_page_has_no_banner_even_for_staff(editor_client, two_roles):
    response = editor_client.get("/roles/data-scientist/career-path/")
    assert b"preview-banner" not in response.content
    assert "X-Robots-Tag" not in response


def test_a_preview_never_reaches_the_public_cache(client, editor_client, draft):
    assert editor_client.get("/roles/data-scientist/career-path/").status_code == 200
    client.cookies.clear()
    assert client.get("/roles/data-scientist/career-path/").status_code == 404
