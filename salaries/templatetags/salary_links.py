"""{% salary_url role.slug location_slug employer_slug %}: a salary page's address, its query string written by
salaries.salary_page.salary_query (the one place that writes it)."""

from django import template
from django.urls import reverse

from salaries.salary_page import salary_query

register = template.Library()


@register.simple_tag
def salary_url(role: str, location: str = "", employer: str = "") -> str:
    return reverse("role_salary", args=[role]) + salary_query(location or "", employer or "")
