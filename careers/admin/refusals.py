"""The admin's refusals in the admin's own look: a 403 that says why and leads back, and the lock-out page
after too many failed sign-ins that says for how long (the cool-off set in settings)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views import defaults


def _in_admin(request: HttpRequest) -> bool:
    return request.path.startswith(reverse("admin:index"))


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """Inside the admin, a page like the rest of it; elsewhere Django's own."""
    if not _in_admin(request):
        return defaults.permission_denied(request, exception)  # type: ignore[arg-type]  # Django's view renders str(None) too
    context = {**admin.site.each_context(request), "title": "Not open to your account"}
    return render(request, "admin/403.html", context, status=403)


def duration(span: dt.timedelta) -> str:
    """ "15 minutes", "1 hour", "1 hour 30 minutes", "45 seconds": how people say a wait."""
    seconds = int(span.total_seconds())
    if seconds < 60:
        return f"{seconds} second{'s' if seconds != 1 else ''}"
    hours, minutes = divmod(seconds // 60, 60)
    parts = [f"{hours} hour{'s' if hours != 1 else ''}"] if hours else []
    parts += [f"{minutes} minute{'s' if minutes != 1 else ''}"] if minutes else []
    return " ".join(parts)


def locked_out(request: HttpRequest, original_response=None, credentials=None) -> HttpResponse:
    """django-axes' answer to a locked account (AXES_LOCKOUT_CALLABLE)."""
    from axes.helpers import get_cool_off, get_failure_limit

    cool_off = get_cool_off(request)
    context = {
        **admin.site.each_context(request),
        "title": "Signing in is paused",
        "failure_limit": get_failure_limit(request, credentials),
        "wait": duration(cool_off) if cool_off else None,
    }
    return render(request, "admin/locked_out.html", context, status=getattr(settings, "AXES_HTTP_RESPONSE_CODE", 429))
