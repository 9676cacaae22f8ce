"""Pay pages: a role's pay by level and city, and every role compared."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from roles.models import Role

from .pay import role_pay, with_pay_range


@require_GET
def role_salary(request: HttpRequest, role: str) -> HttpResponse:
    try:
        role_obj = Role.objects.published().select_related("family").get(slug=role)
    except Role.DoesNotExist:
        raise Http404("No such role") from None
    pay = role_pay(role_obj)
    crumbs = [("Roles", reverse("catalog")), (role_obj.title, role_obj.get_absolute_url()), ("Salary", "")]
    return render(request, "salaries/role_salary.html", {"role": role_obj, "pay": pay, "crumbs": crumbs})


@require_GET
def compare(request: HttpRequest) -> HttpResponse:
    roles = with_pay_range(Role.objects.published().select_related("family")).order_by("title")
    return render(request, "salaries/compare.html", {"roles": roles, "crumbs": [("Salaries", "")]})
