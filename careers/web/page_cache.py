"""Whole public pages, cached: rendered once, then served from the cache until something they show changes.

Why a middleware of our own rather than Django's per-site cache: an entry must stop being served the moment
anything it shows changes (an editor's save shows at the next request) while everything else stays cached,
conditional requests must be answered from the cached copy (ETag / Last-Modified, 304), and a visitor with a
session (staff, previews) must bypass the cache without the public pages carrying ``Vary: Cookie``.

Freshness: an entry records the tags its page depends on (roles/page_tags.py: the site, the lists, a role, a
skill) and their tokens when it was rendered; a hit is served only if every tag still has that token (one
``get_many`` from the cache, no database query). Saves move the tags of what they touched once they commit
(careers/web/invalidation.py). With ``PAGE_CACHE_SHARED`` off (a cache that is not shared between processes, such
as the local-memory one under several workers) a process cannot see another's saves in its own cache, so an entry
also records the database's content version, which every save moves, and a hit reads it (one small query).

Compressed copies are made when a page is stored, not at its first request in each coding: one entry, written once
and never rewritten, holds the page as rendered and its brotli and gzip bodies, and one cache read serves any
client. Lazily made copies would save the compression of codings nobody asks for, but nearly every browser asks
for brotli and crawlers for gzip, and they would cost a second write per page (two workers racing to add a coding
to the same entry) or a key per coding. Compressing a page both ways takes about 1 ms (a career path) to 4 ms
(/skills/, 66 KB), once per render; a warm hit compresses nothing.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date

from careers.models import ContentVersion
from careers.web import compression, page_tags
from careers.web.local_pages import LOCAL
from roles.fragments import wants_fragment
from roles.page_tags import declared

log = logging.getLogger(__name__)

# Browsers and CDNs may keep a copy but must revalidate it every time: with the ETag that costs a 304,
# and an editor's fix is never hidden behind a max-age.
PUBLIC_CACHE_CONTROL = {"public": True, "no_cache": True}
# The request headers that can turn a hit into a 304 or a 412 (Django's get_conditional_response reads these).
CONDITIONAL_HEADERS = ("HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE", "HTTP_IF_MATCH", "HTTP_IF_UNMODIFIED_SINCE")
# Cards carry their own headers (immutable, their digest as ETag) and their own cache (careers/cards/views.py).
SKIP_PREFIXES = ("/admin/", "/static/", "/healthz", "/cards/")


@dataclass(frozen=True)
class CachedPage:
    """A page as stored: its status, its body as rendered and, when it may be compressed
    (``compression.compressible``), in each coding that makes it smaller, with the headers to send with each body
    worked out when it was stored."""

    status: int
    content: bytes
    coded: dict[str, bytes]
    # Every header a hit sends with each body ("" for the body as rendered): the view's own, the coding's ETag,
    # Content-Encoding and Vary, Content-Length, Last-Modified and Cache-Control. The same for every hit, so set
    # up once rather than patched onto each response (which cost more than the rest of a hit).
    sent: dict[str, tuple[tuple[str, str], ...]]
    # The tags the page depends on and their tokens when it was rendered (see the module's note).
    tags: dict[str, str]
    # The database's content version when it was rendered; None when the cache is shared (not read).
    version: int | None
    # When it was rendered (a Unix time): its Last-Modified.
    rendered_at: float

    def body(self, coding: compression.Coding | None) -> tuple[compression.Coding | None, bytes]:
        """The coding to send and its body: the identity when this coding was not stored."""
        if coding is not None and coding in self.coded:
            return coding, self.coded[coding]
        return None, self.content

    def response(self, coding: compression.Coding | None) -> HttpResponse:
        """The response a hit sends for this coding (the identity when it was not stored)."""
        coding, body = self.body(coding)
        response = HttpResponse(body, status=self.status)
        for name, value in self.sent[coding or ""]:
            response[name] = value
        return response


def sent_headers(
    headers: list[tuple[str, str]],
    *,
    etag: str,
    body: bytes,
    coding: compression.Coding | None,
    compressible: bool,
    rendered_at: float,
) -> tuple[tuple[str, str], ...]:
    """The headers a hit sends with this body: the view's, then the ETag, the coding's headers (and Vary:
    Accept-Encoding, which tells CompressionMiddleware the coding was chosen here), the length, Last-Modified and
    Cache-Control."""
    response = HttpResponse(status=200)
    for name, value in headers:
        response[name] = value
    response["ETag"] = etag
    if compressible:
        compression.encoded(response, body, coding)
    response["Content-Length"] = str(len(body))
    response["Last-Modified"] = http_date(rendered_at)
    patch_cache_control(response, **PUBLIC_CACHE_CONTROL)
    return tuple(response.items())


def page_key(request: HttpRequest) -> str:
    # The views render the fragment or the whole page by the same function: an entry is what they would render.
    variant = "hx" if wants_fragment(request) else "page"
    digest = hashlib.sha256(request.get_full_path().encode("utf-8", "surrogateescape")).hexdigest()[:32]
    # "page4": entries hold the headers sent with each coding; an older worker's entries ("page3", headers patched
    # at each hit) are not read back.
    return f"page4:{variant}:{digest}"


class PageCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not self.cacheable_request(request):
            return self.get_response(request)
        # Django checks the Host header only when something asks for it; a cached answer must not skip the check (400).
        request.get_host()
        key = page_key(request)
        version = None if settings.PAGE_CACHE_SHARED else ContentVersion.current()[0]
        page = self._get(key, version)
        if page is None:
            # Read before the view reads any data: a save that commits while the page renders moves it on, and
            # then the page is sent but not stored.
            sequence = page_tags.sequence()
            rendered_at = time.time()
            response = self.get_response(request)
            # A HEAD is rendered in full like a GET (HeadResponseMiddleware drops the body later): its entry is
            # the GET's, and it gets the GET's ETag, Last-Modified and Cache-Control.
            if not self.cacheable_response(response):
                return response
            tags = self._tags_now(declared(request), sequence)
            page = self.store(request, response, tags=tags or {}, version=version, rendered_at=rendered_at)
            if tags is not None:
                self._set(key, page)
        response = page.response(compression.negotiate(request.META.get("HTTP_ACCEPT_ENCODING")))
        if not any(header in request.META for header in CONDITIONAL_HEADERS):
            return response
        # Given a response, Django returns it or a 304/412, never None (the stubs say Optional).
        return get_conditional_response(  # type: ignore[return-value]
            request, etag=response["ETag"], last_modified=int(page.rendered_at), response=response
        )

    @staticmethod
    def store(
        request: HttpRequest, response: HttpResponse, *, tags: dict[str, str], version: int | None, rendered_at: float
    ) -> CachedPage:
        """The entry for a page just rendered, with its body in every coding when it may be compressed."""
        content = response.content
        coded: dict[str, bytes] = {}
        compressible = compression.compressible(request, response)
        if compressible:
            for coding in compression.CODINGS:
                body = compression.compress(content, coding)
                if len(body) < len(content):
                    coded[coding] = body
        varying = ("etag", "last-modified", "content-length", "content-encoding")
        headers = [(k, v) for k, v in response.items() if k.lower() not in varying]
        etag = f'"{hashlib.sha256(content).hexdigest()[:24]}"'
        codings: list[compression.Coding | None] = [None, *(c for c in compression.CODINGS if c in coded)]
        sent: dict[str, tuple[tuple[str, str], ...]] = {
            coding or "": sent_headers(
                headers,
                etag=etag,
                body=coded[coding] if coding else content,
                coding=coding,
                compressible=compressible,
                rendered_at=rendered_at,
            )
            for coding in codings
        }
        return CachedPage(
            status=response.status_code,
            content=content,
            coded=coded,
            sent=sent,
            tags=tags,
            version=version,
            rendered_at=rendered_at,
        )

    @staticmethod
    def cacheable_request(request: HttpRequest) -> bool:
        return (
            settings.PAGE_CACHE_ENABLED
            and request.method in ("GET", "HEAD")
            and not request.path.startswith(SKIP_PREFIXES)
            # A session means staff (or a preview): their pages are personal.
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
        )

    @staticmethod
    def cacheable_response(response: HttpResponse) -> bool:
        control = response.get("Cache-Control", "")
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and "private" not in control
            and "no-store" not in control
        )

    @staticmethod
    def _get(key: str, version: int | None) -> CachedPage | None:
        """The entry, if it is still fresh: rendered under the content version read now (a cache that is not
        shared), or with every tag it depends on still at the token it was rendered under (a shared one)."""
        try:
            if version is not None:
                # Not shared: the version, which every save moves in its own transaction, says whether anything
                # changed since the render; the tags would only say it again. The worker's unpickled copy is used
                # while the cache still holds the entry (has_key unpickles nothing; a cleared cache means a render).
                page = LOCAL.get(key) if cache.has_key(key) else None
                if page is None or page.version != version:
                    page = cache.get(key)
                    if not isinstance(page, CachedPage) or page.version != version:
                        return None
                    LOCAL.put(key, page)
                return page
            # Shared: this worker's own copy if it has one (local_pages.py), else the shared cache's; either is served
            # only while its tags are fresh, read from the shared cache now.
            page = LOCAL.get(key)
            if page is not None and fresh(page):
                return page
            LOCAL.forget(key)
            page = cache.get(key)
            if not isinstance(page, CachedPage) or page.version is not None or not fresh(page):
                return None
        except Exception:  # a cache server that is down means uncached pages, not errors
            log.warning("page cache unavailable for reading", exc_info=True)
            return None
        LOCAL.put(key, page)
        return page

    @staticmethod
    def _tags_now(tags: frozenset[str], sequence: str | None) -> dict[str, str] | None:
        """The tokens to store a page just rendered under, or None if it must not be stored: the cache is down, or
        a save moved tags on since the render began (its data may be older than their tokens)."""
        if sequence is None:
            return None
        try:
            now = page_tags.read(tags)
            missing = tags - now.keys()
            if missing:  # never made, or lost by the cache: new tokens, then read again (another server may win)
                page_tags.fill(missing)
                now |= page_tags.read(missing)
        except Exception:
            log.warning("page cache unavailable for reading", exc_info=True)
            return None
        if now.get(page_tags.SEQUENCE) != sequence or not tags <= now.keys():
            return None
        return {tag: now[tag] for tag in tags}

    @staticmethod
    def _set(key: str, page: CachedPage) -> None:
        try:
            cache.set(key, page, timeout=settings.PAGE_CACHE_SECONDS)
        except Exception:
            log.warning("page cache unavailable for writing", exc_info=True)
            return
        LOCAL.put(key, page)


def fresh(page: CachedPage) -> bool:
    """Every tag the page depends on still has the token it was rendered under (a tag the cache lost is missing from
    what is read: treated as changed)."""
    now = page_tags.read(page.tags)
    return all(now.get(tag) == value for tag, value in page.tags.items())
