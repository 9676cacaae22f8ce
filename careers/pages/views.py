"""The pages that put the catalog and pay together: home, catalog and search, a role's hub, its career
path, one level in depth, a move from one role to another, and the role's skills check.

Views stay thin: the reads live beside them in this package (catalog, career_path, levels, moves, skills_check) and in
careers.search, each in a fixed number of queries.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import slug_re
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from careers.cards.cards import role_card_context, site_card
from careers.changes.read import read_role_changes
from careers.pages.career_path import read_career_path
from careers.pages.catalog import (
    VIEWS,
    a_to_z,
    catalog_cards,
    catalog_order,
    catalog_roles,
    families_with_roles,
    family_counts,
    family_samples,
    letter_pages,
)
from careers.pages.compare import matching_roles, neighbours
from careers.pages.levels import read_level
from careers.pages.moves import read_move
from careers.pages.paging import PAGE_SIZE, paginate, requested_page
from careers.pages.skills import read_skill
from careers.pages.skills_check import read_check
from careers.search import clean_query, search
from careers.web.structured_data import faq_page, item_list, website
from roles.fragments import vary_on_fragment, wants_fragment
from roles.models import Role
from roles.page_tags import ROLES, depends_on
from roles.page_tags import skill as skill_tag
from roles.preview import can_preview, render_role_page
from salaries.structured_data import occupation

# Roles named under each field on the home page (every role of the content today); the rest are a click away.
HOME_ROLES_PER_FAMILY = 8


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    # A few roles of each field and the way to the rest: the page weighs the same with 40 roles or 10,000.
    families = family_counts()
    samples = family_samples(HOME_ROLES_PER_FAMILY)
    role_count = sum(f.count for f in families)
    context = {
        "families": [(f, samples.get(f.family.pk, []), f.page(PAGE_SIZE)) for f in families],
        "featured": catalog_roles(featured_only=True)[:6],
        "role_count": role_count,
        # The counts the page read already: the site's card costs no query here.
        "social_card": site_card(role_count=role_count, family_count=len(families)),
        "structured_data": [website(settings.SITE_NAME, settings.SITE_ALTERNATE_NAME, settings.SITE_URL)],
    }
    return render(request, "careers/home.html", context)


@require_safe
@vary_on_fragment
def catalog(request: HttpRequest) -> HttpResponse:
    """The catalog by family or A–Z; with ?q= the same page ranks roles against the query."""
    query = clean_query(request.GET.get("q", ""))
    view = request.GET.get("view", "")
    view = view if view in VIEWS else VIEWS[0]
    context: dict = {"query": query, "view": view}
    if query:
        # A search reads only the roles it shows, never the whole catalog.
        # The editors' picks are read only when nothing matched; the counts come with the search index.
        result = context["result"] = search(query)
        context["crumbs"] = [("Roles", reverse("catalog")), ("Search", "")]
        context.update(role_count=result.role_count, family_count=result.family_count)
    else:
        # One page of the catalog at a time (careers.pages.paging): the counts say how many pages there are.
        families = family_counts()
        role_count = sum(f.count for f in families)
        params = (("view", "az"),) if view == "az" else ()
        pages = paginate(
            catalog_order(view), requested_page(request), count=role_count, path=request.path, params=params
        )
        roles = catalog_cards(view, pages.page.object_list)
        context.update(roles=roles, role_count=role_count, family_count=len(families), pages=pages)
        context["family_pages"] = [(f.family, f.page(PAGE_SIZE)) for f in families]
        context["families"] = families_with_roles(roles)
        name = "Career paths on " + settings.SITE_NAME
        context["structured_data"] = [item_list(roles, settings.SITE_URL, name=name)]
        # The A–Z index links the letters of other pages to the page where they start (one query).
        context["letters"] = a_to_z(roles, letter_pages(PAGE_SIZE)) if view == "az" else []
        context["crumbs"] = [("Roles", "")]
    context["social_card"] = site_card(role_count=context["role_count"], family_count=context["family_count"])
    template = "careers/catalog.html#results" if wants_fragment(request) else "careers/catalog.html"
    return render(request, template, context)


@require_safe
def role_detail(request: HttpRequest, role: str) -> HttpResponse:
    """The role's hub; ?to=<slug> (the "compare with" form, no JavaScript needed) redirects to that move."""
    other = request.GET.get("to", "").strip()
    if other:
        # A value that is no slug ("a\x00b", which PostgreSQL refuses outright) is no role: 404 before any query.
        known = Role.objects.published().filter(slug__in=[role, other]) if slug_re.match(other) else Role.objects.none()
        slugs = set(known.values_list("slug", flat=True))
        if role == other or slugs != {role, other}:
            raise Http404("No such role to compare with")
        return redirect("role_move", role=role, other=other)
    path = read_career_path(role, preview=can_preview(request))
    crumbs = [("Roles", reverse("catalog")), (path.role.title, "")]
    # A few roles of the same field and a text field (careers.pages.compare), never every role.
    context = {"path": path, "role": path.role, "others": neighbours(path.role), "crumbs": crumbs}
    # The "compare with" picker names other roles of the field.
    depends_on(request, ROLES)
    context.update(role_card_context(path.role, path.pay))
    return render_role_page(request, "careers/role_detail.html", context, [path.role])


