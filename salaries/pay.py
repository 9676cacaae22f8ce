"""Pay figures derived from bands: the range of a role, a level's band in a place, roles side by side.

The reads (``role_pay``, ``compare_roles``) are one query each; everything else works on rows in memory. These are
the figures for all employers (``compare_roles`` can take one employer type); a role's pay by employer type is
``salaries.employer_pay``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, TypedDict

from django.db.models import Exists, F, FilteredRelation, Max, Min, OrderBy, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Lower

from roles.models import Level, Role, RoleFamily

from . import money
from .models import EmployerType, Location, RarelyHiring, SalaryBand, home_location

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations


class BandFigures(TypedDict):
    """The figures ``compare_roles`` puts on each role: its band at one level and location, or all None."""

    band_low: int | None
    band_median: int | None
    band_high: int | None
    band_currency: str | None
    band_source: str | None
    band_as_of: date | None


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
    def home_location(self) -> Location | None:
        """Where the role's headline figures are quoted: the home location among the places it has figures for."""
        return home_location(self.locations)


def role_pay(role) -> RolePay:
    """The role's figures for all employers (pay by employer type is ``employer_pay``)."""
    return RolePay(list(SalaryBand.objects.all_employers().filter(role=role).select_related("level", "location")))


def with_pay_range(roles):
    """Annotate a Role queryset with pay_low / pay_high (and currency) in the home location, and pay_location (that
    location's name, for saying where the range is quoted), in the same query."""
    home = Location.objects.home_first()
    at_home = Q(salary_bands__location=Subquery(home.values("pk")[:1]), salary_bands__employer_type__isnull=True)
    return roles.annotate(
        pay_low=Min("salary_bands__low", filter=at_home),
        pay_high=Max("salary_bands__high", filter=at_home),
        pay_currency=Max("salary_bands__currency", filter=at_home),
        pay_location=Subquery(home.values("name")[:1]),
    )


# The salary pages: one role's levels in one place, and every role side by side.


@dataclass(frozen=True)
class LevelPay:
    """One row of a role's pay table in one place: the level, what the role is called there, its band."""

    level: Level
    title: str
    band: SalaryBand


def level_rows(role: Role, pay: RolePay, location: str) -> list[LevelPay]:
    """The role's bands in one location, in ladder order; reads ``role.role_levels`` (prefetch it)."""
    titles = {rl.level_id: rl.title for rl in role.role_levels.all()}
    return [LevelPay(b.level, titles.get(b.level_id, b.level.name), b) for b in pay.in_location(location)]


@dataclass(frozen=True)
class Provenance:
    """Where some figures come from and when they were set: stated next to every table of pay."""

    sources: list[str]
    oldest: date | None
    newest: date | None

    @property
    def one_date(self) -> bool:
        return self.oldest == self.newest


def provenance(pairs: Iterable[tuple[str | None, date | None]]) -> Provenance:
    """From (source, as_of) pairs, one per band shown; a missing source or date is left out."""
    pairs = list(pairs)
    sources = sorted({source for source, _ in pairs if source})
    dates = sorted({as_of for _, as_of in pairs if as_of})
    return Provenance(sources, dates[0] if dates else None, dates[-1] if dates else None)


# The orders the comparison offers; the first is the default.
COMPARE_SORTS: dict[str, str] = {
    "-median": "Highest median first",
    "median": "Lowest median first",
    "title": "Role name (A–Z)",
}


def compare_roles(*args, **kwargs) -> list[WithAnnotations[Role, BandFigures]]:
    """``compare_queryset`` read in full (tests, small catalogs); the page reads one page of it."""
    return list(compare_queryset(*args, **kwargs))


def compare_queryset(
    location: Location,
    level: Level,
    family: RoleFamily | None = None,
    sort: str = "-median",
    employer_type: EmployerType | None = None,
) -> QuerySet:
    """Every published role with its band at this level and location, for all employers or for one employer type,
    in one query.

    Each role carries band_low, band_median, band_high, band_currency, band_source and band_as_of,
    all None when it has no band there (a role has at most one such band per level and location); with an
    employer type, ``rarely_hired`` too: whether that employer type rarely hires the role.
    """
    if employer_type is not None:
        for_whom = Q(salary_bands__employer_type=employer_type)
    else:
        for_whom = Q(salary_bands__employer_type__isnull=True)
    here = FilteredRelation(
        "salary_bands", condition=Q(salary_bands__location=location, salary_bands__level=level) & for_whom
    )
    roles = Role.objects.published().select_related("family").annotate(band=here)
    if family is not None:
        roles = roles.filter(family=family)
    if employer_type is not None:
        rarely = RarelyHiring.objects.filter(role=OuterRef("pk"), employer_type=employer_type)
        roles = roles.annotate(rarely_hired=Exists(rarely))
    roles = roles.annotate(
        band_low=F("band__low"),
        band_median=F("band__median"),
        band_high=F("band__high"),
        band_currency=F("band__currency"),
        band_source=F("band__source"),
        band_as_of=F("band__as_of"),
    )
    # Roles without figures go last whatever the order, so the comparison starts with what it can compare.
    orders: dict[str, list[OrderBy | Lower]] = {
        "-median": [F("band_median").desc(nulls_last=True), Lower("title")],
        "median": [F("band_median").asc(nulls_last=True), Lower("title")],
        "title": [Lower("title")],
    }
    return roles.order_by(*orders.get(sort, orders["-median"]))
