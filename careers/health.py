"""What a load balancer and an operator need: is this server able to answer, and what is down."""

from __future__ import annotations

import sys

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return True
    except Exception:
        return False


def _cache_ok() -> bool:
    try:
        cache.set("healthz", "ok", 10)
        return cache.get("healthz") == "ok"
    except Exception:
        return False


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    """200 when the database answers (the site can serve without its cache), 503 when it does not."""
    database, cache_ok = _database_ok(), _cache_ok()
    body = {"database": "ok" if database else "down", "cache": "ok" if cache_ok else "down"}
    return JsonResponse(body, status=200 if database else 503)


def server_error(request: HttpRequest) -> HttpResponse:
    """A 500 page that needs nothing; a 503 saying "try again" when the database is what failed."""
    exc = sys.exc_info()[1]
    if isinstance(exc, DatabaseError):
        html = loader.get_template("503.html").render()
        return HttpResponse(html, status=503, headers={"Retry-After": "30", "Cache-Control": "no-store"})
    return HttpResponse(loader.get_template("500.html").render(), status=500, headers={"Cache-Control": "no-store"})
