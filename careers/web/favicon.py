"""/favicon.ico: the one icon, for the pages that name none."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.views.decorators.http import require_safe


@require_safe
def favicon(request: HttpRequest) -> HttpResponse:
    """/favicon.ico, asked for by browsers on pages that name no icon (the admin's): the SVG icon.

    Resolved per request, not when the URLconf loads: the hashed name exists only after collectstatic.
    """
    return HttpResponsePermanentRedirect(static("icons/favicon.svg"))
