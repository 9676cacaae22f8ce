"""Links to salary pages from templates, written by salaries.salary_page.salary_url (the one function that writes a
salary page's URL: the home location's page names no place)."""

from django import template

from salaries.models import Location
from salaries.salary_page import salary_url as _salary_url

register = template.Library()


@register.simple_tag
def salary_url(role, place: Location | None, employer, home: Location | None) -> str:
    """{% salary_url role place employer home %}: a role's salary page in a place (None: its default) for a kind of
    employer (None: all employers), with the home location the view read."""
    return _salary_url(
        role.slug,
        place.slug if place else "",
        employer.slug if employer else "",
        home=home.slug if home else "",
    )


@register.simple_tag
def compared_role_url(role, location, employer, home: Location | None) -> str:
    """A compared role's salary page, in this place for this kind of employer (all employers: None). A role without
    figures here from that kind of employer leads to its page for that kind, which has its figures elsewhere or says
    that it rarely hires the role."""
    place = location if employer is None or role.band_median is not None else None
    return salary_url(role, place, employer, home)
