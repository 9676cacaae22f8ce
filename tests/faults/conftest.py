"""Broken services for the fault tests: a cache server and a database that nobody answers."""

from __future__ import annotations

import socket

import pytest
import redis
from django.db import connections
from django.db.utils import load_backend
from django.test import override_settings


def _closed_port() -> int:
    """A loopback port with nothing listening (bound, then released: connecting is refused at once)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def cache_down():
    """The cache is a Redis server that is not running.

    Restored by this fixture itself (not the ``settings`` fixture), so that the suite's own cache clearing,
    which runs after it, finds a working cache again.
    """
    caches = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{_closed_port()}/0",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    with override_settings(CACHES=caches):
        from django.core.cache import cache

        with pytest.raises(redis.exceptions.RedisError):
            cache.get("anything")
        yield caches


@pytest.fixture
def database_down(db):
    """The site's database is a PostgreSQL server that is not running: a fresh connection that cannot connect.

    The test's own connection (and its transaction) is put back afterwards, untouched.
    """
    original = connections["default"]
    settings_dict = {
        **original.settings_dict,
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "careers",
        "USER": "careers",
        "PASSWORD": "s3cret-db-password",
        "HOST": "127.0.0.1",
        "PORT": str(_closed_port()),
        "OPTIONS": {"connect_timeout": 2},
        "CONN_MAX_AGE": 0,
        "CONN_HEALTH_CHECKS": False,
    }
    broken = load_backend(settings_dict["ENGINE"]).DatabaseWrapper(settings_dict, "default")
    connections["default"] = broken
    try:
        yield settings_dict
    finally:
        broken.close()
        connections["default"] = original
