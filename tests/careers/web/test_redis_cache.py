"""careers/web/redis_cache.py: Django's Redis cache, one redis-py client per pool (runs where REDIS_URL is set)."""

from __future__ import annotations

import os

import pytest
from django.core.cache import caches
from django.test import override_settings

REDIS_URL = os.environ.get("REDIS_URL")
pytestmark = pytest.mark.skipif(not REDIS_URL, reason="needs Redis (REDIS_URL), as CI's PostgreSQL + Redis pass has")

SETTINGS = {
    "default": {"BACKEND": "careers.web.redis_cache.SharedRedisCache", "LOCATION": REDIS_URL, "KEY_PREFIX": "t-rc"}
}


@override_settings(CACHES=SETTINGS)
def test_it_is_django_s_redis_cache_with_one_client():
    cache = caches["default"]
    try:
        cache.set("a", {"x": 1})
        cache.set_many({"b": 2, "c": 3})
        assert cache.get("a") == {"x": 1}
        assert cache.get_many(["a", "b", "c", "d"]) == {"a": {"x": 1}, "b": 2, "c": 3}
        assert cache.add("a", 9) is False
        assert cache.incr("b") == 3
        cache.delete("a")
        assert cache.get("a") is None
        client = cache._cache.get_client()
        assert cache._cache.get_client(write=True) is client  # one server: one pool, one client
    finally:
        cache.delete_many(["a", "b", "c"])
