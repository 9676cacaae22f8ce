"""Each worker's own copies of the pages it served (careers/web/local_pages.py): bounded, and never fresher than
their tags say (careers/web/page_cache.py)."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from careers.web import page_cache
from careers.web.local_pages import LocalPages
from careers.web.page_cache import CachedPage
from roles.models import Role
from tests.factories import load_roles, role_doc


def page(size: int, tag: str = "x") -> CachedPage:
    return CachedPage(
        status=200, content=b"a" * size, coded={}, sent={"": ()}, tags={tag: "1"}, version=None, rendered_at=0.0
    )


def test_the_least_recently_served_make_room():
    local = LocalPages(max_bytes=1000)
    local.put("a", page(100))
    local.put("b", page(100))
    assert local.get("a") is not None  # "a" served again: "b" is now the oldest
    for key in "cdefghijk":
        local.put(key, page(100))
    assert local.bytes <= 1000
    assert local.get("b") is None
    assert local.get("a") is not None


def test_a_page_over_an_eighth_of_the_bound_is_not_kept():
    local = LocalPages(max_bytes=800)
    local.put("big", page(101))
    assert local.get("big") is None and local.bytes == 0
    local.put("k", page(50))
    local.put("k", page(60))  # written again: counted once
    assert local.bytes == 60 and len(local) == 1


@pytest.mark.django_db(transaction=True)
def test_a_kept_copy_is_not_served_once_its_role_changed(client, tmp_path, settings):
    settings.PAGE_CACHE_SHARED = True
    load_roles(tmp_path, role_doc("data-engineer", title="Data Engineer"))
    url = "/roles/data-engineer/career-path/"
    client.get(url)
    assert len(page_cache.LOCAL) and not client.get(url).templates
    role = Role.objects.get(slug="data-engineer")
    role.title = "Data Platform Engineer"
    role.save()
    response = client.get(url)
    assert response.templates and "Data Platform Engineer" in response.content.decode()


@pytest.mark.django_db(transaction=True)
def test_a_flushed_shared_cache_empties_every_worker_s_copies_too(client, tmp_path, settings):
    settings.PAGE_CACHE_SHARED = True
    load_roles(tmp_path, role_doc("data-engineer"))
    url = "/roles/data-engineer/career-path/"
    client.get(url)
    cache.clear()  # the tags' tokens go with everything else
    assert client.get(url).templates


@pytest.mark.django_db
def test_without_a_shared_cache_a_hit_reads_the_worker_s_copy_while_the_cache_holds_the_entry(
    client, tmp_path, monkeypatch
):
    load_roles(tmp_path, role_doc("data-engineer"))
    url = "/roles/data-engineer/career-path/"
    client.get(url)
    gets = []
    real_get = cache.get
    monkeypatch.setattr(page_cache.cache, "get", lambda *a, **k: gets.append(a) or real_get(*a, **k))
    assert not client.get(url).templates
    assert gets == []  # nothing unpickled
    cache.clear()
    assert client.get(url).templates  # a cleared cache means a render, whatever the worker kept
    role = Role.objects.get(slug="data-engineer")
    role.title = "Data Platform Engineer"
    role.save()  # the content version moves on
    assert "Data Platform Engineer" in client.get(url).content.decode()
