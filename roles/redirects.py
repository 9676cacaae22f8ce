"""Old addresses of roles: a renamed role's URLs move for good (301), a deleted or archived role's are gone (410).

Beside the writes that make them (``roles.editing.record_rename``, ``roles.archiving``, the loader's old slugs).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from django.db.models import Q
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.template import loader
from django.utils.cache import patch_cache_control

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
