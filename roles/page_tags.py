"""What a cached page depends on: its tags, declared by its view (one call per view).

``site`` is reference data any page may show (skills' names, levels, locations, kinds of employer, families);
``roles`` is every role as lists show it (home, catalog, search, the skill list, salary comparison, sitemaps, the
hub's "compare with" picker); ``role:<id>`` is one role and what it owns (levels, skills, moves out, pay, FAQs);
``skill:<id>`` is the roles that ask for one skill. A page that declares nothing depends on ``roles``; every page
depends on ``site``. The page cache (careers/web/page_cache.py) keeps a page until one of its tags moves on;
careers/web/invalidation.py says which tags a save moves on. Here, in the lowest app, so that every app's views
can declare their tags as they decide their fragment (roles.fragments).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.http import HttpRequest

if TYPE_CHECKING:
    from .models import Role

SITE = "site"
ROLES = "roles"


def role(pk: int) -> str:
    return f"role:{pk}"


def skill(pk: int) -> str:
    return f"skill:{pk}"


def depends_on(request: HttpRequest, *tags: str) -> None:
    """Declare tags the page being rendered depends on (added to any already declared)."""
    request.page_tags = getattr(request, "page_tags", frozenset()) | set(tags)  # type: ignore[attr-defined]


def about_roles(request: HttpRequest, roles: Iterable[Role]) -> None:
    """A page about these roles (and nothing else of the catalog): their tags."""
    depends_on(request, *(role(r.pk) for r in roles))


def declared(request: HttpRequest) -> frozenset[str]:
    """The page's tags: those its view declared (``roles`` if none), and always ``site``."""
    return frozenset(getattr(request, "page_tags", None) or {ROLES}) | {SITE}
