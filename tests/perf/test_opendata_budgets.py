"""Open data's budgets: the downloads page in a fixed number of queries, the downloads in a number that grows only
with the chunks they are read in (never a query per role or per row), whatever the catalog's size."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from careers.opendata.role_rows import ROLE_CHUNK
from tests.perf.generate import load_generated

pytestmark = pytest.mark.django_db

# The content version, the methodology's five reads, the example role, the site card's counts.
DOWNLOADS_PAGE = 8
# A download costs the content version and then: the catalog, the six reference lists, the job titles with their
# roles, the published slugs and ids
# and, for each chunk of roles (careers/opendata/role_rows.py), nine queries: roles, aliases, old slugs, levels, skills,
# moves, pay, who rarely hires them, questions; the CSV, one query read in chunks; a role, the published slugs and the
# role with its prefetches.
CATALOG_FIXED, CATALOG_PER_CHUNK = 1 + 6 + 2 + 2, 9
DOWNLOAD_BUDGETS = {"/data/pay.csv": 2, "/roles/role-0000.json": 12, "/data/pay.csv-metadata.json": 1}


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
        assert response.status_code == 200, url
        if response.streaming:
            b"".join(response.streaming_content)
    return len(ctx.captured_queries)


@pytest.fixture
def no_page_cache(settings):
    settings.PAGE_CACHE_ENABLED = False


@pytest.mark.parametrize("n", [3, 300])
def test_the_downloads_cost_queries_by_the_chunk_not_by_the_role(client, tmp_path, no_page_cache, n):
    load_generated(tmp_path, n)
    chunks = -(-n // ROLE_CHUNK)
    assert queries(client, "/data/catalog.json") == CATALOG_FIXED + CATALOG_PER_CHUNK * chunks
    for url, budget in DOWNLOAD_BUDGETS.items():
        assert queries(client, url) == budget, url


@pytest.mark.parametrize("n", [3, 300])
def test_the_downloads_page_costs_a_fixed_number_of_queries_once_its_sizes_are_measured(
    client, tmp_path, no_page_cache, n
):
    """The first view after a content change measures the downloads (reading them once, by the chunk); every other
    view reads the sizes from the cache."""
    load_generated(tmp_path, n)
    client.get("/data/")
    assert queries(client, "/data/") == DOWNLOADS_PAGE
