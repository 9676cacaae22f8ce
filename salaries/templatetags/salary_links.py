"""Links to salary pages from the comparison of every role ({% compared_role_url role location employer %}), their
query strings written by salaries.salary_page.salary_query (the one place that writes them)."""

from django import template
from django.urls import reverse

from salaries.salary_page import salary_query

register = template.Library()


def salary_url(role: str, location: str = "", employer: str = "") -> str:
    return reverse("role_salary", args=[role]) + salary_query(location or "", employer or "")


@register.simple_tag
def compared_role_url(role, location, employer) -> str:
    """A compared role's salary page, in this place for this kind of employer (all employers: None). A role without
    figures here from that kind of employer leads to its page for that kind, which has its figures elsewhere or says
    that it rarely hires the role."""
    place = location.slug if employer is None or role.band_median is not None else ""
    return salary_url(role.slug, place, employer.slug if employer else "")
