"""The job title pages: the translator with the index of titles (/titles/) and one page per title."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from roles.fragments import vary_on_fragment, wants_fragment

from .title_page import read_title_page
from .translator import read_translation


@require_safe
@vary_on_fragment
def translator(request: HttpRequest) -> HttpResponse:
    """A GET form: what a title means; without a title, the index of every known title by kind of employer."""
    # The raw query string, never request.GET: an address with thousands of fields still gets a page.
    page = read_translation(request.META.get("QUERY_STRING", ""))
    fragment = wants_fragment(request)
    crumbs = [("Job titles", "")]
    context = {"page": page, "crumbs": crumbs, "fragment": fragment}
    template = "titles/translator.html#answer" if fragment else "titles/translator.html"
    return render(request, template, context)


@require_safe
def job_title(request: HttpRequest, title: str) -> HttpResponse:
    page = read_title_page(title)
    crumbs = [("Job titles", reverse("title_translator")), (page.name, "")]
    return render(request, "titles/job_title.html", {"page": page, "crumbs": crumbs})
