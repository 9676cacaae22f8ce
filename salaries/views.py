"""Pay pages: a role's pay by level in one place (table and chart), and every role compared.

Both pages read their choices from GET parameters, so they work without JavaScript and every view
has a URL to share. An htmx request gets only the swappable part of the page (a template partial);
responses say ``Vary: HX-Request`` so that caches keep the two apart.
"""

from __future__ import annotations

import re
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Count, Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from careers.pages.paging import paginate, requested_page
from roles.fragments import vary_on_fragment, wants_fragment
from roles.models import Level, Role, RoleFamily, RoleLevel
from roles.preview import can_preview, render_role_page
from salaries.structured_data import occupation

from . import chart
from .employer_pay import employer_pay
from .models import EmployerType, Location, home_location
from .pay import COMPARE_SORTS, LevelPay, RolePay, compare_queryset, level_rows, pay_range, provenance, role_pay
from .salary_page import choose

# What a slug may look like (SlugField's alphabet, its longest length). Anything else is refused
# before it reaches the database: "../../x", 10,000 characters or "बेंगलुरु" are a 404, not a lookup.
SLUG = re.compile(r"[-a-zA-Z0-9_]{1,80}")
DEFAULT_LEVEL = "mid"


def slug_param(request: HttpRequest, name: str) -> str:
    """The parameter's value ("" when absent or empty); a malformed value is a 404.

    A repeated parameter (?location=a&location=b) is read the way QueryDict.get reads it: the last one wins.
    """
    value = request.GET.get(name, "")
    if value and not SLUG.fullmatch(value):
        raise Http404(f"Malformed {name}")
    return value


def chart_for(rows: list[LevelPay], title: str) -> chart.Chart | None:
    """The chart of these rows; none when they mix currencies, as one axis cannot show both."""
    currencies = {row.band.currency for row in rows}
    if len(currencies) != 1:
        return None
    figures = [
        chart.Figures(row.level.slug, row.level.name, row.band.low, row.band.median, row.band.high) for row in rows
    ]
    return chart.pay_chart(figures, currencies.pop(), title)


@require_safe
@vary_on_fragment
def role_salary(request: HttpRequest, role: str) -> HttpResponse:
    """One location (?location=<slug>, the country by default) for all employers or for one kind of employer
    (?employer=<slug>); salaries.salary_page decides what is offered, and an unknown, unoffered or malformed
    slug is a 404 (never a quiet fallback to the default). An empty value is the default.
    """
    titles = Prefetch("role_levels", queryset=RoleLevel.objects.select_related("level"))
    preview = can_preview(request)
    try:
        role_obj = (
            Role.objects.visible(preview=preview).select_related("family").prefetch_related(titles).get(slug=role)
        )
    except Role.DoesNotExist:
        raise Http404("No such role") from None
    pay = role_pay(role_obj)
    page = choose(
        role_obj,
        pay,
        employer_pay(role_obj),
        location=slug_param(request, "location"),
        employer=slug_param(request, "employer"),
    )
    location, employer = page.location, page.employer
    rows = level_rows(role_obj, RolePay(page.bands), location.slug) if location else []
    where = f"in {location.name}" if location else ""
    for_whom = f", {employer.name}" if employer else ""
    context = {
        "role": role_obj,
        "page": page,
        "location": location,
        "employer": employer,
        # Where the page says it quotes pay when the role has no figures anywhere yet: the site's home location.
        "home_location": location or Location.objects.home(),
        "rows": rows,
        "range": pay_range(row.band for row in rows),
        "chart": chart_for(rows, f"{role_obj.title} pay by level {where}{for_whom}") if rows else None,
        "provenance": provenance((row.band.source, row.band.as_of) for row in rows),
        "crumbs": [
            ("Roles", reverse("catalog")),
            (role_obj.title, role_obj.get_absolute_url()),
            ("Salary", ""),
        ],
        # For the role's social card (careers/cards), whatever place or employer the page shows.
        "role_pay": pay,
    }
    if rows and location:  # rows come only with a location
        context["structured_data"] = [
            occupation(
                name=role_obj.title,
                description=f"{role_obj.title} pay by level {where}{for_whom}, as shown on this page.",
                bands=[row.band for row in rows],
                url=settings.SITE_URL + page.canonical,
            )
        ]
    template = "salaries/role_salary.html"
    # The partial names the page in a <title> only when it is sent alone (htmx swaps it in), never inside the page:
    # a history restore is an htmx request that gets the whole page (roles.fragments.wants_fragment).
    context["fragment"] = fragment = wants_fragment(request)
    return render_role_page(request, f"{template}#pay" if fragment else template, context, [role_obj])


