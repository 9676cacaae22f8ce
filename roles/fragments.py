"""Fragment or whole page: the one decision that every view with an htmx partial and the page cache share.

The page cache runs before django-htmx's middleware and keys its entries by this answer, the views render
by it: as both ask the same function, a cached entry is always what the same request would get rendered.
It follows django-htmx's reading of the headers (``request.htmx``), which decodes a %-encoded header when
htmx says it encoded it (``HX-Request-URI-AutoEncoded: true``), so ``HX-Request: %74rue`` is an htmx request.
A history restore (htmx's own cache missed on Back) asks for the whole page although it is an htmx request.
"""

from __future__ import annotations

from django.http import HttpRequest
from django.views.decorators.vary import vary_on_headers
from django_htmx.middleware import HtmxDetails

# Every header the answer depends on: responses name them all in Vary, so that a shared cache (a CDN)
# keeps apart what this function tells apart.
FRAGMENT_HEADERS = (
    "HX-Request",
    "HX-Request-URI-AutoEncoded",
    "HX-History-Restore-Request",
    "HX-History-Restore-Request-URI-AutoEncoded",
)


def wants_fragment(request: HttpRequest) -> bool:
    """True when the request gets the swappable fragment of a page, False for the whole page."""
    # No HX-Request header, no htmx request, whatever else is sent; asked first because building request.headers
    # (all of META) was a fifth of a warm page-cache hit.
    if "HTTP_HX_REQUEST" not in request.META:
        return False
    # Built here rather than read from request.htmx: the page cache asks before django-htmx's middleware ran.
    htmx = HtmxDetails(request)
    return bool(htmx) and not htmx.history_restore_request


vary_on_fragment = vary_on_headers(*FRAGMENT_HEADERS)
