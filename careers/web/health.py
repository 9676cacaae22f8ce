"""What a load balancer and an operator need: is this server able to answer, and what is down."""

from __future__ import annotations

from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, JsonResponse
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
