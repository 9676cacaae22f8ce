"""The pages that put the catalog and pay together: home, catalog, a role's hub and its career path."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from roles.models import Role, RoleFamily
from salaries.pay import with_pay_range

from .career_path import career_path


def _families_with_roles(roles) -> list[tuple[RoleFamily, list[Role]]]:
    grouped: dict[int, tuple[RoleFamily, list[Role]]] = {}
    for role in roles:
        grouped.setdefault(role.family_id, (role.family, []))[1].append(role)
    return sorted(grouped.values(), key=lambda pair: (pair[0].order, pair[0].name))


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    roles = list(with_pay_range(Role.objects.published().select_related("family")).order_by("title"))
    return render(
        request,
        "careers/home.html",
        {"families": _families_with_roles(roles), "featured": [r for r in roles if r.featured][:6], "role_count": len(roles)},
    )


@require_GET
def catalog(request: HttpRequest) -> HttpResponse:
    roles = list(with_pay_range(Role.objects.published().select_related("family")).order_by("title"))
    return render(
        request,
        "careers/catalog.html",
        {"families": _families_with_roles(roles), "roles": roles, "crumbs": [("Roles", "")]},
    )


@require_GET
def role_detail(request: HttpRequest, role: str) -> HttpResponse:
    path = career_path(role)
    crumbs = [("Roles", reverse("catalog")), (path.role.title, "")]
    return render(request, "careers/role_detail.html", {"path": path, "role": path.role, "crumbs": crumbs})


@require_GET
def career_path_page(request: HttpRequest, role: str) -> HttpResponse:
    path = career_path(role)
    crumbs = [
        ("Roles", reverse("catalog")),
        (path.role.title, path.role.get_absolute_url()),
        ("Career path", ""),
    ]
    return render(request, "careers/career_path.html", {"path": path, "role": path.role, "crumbs": crumbs})


@require_GET
def career_level(request: HttpRequest, role: str, level: str) -> HttpResponse:
    path = career_path(role)
    step = next((s for s in path.steps if s["role_level"].level.slug == level), None)
    if step is None:
        raise Http404("No such level")
    crumbs = [
        ("Roles", reverse("catalog")),
        (path.role.title, path.role.get_absolute_url()),
        ("Career path", reverse("career_path", args=[path.role.slug])),
        (step["role_level"].level.name, ""),
    ]
    return render(
        request,
        "careers/career_level.html",
        {"path": path, "role": path.role, "step": step, "role_level": step["role_level"], "crumbs": crumbs},
    )


@require_GET
def role_move(request: HttpRequest, role: str, other: str) -> HttpResponse:
    if role == other:
        raise Http404("A move needs two different roles")
    source, target = career_path(role), career_path(other)
    crumbs = [
        ("Roles", reverse("catalog")),
        (source.role.title, source.role.get_absolute_url()),
        (f"To {target.role.title}", ""),
    ]
    return render(request, "careers/role_move.html", {"source": source, "target": target, "crumbs": crumbs})
