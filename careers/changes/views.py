"""/changes/: the latest changes to published roles, newest first, a page at a time."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from .read import read_changes_page


@require_safe
def changes(request: HttpRequest) -> HttpResponse:
    """?page= picks a page; a number that is no page gives the nearest one, never an error."""
    page = read_changes_page(request.GET.get("page"))
    crumbs = [("What changed", "")]
    return render(request, "careers/changes.html", {"page": page, "crumbs": crumbs})
