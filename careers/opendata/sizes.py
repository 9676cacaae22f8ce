"""The large downloads' sizes, for the downloads page: measured by generating them, once per content version.

A streamed download has no length until it has been written whole. Each one counts its bytes as it streams and,
when it reaches its end, records its size for the content version it was made from; the downloads page reads those
sizes. For a catalog of up to ``MEASURE_IN_REQUEST_ROLES`` roles the page measures a missing size itself (under a
second at a few hundred roles); for a larger one that would hold a worker too long (bench/README.md: at 10,000 roles
the catalog takes longer than gunicorn's timeout), so the page says the size is not known yet, and is not cached.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator

from django.core.cache import cache

from .documents import catalog_chunks
from .pay_rows import pay_csv_chunks
from .schemas import FORMAT_VERSION

log = logging.getLogger(__name__)

MEASURE_IN_REQUEST_ROLES = 1000
# name -> how the download is generated
LARGE_DOWNLOADS: dict[str, Callable[[], Iterator[bytes]]] = {"catalog": catalog_chunks, "pay_csv": pay_csv_chunks}


def _key(name: str, version: int) -> str:
    return f"opendata:size:{FORMAT_VERSION}:{version}:{name}"


def record_size(name: str, version: int, size: int) -> None:
    try:
        cache.set(_key(name, version), size, timeout=None)
    except Exception:  # a cache that is down only means measuring again
        log.warning("cache unavailable for writing a download's size", exc_info=True)


def counted(name: str, version: int, pieces: Iterator[bytes]) -> Iterator[bytes]:
    """``pieces`` passed on as they come; once all are sent, their total is recorded as the download's size."""
    size = 0
    for piece in pieces:
        size += len(piece)
        yield piece
    record_size(name, version, size)


def read_download_sizes(*, version: int, roles: int) -> dict[str, int | None]:
    """Each large download's size in bytes for this content version; None where it is not known yet."""
    keys = {name: _key(name, version) for name in LARGE_DOWNLOADS}
    try:
        found = cache.get_many(list(keys.values()))
    except Exception:
        log.warning("cache unavailable for reading download sizes", exc_info=True)
        found = {}
    sizes: dict[str, int | None] = {name: found.get(key) for name, key in keys.items()}
    for name, size in sizes.items():
        if size is None and roles <= MEASURE_IN_REQUEST_ROLES:
            measured = sum(len(piece) for piece in LARGE_DOWNLOADS[name]())
            record_size(name, version, measured)
            sizes[name] = measured
    return sizes
