"""Where a bench run keeps its data: SQLite with the local-memory cache, or PostgreSQL with Redis (bench/run.py).

The PostgreSQL database is the bench's own: created fresh before the load and dropped at the end. The Redis
database is one numbered database, emptied (FLUSHDB, that database only) before and after. Both are destructive,
so the URLs are checked first: the database's name must say "bench" and the Redis database must be named and not 0.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
import redis
from psycopg import sql
from psycopg.conninfo import make_conninfo

DATABASE_URL = "postgres://postgres@127.0.0.1:5432/careers_bench"
REDIS_URL = "redis://127.0.0.1:6379/12"
NAMES = ("sqlite", "postgres")


@dataclass(frozen=True)
class Backend:
    name: str  # "sqlite" or "postgres": the key in results.json
    label: str
    database_url: str
    redis_url: str = ""

    def env(self) -> dict[str, str]:
        """What the servers and management commands get: with REDIS_URL the settings choose the Redis cache,
        and the page cache is shared between workers (PAGE_CACHE_SHARED follows REDIS_URL)."""
        env = {"DATABASE_URL": self.database_url}
        if self.redis_url:
            env |= {"REDIS_URL": self.redis_url, "CACHE_KEY_PREFIX": "bench"}
        return env


def sqlite(work: Path) -> Backend:
    return Backend("sqlite", "SQLite + local-memory cache", f"sqlite:///{work / 'bench.sqlite3'}")


def postgres(database_url: str = "", redis_url: str = "") -> Backend:
    """The PostgreSQL + Redis backend: the URLs given, else BENCH_DATABASE_URL / BENCH_REDIS_URL, else the defaults."""
    database_url = database_url or os.environ.get("BENCH_DATABASE_URL") or DATABASE_URL
    redis_url = redis_url or os.environ.get("BENCH_REDIS_URL") or REDIS_URL
    return Backend("postgres", "PostgreSQL + Redis cache", database_url, redis_url)


def database_name(url: str) -> str:
    return urlsplit(url).path.lstrip("/")


def redis_db(url: str) -> int:
    """The Redis database a URL names (its path, or ?db=), 0 when it names none, as redis-py reads it."""
    return int(redis.Redis.from_url(url).connection_pool.connection_kwargs.get("db") or 0)


def refused(backend: Backend) -> str | None:
    """Why the bench will not drop this database or empty this Redis database, or None."""
    name = database_name(backend.database_url)
    if "bench" not in name:
        return f"the database {name!r} is dropped and created by the bench: its name must contain 'bench'"
    # Database 0 is where everything goes when a URL names none: never the bench's to empty.
    if redis_db(backend.redis_url) == 0:
        return f"{backend.redis_url} would empty Redis database 0: name another one (e.g. redis://…:6379/12)"
    return None


def _server_conninfo(url: str) -> str:
    """The same server and user, on the maintenance database: a database cannot be dropped from inside it."""
    return make_conninfo(url, dbname="postgres", connect_timeout=5)


def unreachable(backend: Backend) -> str | None:
    """Why PostgreSQL or Redis cannot be used (not running, refused, wrong password), or None when both answer."""
    try:
        with psycopg.connect(_server_conninfo(backend.database_url)):
            pass
    except psycopg.Error as exc:
        return f"PostgreSQL is not reachable ({backend.database_url}): {str(exc).strip().splitlines()[0]}"
    try:
        redis.Redis.from_url(backend.redis_url, socket_connect_timeout=5).ping()
    except redis.RedisError as exc:
        return f"Redis is not reachable ({backend.redis_url}): {exc}"
    return None


def _drop_database(url: str) -> None:
    # FORCE: a server stopped abruptly may leave a connection the server has not noticed gone yet.
    with psycopg.connect(_server_conninfo(url), autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(database_name(url))))


def _flush(url: str) -> None:
    redis.Redis.from_url(url, socket_connect_timeout=5).flushdb()


def prepare(backend: Backend) -> None:
    """An empty database and an empty cache, so a run never reads what an earlier one left."""
    if backend.name == "sqlite":
        return  # a new file in the run's new temporary directory
    _drop_database(backend.database_url)
    with psycopg.connect(_server_conninfo(backend.database_url), autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(database_name(backend.database_url))))
    _flush(backend.redis_url)


def clean_up(backend: Backend) -> None:
    """Drop the bench's database and empty its Redis database (SQLite's file goes with the temporary directory)."""
    if backend.name == "sqlite":
        return
    _drop_database(backend.database_url)
    _flush(backend.redis_url)
