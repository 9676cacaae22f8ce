"""The site's own answer when a view fails (Django's handler500)."""

from __future__ import annotations

import sys

from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse
from django.template import loader


def server_error(request: HttpRequest) -> HttpResponse:
    """A 500 page that needs nothing; a 503 saying "try again" when the database is what failed."""
    exc = sys.exc_info()[1]
    if isinstance(exc, DatabaseError):
        html = loader.get_template("503.html").render()
        return HttpResponse(html, status=503, headers={"Retry-After": "30", "Cache-Control": "no-store"})
    return HttpResponse(loader.get_template("500.html").render(), status=500, headers={"Cache-Control": "no-store"})
