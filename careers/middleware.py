"""Middleware of the site."""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable

from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.db.models import Q
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect, StreamingHttpResponse
from django.template import loader
from django.utils.cache import patch_cache_control
from whitenoise.middleware import WhiteNoiseMiddleware

from roles.models import RemovedRole, Role, RoleSlugHistory

ROLE_PATH = re.compile(r"^/roles/(?P<role>[a-z0-9-]+)/(?P<rest>(?:.*/)?)$")
MOVE_REST = re.compile(r"^to/(?P<other>[a-z0-9-]+)/$")


class RenamedRoleRedirectMiddleware:
    """A role renamed in the admin keeps its visitors: its old URLs answer 301 with the new ones.
    A deleted or archived role's URLs answer 410 Gone, under its slug and its old slugs alike.

    Runs only on a 404 under /roles/, so a normal page costs nothing; the lookup is a query or two.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        match = ROLE_PATH.match(request.path)
        if not match:
            return response
        role, rest = match["role"], match["rest"]
        move = MOVE_REST.match(rest)
        slugs = [role] + ([move["other"]] if move else [])
        archived = Role.objects.archived().filter(Q(slug__in=slugs) | Q(old_slugs__slug__in=slugs)).first()
        if archived is not None:
            return self._gone_page(request, archived)
        renamed = dict(RoleSlugHistory.objects.filter(slug__in=slugs).values_list("slug", "role__slug"))
        if not renamed:
            return self._gone(request, slugs) or response
        new_role = renamed.get(role, role)
        new_rest = f"to/{renamed.get(move['other'], move['other'])}/" if move else rest
        location = f"/roles/{new_role}/{new_rest}"
        if request.META.get("QUERY_STRING"):
            location += f"?{request.META['QUERY_STRING']}"
        return HttpResponsePermanentRedirect(location)

    @staticmethod
    def _gone(request: HttpRequest, slugs: list[str]) -> HttpResponse | None:
        """A deleted role's pages are gone for good: 410 tells search engines to drop them."""
        removed = RemovedRole.objects.filter(slug__in=slugs).first()
        return None if removed is None else RenamedRoleRedirectMiddleware._gone_page(request, removed)

    @staticmethod
    def _gone_page(request: HttpRequest, removed: RemovedRole | Role) -> HttpResponse:
        html = loader.render_to_string("410.html", {"removed": removed}, request=request)
        response = HttpResponse(html, status=410)
        # Gone until an editor restores it: browsers and CDNs must ask again rather than keep the 410.
        patch_cache_control(response, no_cache=True)
        return response


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
