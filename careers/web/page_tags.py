"""The tokens of the page tags (roles/page_tags.py names them), kept in the shared cache.

Each tag's value is a token never used before (the clock in nanoseconds and random bits), not a counter: a tag that
the cache evicted or lost comes back with a new token, so a page stored under the old one can never match again,
and a missing tag always means "changed". ``SEQUENCE`` moves on before any tag does; a page rendered while it moved
is sent but not stored, so a render that read the data before a save committed is never stored under the tokens
that save wrote.

Tags are moved on only after the transaction commits (``transaction.on_commit``), so a page rendered from the
new data can never be stored under tokens older than that data.
"""

from __future__ import annotations

import logging
import secrets
import time
from collections.abc import Iterable

from django.core.cache import cache
from django.db import transaction

from roles.page_tags import ROLES, SITE, role, skill

log = logging.getLogger(__name__)

__all__ = ["ROLES", "SITE", "role", "skill", "changed", "move_on", "read", "fill", "sequence"]

SEQUENCE = "ptag-seq"
PREFIX = "ptag:"


def token() -> str:
    """A value no tag ever had before, on any server (the clock alone could repeat across machines)."""
    return f"{time.time_ns():x}.{secrets.token_hex(4)}"


def key(tag: str) -> str:
    return PREFIX + tag


def sequence() -> str | None:
    """The sequence's token now, made if the cache lost it; None if the cache cannot be reached."""
    try:
        value = cache.get(SEQUENCE)
        if value is None:
            cache.add(SEQUENCE, token(), timeout=None)
            value = cache.get(SEQUENCE)
        return value
    except Exception:
        log.warning("page cache unavailable for reading", exc_info=True)
        return None


def read(tags: Iterable[str]) -> dict[str, str]:
    """The tokens of these tags now, and the sequence's (under ``SEQUENCE``); missing tags are left out.
    The sequence is read last, so a save whose tokens were read here has moved the sequence too."""
    keys = [key(tag) for tag in sorted(tags)] + [SEQUENCE]
    found = cache.get_many(keys)
    return {(k if k == SEQUENCE else k.removeprefix(PREFIX)): v for k, v in found.items()}


def fill(tags: Iterable[str]) -> None:
    """Give each of these tags (missing from the cache) a new token; another server's token stands if it won."""
    for tag in tags:
        cache.add(key(tag), token(), timeout=None)


def move_on(tags: Iterable[str]) -> None:
    """Move these tags on now: the sequence first, then each tag (see the module's note)."""
    tags = set(tags)
    try:
        cache.set(SEQUENCE, token(), timeout=None)
        cache.set_many({key(tag): token() for tag in tags}, timeout=None)
    except Exception:
        # The save stands; the pages it touched may be served until their entries expire (PAGE_CACHE_SECONDS).
        log.error("page cache unavailable: could not move on %s", sorted(tags), exc_info=True)


def changed(tags: Iterable[str]) -> None:
    """Move these tags on when the current transaction commits (at once outside one)."""
    tags = set(tags)
    if tags:
        transaction.on_commit(lambda: move_on(tags))