def choice[T: (Location, Level, RoleFamily, EmployerType)](
    options: list[T], slug: str, default: str, name: str
) -> T | None:
    """The option with this slug; the default when none was asked for; a 404 for an unknown one."""
    wanted = slug or default
    found = next((option for option in options if option.slug == wanted), None)
    if found is None and (slug or default):
        raise Http404(f"No such {name}")
    return found


@require_safe
@vary_on_fragment
def compare(request: HttpRequest) -> HttpResponse:
    """Every published role at one level in one location: median and range, sorted, filtered by family.

    Parameters and what a bad value gets:
    - ``location``: a location slug; default the home location (``salaries.models.home_location``).
      Unknown or malformed -> 404, as on the role's salary page.
    - ``level``: a level slug; default "mid" (else the first level). Unknown or malformed -> 404.
    - ``family``: a family slug; empty = every family. Unknown or malformed -> 404: a filter that
      quietly showed everything would mislead.
    - ``employer``: an employer type's slug; empty = all employers. Unknown or malformed -> 404. A role that
      kind of employer rarely hires says so instead of a figure.
    - ``sort``: "-median" (default), "median" or "title". Anything else -> the default order; the
      page is the same page, only ordered differently, so a 404 would help no one.
    Empty values mean the default. A repeated parameter: the last one wins.
    """
    locations = list(Location.objects.all())
    levels = list(Level.objects.all())
    families = list(RoleFamily.objects.filter(roles__status=Role.Status.PUBLISHED).distinct())
    home = home_location(locations)
    location = choice(locations, slug_param(request, "location"), home.slug if home else "", "location")
    level_slugs = [lv.slug for lv in levels]
    default_level = DEFAULT_LEVEL if DEFAULT_LEVEL in level_slugs else next(iter(level_slugs), "")
    level = choice(levels, slug_param(request, "level"), default_level, "level")
    family = choice(families, slug_param(request, "family"), "", "family")
    employer_types = list(EmployerType.objects.all())
    employer = choice(employer_types, slug_param(request, "employer"), "", "employer type")
    sort = request.GET.get("sort", "")
    sort = sort if sort in COMPARE_SORTS else next(iter(COMPARE_SORTS))
    # One page of the roles (careers.pages.paging), counted in one query with those that have figures.
    rows = compare_queryset(location, level, family, sort, employer) if location and level else Role.objects.none()
    found = rows.aggregate(total=Count("pk"), priced=Count("band_median"))
    canonical = {}
    if location and location != home:
        canonical["location"] = location.slug
    if level and level.slug != default_level:
        canonical["level"] = level.slug
    if employer:
        canonical["employer"] = employer.slug
    # The page's address keeps what was picked; sort and family narrow or reorder, so they stay out of the canonical.
    params = {
        **canonical,
        **({"family": family.slug} if family else {}),
        **({"sort": sort} if sort != "-median" else {}),
    }
    pages = paginate(
        rows, requested_page(request), count=found["total"], path=request.path, params=tuple(params.items())
    )
    roles = list(pages.page.object_list)
    priced = [r for r in roles if r.band_median is not None]
    if pages.page.number > 1:
        canonical["page"] = str(pages.page.number)
    context = {
        "roles": roles,
        "pages": pages,
        "priced_count": found["priced"],
        "location": location,
        "home": home,  # whose salary pages name no place (salary_links)
        "level": level,
        "family": family,
        "employer": employer,
        "sort": sort,
        "locations": locations,
        "levels": levels,
        "families": families,
        "employer_types": employer_types,
        "sorts": COMPARE_SORTS.items(),
        # The canonical URL names the location and level when they are not the defaults, and the kind of employer
        # (whose figures differ); sort and family only reorder or narrow the same figures.
        "canonical_query": urlencode(canonical),
        "provenance": provenance((r.band_source, r.band_as_of) for r in priced),
        "crumbs": [("Salaries", "")],
    }
    template = "salaries/compare.html"
    # As on the salary page: the partial's <title> only when it is sent alone.
    context["fragment"] = fragment = wants_fragment(request)
    return render(request, f"{template}#results" if fragment else template, context)
