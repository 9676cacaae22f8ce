"""Django's Redis cache backend, with one redis-py client per connection pool instead of one per command.

Django's ``RedisCacheClient.get_client`` makes a new ``redis.Redis`` for every cache call, and each one builds its
table of ~170 response callbacks: profiling a warm page-cache hit (``python -m bench.profile --warm`` with
``REDIS_URL``) found that building the client took longer than the round trip to Redis. A ``redis.Redis`` holds no
connection of its own (it borrows one from the pool for each command), so one per pool serves every call; the pools
are Django's own, one per server, and redis-py's pools start afresh in a forked worker.
"""

from __future__ import annotations

from typing import Any

from django.core.cache.backends.redis import RedisCache, RedisCacheClient


class ReusedClient(RedisCacheClient):
    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._clients: dict[int, Any] = {}

    def get_client(self, key: Any = None, *, write: bool = False) -> Any:
        # Django's own pool and client class (private: django-stubs leave them out).
        pool = self._get_connection_pool(write)  # type: ignore[attr-defined]
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)  # type: ignore[attr-defined]
        return client


class SharedRedisCache(RedisCache):
    """``django.core.cache.backends.redis.RedisCache`` with ``ReusedClient``; the same settings and behaviour."""

    def __init__(self, server: Any, params: dict[str, Any]):
        super().__init__(server, params)
        self._class = ReusedClient
