"""The title pages' budgets: queries that do not grow with the number of titles or roles, and bytes per page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import load_roles
from tests.perf.generate import employer_type_slug, reference, role_docs

pytestmark = pytest.mark.django_db

PAGES = {
    "index": "/titles/",
    "answer, a family's title": "/titles/?title=Generated+Title+0000&employer=employer-type-0",
    "answer, a role's title": "/titles/?title=generated+title+1&years=3",
    "ambiguous": "/titles/?title=Shared+Title",
    "unknown": "/titles/?title=Generatd+Titel",
    "title page": "/titles/title-0000/",
    "sitemap": "/sitemap-titles.xml",
}
# Without the page cache: the employer types, the titles and their roles, and the site's social card (careers/cards);
# an answer or a title page adds the home location, the roles it fits, their levels and skills, their pay, who rarely
# hires them and the level's range. Unknown and ambiguous answers read no more than the index. A title page needs no
# employer types.
BUDGETS = {
    "index": 4,
    "answer, a family's title": 11,
    "answer, a role's title": 11,
    "ambiguous": 4,
    "unknown": 4,
    "title page": 10,
    "sitemap": 2,  # the content version (every item's lastmod) and the titles
}


def titles(n: int) -> list[dict]:
    """``n`` titles: even ones name the family (every role), odd ones a few roles; two share their words."""
    out = []
    for i in range(n):
        doc = {"slug": f"title-{i:04d}", "name": f"Generated Title {i:04d}", "level": ["junior", "mid"][i % 2]}
        if i % 2:
            doc["roles"] = [f"role-{k:04d}" for k in range(min(3, n))]
        else:
            doc["family"] = "data"
        if i % 3 == 0:
            doc["employer_type"] = employer_type_slug(0)
        out.append(doc)
    for k, level in enumerate(["junior", "senior"]):
        out.append(
            {"slug": f"shared-{k}", "name": "Shared Title", "level": level, "employer_type": employer_type_slug(k)}
        )
    return out


def load(directory, n: int) -> None:
    ref = reference()
    ref["employer_types"]["employer_types"] = [
        {"slug": employer_type_slug(k), "name": f"Kind {k}", "description": "-", "level_naming": "-", "order": k}
        for k in range(2)
    ]
    ref["titles"] = {"titles": titles(n)}
    load_roles(directory, *role_docs(n, 2), ref=ref)


def costs(client) -> dict[str, int]:
    counts = {}
    for name, url in PAGES.items():
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
        assert response.status_code == 200, (name, url)
        counts[name] = len(ctx.captured_queries)
    return counts


def test_queries_do_not_grow_with_titles_or_roles(client, tmp_path, settings):
    settings.PAGE_CACHE_ENABLED = False
    load(tmp_path, 3)
    small = costs(client)
    load(tmp_path, 300)
    large = costs(client)
    assert small == BUDGETS
    assert large == BUDGETS


# The real content: the index lists every title (about 300) with its level; a title page shows up to eight roles.
INDEX_MAX_BYTES = 60 * 1024
TITLE_PAGE_MAX_BYTES = 24 * 1024
ANSWER_FRAGMENT_MAX_BYTES = 16 * 1024


def test_bytes_per_page(client, site_content):
    index = client.get("/titles/").content
    page = client.get("/titles/sde-2/").content
    fragment = client.get("/titles/?title=SDE+II&employer=product", headers={"HX-Request": "true"}).content
    assert len(index) <= INDEX_MAX_BYTES
    assert len(page) <= TITLE_PAGE_MAX_BYTES
    assert len(fragment) <= ANSWER_FRAGMENT_MAX_BYTES
    assert b"<h1" not in fragment and b"<title>" in fragment
