"""The cards' addresses: ``/cards/roles/<role>-<digest>.png`` and ``/cards/site-<digest>.png``.

The digest covers everything drawn, so the answer at an address never changes: it is cached for a year as
immutable, and its PNG is rendered once into Django's cache, keyed by the digest. An address whose digest is no
longer the card's (the role changed) answers 301 with the current one, so a link shared earlier still gets a
picture; an unknown, draft or archived role is a 404.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.core.cache import cache
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.utils.cache import get_conditional_response
from django.views.decorators.http import require_safe

from careers.cards.cards import Card, read_site_card, role_card
from careers.cards.draw import role_png, site_png
from roles.models import Role, RoleLevel
from salaries.pay import role_pay

log = logging.getLogger(__name__)

IMMUTABLE = "public, max-age=31536000, immutable"
# A moved card's redirect is not for ever: the card may move again.
MOVED = "public, max-age=3600"
PNG_CACHE_SECONDS = 30 * 24 * 3600


def card_png(card: Card, render: Callable[[], bytes]) -> bytes:
    """The card's PNG from the cache, rendered (and kept) when missing; a cache that is down means rendering."""
    key = f"card:{card.digest}"
    try:
        png = cache.get(key)
    except Exception:
        log.warning("card cache unavailable for reading", exc_info=True)
        png = None
    if png is None:
        png = render()
        try:
            cache.set(key, png, timeout=PNG_CACHE_SECONDS)
        except Exception:
            log.warning("card cache unavailable for writing", exc_info=True)
    return png


def card_response(request: HttpRequest, card: Card, digest: str, render: Callable[[], bytes]) -> HttpResponse:
    if digest != card.digest:
        moved = HttpResponsePermanentRedirect(card.path)
        moved["Cache-Control"] = MOVED
        return moved
    etag = f'"{card.digest}"'
    response = HttpResponse(card_png(card, render), content_type=card.type)
    response["Cache-Control"] = IMMUTABLE
    response["ETag"] = etag
    # Given a response, Django returns it or a 304/412, never None (the stubs say Optional).
    return get_conditional_response(request, etag=etag, response=response)  # type: ignore[return-value]


@require_safe
def role_card_image(request: HttpRequest, role: str, digest: str) -> HttpResponse:
    """A published role's card: the role with its levels, and its pay (three queries)."""
    ladder = Prefetch("role_levels", queryset=RoleLevel.objects.select_related("level"))
    try:
        found = Role.objects.published().prefetch_related(ladder).get(slug=role)
    except Role.DoesNotExist:
        raise Http404("No such role") from None
    card = role_card(found, role_pay(found))
    return card_response(request, card, digest, lambda: role_png(card))


@require_safe
def site_card_image(request: HttpRequest, digest: str) -> HttpResponse:
    """The site's card (one query: the counts it shows)."""
    card = read_site_card()
    return card_response(request, card, digest, lambda: site_png(card))
