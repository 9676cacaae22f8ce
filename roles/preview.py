"""Staff preview of drafts: a draft answers 404 to the public and shows, marked, to staff.

Only requests that carry a session cookie are asked who they are, so public pages never touch the
session (and never gain ``Vary: Cookie``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers

from .page_tags import about_roles

if TYPE_CHECKING:
    from .models import Role


def can_preview(request: HttpRequest) -> bool:
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    user = request.user
    return user.is_active and user.is_staff


def mark_preview(response: HttpResponse) -> HttpResponse:
    """A preview must stay out of search engines and out of every cache."""
    response["X-Robots-Tag"] = "noindex, nofollow"
    add_never_cache_headers(response)
    response["Cache-Control"] = "private, no-store, max-age=0"
    return response


def render_role_page(request: HttpRequest, template: str, context: dict, roles: Iterable[Role]) -> HttpResponse:
    """Render a page about these roles; a draft among them got this far only for staff, so mark the preview
    (a banner and noindex in the page, no caching and X-Robots-Tag in the headers)."""
    roles = list(roles)
    # Cached until one of these roles changes (or what the view declared besides; roles/page_tags.py).
    about_roles(request, roles)
    drafts = [role for role in roles if not role.is_published]
    response = render(request, template, {**context, "preview_roles": drafts})
    return mark_preview(response) if drafts else response
