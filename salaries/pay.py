"""Pay figures derived from bands: the range of a role, a level's band in a place. No queries here."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Max, Min, Q

from . import money
from .models import SalaryBand


@dataclass(frozen=True)
class PayRange:
    """From the lowest low to the highest high of some bands, in one currency."""

    low: int
    high: int
    currency: str = "INR"

    def __str__(self) -> str:
        return money.format_range(self.low, self.high, self.currency)

    @property
    def low_text(self) -> str:
        return money.format_short(self.low, self.currency)

    @property
    def high_text(self) -> str:
        return money.format_short(self.high, self.currency)


def pay_range(bands: Iterable[SalaryBand]) -> PayRange | None:
    bands = list(bands)
    if not bands:
        return None
    return PayRange(min(b.low for b in bands), max(b.high for b in bands), bands[0].currency)


@dataclass
class RolePay:
    """All the bands of one role, indexed by location and level slug."""

    bands: list[SalaryBand]

    def __post_init__(self) -> None:
        self._index = {(b.location.slug, b.level.slug): b for b in self.bands}

    def band(self, location: str, level: str) -> SalaryBand | None:
        return self._index.get((location, level))

    def in_location(self, location: str) -> list[SalaryBand]:
        return sorted((b for b in self.bands if b.location.slug == location), key=lambda b: b.level.order)

    def for_level(self, level: str) -> list[SalaryBand]:
        return sorted((b for b in self.bands if b.level.slug == level), key=lambda b: b.location.order)

    def range_in(self, location: str) -> PayRange | None:
        return pay_range(self.in_location(location))

    @property
    def locations(self) -> list:
        seen = {b.location.slug: b.location for b in self.bands}
        return sorted(seen.values(), key=lambda loc: loc.order)

    @property
    def home_location(self):
        """Where headline figures are quoted: the country when there is one, else the first location."""
        locations = self.locations
        countries = [loc for loc in locations if loc.kind == "country"]
        return (countries or locations or [None])[0]


def role_pay(role) -> RolePay:
    return RolePay(list(SalaryBand.objects.filter(role=role).select_related("level", "location")))


def with_pay_range(roles, location_slug: str = "india"):
    """Annotate a Role queryset with pay_low / pay_high (and currency) in one location, in the same query."""
    in_location = Q(salary_bands__location__slug=location_slug)
    return roles.annotate(
        pay_low=Min("salary_bands__low", filter=in_location),
        pay_high=Max("salary_bands__high", filter=in_location),
        pay_currency=Max("salary_bands__currency", filter=in_location),
    )
