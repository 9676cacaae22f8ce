"""What the methodology and downloads pages state, read in a fixed number of queries whatever the catalog's size."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Max, Min, Q

from roles.models import Level, Role
from salaries.models import EmployerType, Location, SalaryBand


@dataclass(frozen=True)
class Methodology:
    """The figures behind the methodology page: what is published and how old its pay figures are."""

    roles: int
    families: int
    levels: int
    bands: int
    locations: int
    cities: int
    employer_types: int
    oldest: dt.date | None
    newest: dt.date | None


def read_methodology() -> Methodology:
    """Five queries: published roles, their bands, locations, employer types, levels."""
    roles = Role.objects.published().aggregate(roles=Count("pk"), families=Count("family", distinct=True))
    bands = SalaryBand.objects.published().aggregate(bands=Count("pk"), oldest=Min("as_of"), newest=Max("as_of"))
    places = Location.objects.aggregate(locations=Count("pk"), cities=Count("pk", filter=Q(kind="city")))
    return Methodology(
        roles=roles["roles"],
        families=roles["families"],
        levels=Level.objects.count(),
        bands=bands["bands"],
        locations=places["locations"],
        cities=places["cities"],
        employer_types=EmployerType.objects.count(),
        oldest=bands["oldest"],
        newest=bands["newest"],
    )


def first_role() -> str | None:
    """The first published role's slug (by slug), to show a role's download by example."""
    return Role.objects.published().order_by("slug").values_list("slug", flat=True).first()
