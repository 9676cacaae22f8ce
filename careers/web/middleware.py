"""Middleware of the site."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from whitenoise.middleware import WhiteNoiseMiddleware

request_log = logging.getLogger("careers.requests")


class RequestLogMiddleware:
    """One line per request: method, path, status, duration. Errors add their traceback via django.request."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()
        response = self.get_response(request)
        duration_ms = (time.perf_counter() - started) * 1000
        # The path only, never the query string: it may be 100 KB of a visitor's typing.
        request_log.info("%s %s %s %.1fms", request.method, request.path[:300], response.status_code, duration_ms)
        return response


class HeadResponseMiddleware:
    """A HEAD request gets the headers of the GET, and no body.

    Views render the whole page for HEAD too (so that its Content-Length, ETag and page-cache entry are the
    GET's); the body is dropped here, at the very end, rather than by gunicorn, which logs a warning each time.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.method != "HEAD":
            return response
        if isinstance(response, StreamingHttpResponse):  # what response.streaming says
            response.streaming_content = []
        else:
            length = len(response.content)
            response.content = b""
            response["Content-Length"] = str(length)
        return response


class PermissionsPolicyMiddleware:
    """Django sets the other security headers; this one it does not know."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class StaticFilesMiddleware(WhiteNoiseMiddleware):
    """whitenoise, without the manifest: staticfiles.json (and its compressed copies) lists every collected
    file with its hashed name, which the servers need and visitors do not; it answers 404 like any unknown URL.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse], *args, **kwargs):
        super().__init__(get_response, *args, **kwargs)
        # A development server may find a manifest left in STATIC_ROOT by an earlier collectstatic: the same name.
        self.manifest_url = self.static_prefix + getattr(staticfiles_storage, "manifest_name", "staticfiles.json")

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info.startswith(self.manifest_url):
            return self.get_response(request)
        return super().__call__(request)
