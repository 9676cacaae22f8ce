"""The home location (salaries.models.home_location): the one place that says where national figures are quoted."""

from __future__ import annotations

import pytest
from django.urls import reverse

from roles.models import Role
from salaries.models import Location, SalaryBand, home_location
from salaries.pay import role_pay, with_pay_range
from tests.factories import load_us_role

from .helpers import html

# name -> (locations as (slug, kind, order), the home location's slug)
PLACES = {
    "the country, first in order": ([("india", "country", 0), ("bengaluru", "city", 1)], "india"),
    "the country, though a city is ordered before it": ([("bengaluru", "city", 0), ("india", "country", 1)], "india"),
    "of two countries, the first in order": (
        [("pune", "city", 0), ("united-states", "country", 2), ("india", "country", 1)],
        "india",
    ),
    "no country: the first location": ([("pune", "city", 2), ("bengaluru", "city", 1)], "bengaluru"),
    "no location at all": ([], None),
}


def places(rows: list[tuple[str, str, int]]) -> list[Location]:
    return Location.objects.bulk_create(
        Location(slug=slug, name=slug.title(), kind=kind, country_code="IN", order=order) for slug, kind, order in rows
    )


def slug(location: Location | None) -> str | None:
    return location.slug if location else None


@pytest.mark.parametrize("case", list(PLACES))
def test_the_home_location_is_the_first_country_else_the_first_location(db, case):
    rows, expected = PLACES[case]
    created = places(rows)
    assert slug(home_location(created)) == expected
    assert slug(Location.objects.home()) == expected


@pytest.mark.parametrize("case", list(PLACES))
def test_the_sql_order_puts_the_same_location_first(db, case):
    """The catalog reads its ranges in one query, so it picks the home location in SQL: the same one."""
    rows, expected = PLACES[case]
    places(rows)
    assert slug(Location.objects.home_first().first()) == expected


def test_a_role_is_quoted_in_the_home_location_among_its_own_places(two_roles):
    # No figures in the country (India) any more: the role's headline place is the first city it has figures for.
    SalaryBand.objects.filter(role__slug="data-scientist", location__slug="india").delete()
    pay = role_pay(Role.objects.get(slug="data-scientist"))
    assert slug(pay.home_location) == "bengaluru"
    assert slug(role_pay(Role.objects.get(slug="data-engineer")).home_location) == "india"


def test_the_catalog_range_is_quoted_in_the_home_location_and_names_it(db, tmp_path):
    load_us_role(tmp_path)
    role = with_pay_range(Role.objects.all()).get(slug="data-scientist")
    assert (role.pay_low, role.pay_high, role.pay_currency) == (700_000, 3_500_000, "USD")
    assert role.pay_location == "United States"


def test_a_salary_page_without_figures_names_the_home_location(client, db, tmp_path):
    load_us_role(tmp_path)
    # The loader insists on pay for a published role; an editor can still delete it in the admin.
    SalaryBand.objects.all().delete()
    text = html(client.get(reverse("role_salary", args=["data-scientist"])))
    assert "<title>Data Scientist salary in United States by level" in text
    assert "Data Scientist pay by level and city in United States." in text
