"""Each worker's own copies of the pages it served last, unpickled, in front of the page cache.

With the cache shared between servers (Redis), a hit costs two round trips: the entry (a page with its brotli and
gzip bodies, ~40 KB to move and unpickle) and its tags' tokens. The entry of a key never changes once written (a new
render writes a new entry), so a worker may keep the entries it served and ask the shared cache only for the tags:
one round trip, nothing to unpickle. Whether a copy may be served is decided as for any entry, by its tags' tokens
read from the shared cache at every hit (careers/web/page_cache.py), so a worker's copy is never staler than the
shared one. With a cache of the worker's own (local memory) the copy saves unpickling the entry at each hit (a
twelfth of a hit); it is used while that cache still holds the entry and the content version is the one it was
rendered under. Kept to a number of bytes, the least recently served dropped first.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import TYPE_CHECKING

from django.conf import settings

if TYPE_CHECKING:
    from careers.web.page_cache import CachedPage


def size(page: CachedPage) -> int:
    return len(page.content) + sum(len(body) for body in page.coded.values())


class LocalPages:
    """An LRU of entries by key, bounded in bytes; an entry over an eighth of the bound is not kept."""

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self.bytes = 0
        self._pages: OrderedDict[str, CachedPage] = OrderedDict()

    def get(self, key: str) -> CachedPage | None:
        page = self._pages.get(key)
        if page is not None:
            self._pages.move_to_end(key)
        return page

    def put(self, key: str, page: CachedPage) -> None:
        self.forget(key)
        if size(page) * 8 > self.max_bytes:
            return
        self._pages[key] = page
        self.bytes += size(page)
        while self.bytes > self.max_bytes:
            _, oldest = self._pages.popitem(last=False)
            self.bytes -= size(oldest)

    def forget(self, key: str) -> None:
        page = self._pages.pop(key, None)
        if page is not None:
            self.bytes -= size(page)

    def clear(self) -> None:
        self._pages.clear()
        self.bytes = 0

    def __len__(self) -> int:
        return len(self._pages)


# One per worker process (gunicorn's sync workers serve one request at a time: no lock needed).
LOCAL = LocalPages(settings.PAGE_CACHE_LOCAL_BYTES)
