"""Whole public pages, cached: rendered once per content version, then served from the cache.

Why a middleware of our own rather than Django's per-site cache: the key must change the moment any
content changes (an editor's save shows at the next request), conditional requests must be answered
from the cached copy (ETag / Last-Modified, 304), and a visitor with a session (staff, previews) must
bypass the cache without the public pages carrying ``Vary: Cookie``.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date

from careers.models import ContentVersion
from roles.fragments import wants_fragment

log = logging.getLogger(__name__)

# Browsers and CDNs may keep a copy but must revalidate it every time: with the ETag that costs a 304,
# and an editor's fix is never hidden behind a max-age.
PUBLIC_CACHE_CONTROL = {"public": True, "no_cache": True}
# Cards carry their own headers (immutable, their digest as ETag) and their own cache (careers/cards/views.py).
SKIP_PREFIXES = ("/admin/", "/static/", "/healthz", "/cards/")


@dataclass(frozen=True)
class CachedPage:
    status: int
    headers: list[tuple[str, str]]
    content: bytes
    etag: str


def page_key(request: HttpRequest, version: int) -> str:
    # The views render the fragment or the whole page by the same function: an entry is what they would render.
    variant = "hx" if wants_fragment(request) else "page"
    digest = hashlib.sha256(request.get_full_path().encode("utf-8", "surrogateescape")).hexdigest()[:32]
    return f"page:{version}:{variant}:{digest}"


class PageCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not self.cacheable_request(request):
            return self.get_response(request)
        # Django checks the Host header only when something asks for it; a cached answer must not skip the check (400).
        request.get_host()
        version, changed_at = ContentVersion.current()
        key = page_key(request, version)
        page = self._get(key)
        if page is None:
            response = self.get_response(request)
            # A HEAD is rendered in full like a GET (HeadResponseMiddleware drops the body later): its entry is
            # the GET's, and it gets the GET's ETag, Last-Modified and Cache-Control.
            if not self.cacheable_response(response):
                return response
            page = CachedPage(
                status=response.status_code,
                headers=[(k, v) for k, v in response.items() if k.lower() not in ("etag", "last-modified")],
                content=response.content,
                etag=f'"{hashlib.sha256(response.content).hexdigest()[:24]}"',
            )
            self._set(key, page)
        response = HttpResponse(page.content, status=page.status)
        for name, value in page.headers:
            response[name] = value
        response["ETag"] = page.etag
        response["Last-Modified"] = http_date(changed_at.timestamp())
        patch_cache_control(response, **PUBLIC_CACHE_CONTROL)
        # Given a response, Django returns it or a 304/412, never None (the stubs say Optional).
        return get_conditional_response(  # type: ignore[return-value]
            request, etag=page.etag, last_modified=int(changed_at.timestamp()), response=response
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
    def _get(key: str) -> CachedPage | None:
        try:
            return cache.get(key)
        except Exception:  # a cache server that is down means uncached pages, not errors
            log.warning("page cache unavailable for reading", exc_info=True)
            return None

    @staticmethod
    def _set(key: str, page: CachedPage) -> None:
        try:
            cache.set(key, page, timeout=settings.PAGE_CACHE_SECONDS)
        except Exception:
            log.warning("page cache unavailable for writing", exc_info=True)
