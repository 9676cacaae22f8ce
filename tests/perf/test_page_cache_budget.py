"""The page cache's budgets, as counts: a warm hit reads the cache once and the database never (a shared cache), and
one saved role re-renders the same few career paths whatever the catalog's size (careers/web/page_tags.py)."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from careers.web import page_cache, page_tags
from roles.models import Role
from tests.perf.generate import load_generated, slug
from tests.perf.test_budgets import GENERATED_PAGES

# Saves move tags on when they commit: these tests' saves must commit.
pytestmark = pytest.mark.django_db(transaction=True)

# Cache reads per warm hit: its tags' tokens in one get_many; the entry is the worker's own copy
# (careers/web/local_pages.py).
CACHE_READS_PER_HIT = 1
# Career paths re-rendered after one role's save: its own and those of the two roles that move into it
# (tests/perf/generate.py: role i moves to i + 1 and i + 2).
CAREER_PATHS_PER_SAVE = 3


class CountingCache:
    """The cache, counting the reads made through it."""

    def __init__(self):
        self.reads = 0

    def __getattr__(self, name):
        if name in ("get", "get_many"):
            self.reads += 1
        return getattr(cache, name)


@pytest.fixture
def shared(settings):
    settings.PAGE_CACHE_SHARED = True


def test_a_warm_hit_reads_the_cache_once_and_the_database_never(client, tmp_path, shared, monkeypatch):
    load_generated(tmp_path, 3)
    counting = CountingCache()
    monkeypatch.setattr(page_cache, "cache", counting)
    monkeypatch.setattr(page_tags, "cache", counting)
    for name, url in GENERATED_PAGES.items():
        client.get(url)
        counting.reads = 0
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
        assert response.status_code == 200
        assert not response.templates, f"{name}: rendered again"
        assert len(ctx.captured_queries) == 0, f"{name}: {[q['sql'] for q in ctx.captured_queries]}"
        assert counting.reads == CACHE_READS_PER_HIT, name


@pytest.mark.parametrize("n", [10, 40])
def test_one_saved_role_re_renders_the_same_few_career_paths_at_any_size(client, tmp_path, shared, n):
    load_generated(tmp_path, n)
    urls = [f"/roles/{slug(i)}/career-path/" for i in range(n)]
    for url in urls:
        client.get(url)
    role = Role.objects.get(slug=slug(5))
    role.summary = "Saved once."
    role.save()
    rendered = [url for url in urls if client.get(url).templates]
    assert len(rendered) == CAREER_PATHS_PER_SAVE, rendered
    assert f"/roles/{slug(5)}/career-path/" in rendered


def test_a_worker_that_has_no_copy_reads_the_entry_and_then_keeps_it(client, tmp_path, shared, monkeypatch):
    """Another worker rendered the page: this one reads the entry and its tags (two reads), then the tags alone."""
    load_generated(tmp_path, 3)
    url = GENERATED_PAGES["career path"]
    client.get(url)
    page_cache.LOCAL.clear()
    counting = CountingCache()
    monkeypatch.setattr(page_cache, "cache", counting)
    monkeypatch.setattr(page_tags, "cache", counting)
    assert not client.get(url).templates
    assert counting.reads == 2
    counting.reads = 0
    assert not client.get(url).templates
    assert counting.reads == CACHE_READS_PER_HIT