@require_safe
@vary_on_fragment
def role_compare(request: HttpRequest, role: str) -> HttpResponse:
    """The "compare with" picker's answer: roles whose titles match ?q=, each linking to the move; one exact match
    goes straight to it. Without ?q=, the form and the roles of the same field."""
    query = clean_query(request.GET.get("q", ""))
    # A draft's hub shows the picker to staff (a preview), so its compare page does too; to anyone else a draft is 404.
    candidates = Role.objects.all() if can_preview(request) else Role.objects.published()
    subject = candidates.select_related("family").filter(slug=role).first()
    if subject is None:
        raise Http404("No such role")
    matches = matching_roles(subject, query)
    # It names other roles (the matches, the field's): any role's save or publishing may change it.
    depends_on(request, ROLES)
    if wants_fragment(request):
        # As the visitor types: the matches alone, the exact one among them (a redirect would swap the move's whole
        # page into the list).
        context = {"role": subject, "query": query, "matches": matches}
        return render_role_page(request, "careers/includes/compare_matches.html", context, [subject])
    if matches.exact is not None:
        return redirect("role_move", role=subject.slug, other=matches.exact.slug)
    crumbs = [("Roles", reverse("catalog")), (subject.title, subject.get_absolute_url()), ("Compare", "")]
    context = {
        "role": subject,
        "query": query,
        "matches": matches,
        "others": neighbours(subject),
        "crumbs": crumbs,
    }
    return render_role_page(request, "careers/role_compare.html", context, [subject])


@require_safe
def career_path(request: HttpRequest, role: str) -> HttpResponse:
    path = read_career_path(role, preview=can_preview(request), by_employer=True)
    crumbs = [
        ("Roles", reverse("catalog")),
        (path.role.title, path.role.get_absolute_url()),
        ("Career path", ""),
    ]
    shown_bands = [step["band"] for step in path.steps if step["band"]]
    structured = [
        occupation(
            name=path.role.title,
            description=path.role.summary,
            bands=shown_bands,
            url=settings.SITE_URL + request.path,
            skills=[row.skill.name for row in path.skill_rows],
        ),
        faq_page(path.questions),
    ]
    context = {
        "path": path,
        "role": path.role,
        "crumbs": crumbs,
        "structured_data": structured,
        "changes": read_role_changes(path.role),
    }
    context.update(role_card_context(path.role, path.pay))
    return render_role_page(request, "careers/career_path.html", context, [path.role])


@require_safe
def career_level(request: HttpRequest, role: str, level: str) -> HttpResponse:
    page = read_level(role, level, preview=can_preview(request))
    crumbs = [
        ("Roles", reverse("catalog")),
        (page.role.title, page.role.get_absolute_url()),
        ("Career path", reverse("career_path", args=[page.role.slug])),
        (page.role_level.level.name, ""),
    ]
    structured = [
        occupation(
            name=page.role_level.title,
            description=page.role_level.what_you_do,
            bands=page.bands,
            url=settings.SITE_URL + request.path,
            skills=[skill.name for skill in page.role_level.skills],
        )
    ]
    context = {
        "page": page,
        "role": page.role,
        "role_level": page.role_level,
        "crumbs": crumbs,
        "structured_data": structured,
        **role_card_context(page.role, page.pay),
    }
    return render_role_page(request, "careers/career_level.html", context, [page.role])


@require_safe
def role_move(request: HttpRequest, role: str, other: str) -> HttpResponse:
    move = read_move(role, other, preview=can_preview(request))
    crumbs = [
        ("Roles", reverse("catalog")),
        (move.source.title, move.source.get_absolute_url()),
        (f"To {move.target.title}", ""),
    ]
    # The move is about its source role: the page shares that role's card.
    context = {"move": move, "crumbs": crumbs, **role_card_context(move.source, move.source_pay)}
    return render_role_page(request, "careers/role_move.html", context, [move.source, move.target])


@require_safe
@vary_on_fragment
def role_check(request: HttpRequest, role: str) -> HttpResponse:
    """The skills check: a GET form whose answer is computed from the address alone (careers/pages/check.py)."""
    # Read from the raw query string, never request.GET: a crafted address with thousands of fields still gets
    # a page (the check reads the first few hundred) instead of Django's refusal.
    check = read_check(role, request.META.get("QUERY_STRING", ""), preview=can_preview(request))
    crumbs = [("Roles", reverse("catalog")), (check.role.title, check.role.get_absolute_url()), ("Skills check", "")]
    fragment = wants_fragment(request)
    template = "careers/role_check.html#answer" if fragment else "careers/role_check.html"
    context = {"check": check, "role": check.role, "crumbs": crumbs, "fragment": fragment}
    context.update(role_card_context(check.role, check.pay))
    return render_role_page(request, template, context, [check.role])


@require_safe
def skill_detail(request: HttpRequest, skill: str) -> HttpResponse:
    """A skill: who asks for it and from which level, what those levels pay, what comes with it; the roles asking
    a page at a time (``?page=2``, careers.pages.paging)."""
    page = read_skill(skill, requested_page(request), path=request.path)
    context = {
        "page": page,
        "pages": page.pages,
        "skill": page.skill,
        "roles": page.roles,
        "related": page.related,
        "crumbs": [("Skills", reverse("skill_list")), (page.skill.name, "")],
    }
    # The roles that ask for it (their levels and pay, and the skills asked alongside, which only those roles decide).
    depends_on(request, skill_tag(page.skill.pk))
    return render(request, "careers/skill_detail.html", context)
