"""What crawlers read first: robots.txt and the sitemap index."""

from __future__ import annotations

from django.conf import settings
from django.contrib.sitemaps import views as sitemap_views
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import http_date
from django.views.decorators.http import require_safe

from careers.web.sitemaps import SITEMAPS


@require_safe
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        # Search results are endless and thin; the catalog itself is crawlable.
        "Disallow: /roles/?q=",
        "Disallow: /*?q=",
        # Skills-check answers (/roles/<role>/check/?skill=…) and title translations (/titles/?title=…) stay
        # crawlable on purpose: they say noindex, which a crawler kept out by robots.txt would never read.
        "Allow: /",
        "",
        f"Sitemap: {settings.SITE_URL}{reverse('sitemap_index')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_safe
def sitemap_index(request: HttpRequest) -> HttpResponse:
    """Like Django's index view, but every URL from SITE_URL and each section's real lastmod."""
    entries = []
    lastmods = []
    for section, sitemap_class in SITEMAPS.items():
        sitemap = sitemap_class()
        url = settings.SITE_URL + reverse("sitemap_section", kwargs={"section": section})
        lastmod = sitemap.get_latest_lastmod()
        pages = sitemap.paginator.num_pages  # Sitemap.paginator is a new Paginator, so a count, at every read
        for page in range(1, pages + 1):
            entries.append({"location": url if page == 1 else f"{url}?p={page}", "last_mod": lastmod})
        if lastmod and pages:
            lastmods.append(lastmod)
    latest = max(lastmods, default=None)
    response = TemplateResponse(
        request, "careers/sitemap_index.xml", {"sitemaps": entries}, content_type="application/xml"
    )
    if latest:
        response.headers["Last-Modified"] = http_date(latest.timestamp())
    return response


@require_safe
def sitemap_section(request: HttpRequest, section: str) -> HttpResponse:
    return sitemap_views.sitemap(request, sitemaps={**SITEMAPS}, section=section, template_name="careers/sitemap.xml")
