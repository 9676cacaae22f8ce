"""A role's pay by kind of employer: for each employer type, its bands by place and level, or "rarely hires".

The read (``employer_pay``) is three queries whatever the number of employer types, places and levels: the
employer types, the role's bands that carry one, and the types that rarely hire it. Everything else works on
those rows in memory. The all-employer figures are ``salaries.pay.role_pay``'s.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from roles.models import Role

from .models import EmployerType, Location, RarelyHiring, SalaryBand


@dataclass(frozen=True)
class EmployerLevelPay:
    """One employer type at one level in one place: its band, or None (it rarely hires the role, or no figures)."""

    employer_type: EmployerType
    band: SalaryBand | None
    rarely_hires: bool


@dataclass
class EmployerPay:
    """A role's bands by employer type, indexed by (employer type, location, level) slugs, and the employer types
    (slugs) that rarely hire the role. ``employer_types`` is every employer type, in order."""

    employer_types: list[EmployerType]
    bands: list[SalaryBand]
    rarely_hired_by: frozenset[str] = frozenset()
    _index: dict[tuple[str, str, str], SalaryBand] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._index = {(_slug(b), b.location.slug, b.level.slug): b for b in self.bands}

    def band(self, employer_type: str, level: str, location: str | None = None) -> SalaryBand | None:
        """The band of this employer type at this level, in ``location`` (the country by default)."""
        where = location or self.home_location_slug
        return self._index.get((employer_type, where, level)) if where else None

    def rarely_hires(self, employer_type: str) -> bool:
        return employer_type in self.rarely_hired_by

    def for_level(self, level: str, location: str | None = None) -> list[EmployerLevelPay]:
        """Every employer type at one level, in the employer types' order: a row of a table by employer type."""
        return [
            EmployerLevelPay(et, self.band(et.slug, level, location), self.rarely_hires(et.slug))
            for et in self.employer_types
        ]

    def in_type(self, employer_type: str, location: str | None = None) -> list[SalaryBand]:
        """One employer type's bands in one place (the country by default), in ladder order."""
        where = location or self.home_location_slug
        return sorted(
            (b for b in self.bands if _slug(b) == employer_type and b.location.slug == where),
            key=lambda b: b.level.order,
        )

    def spread(self, level: str, location: str | None = None) -> tuple[SalaryBand, SalaryBand] | None:
        """The employer types' bands at one level with the lowest and the highest median (None without any)."""
        bands = [row.band for row in self.for_level(level, location) if row.band is not None]
        if not bands:
            return None
        return min(bands, key=lambda b: b.median), max(bands, key=lambda b: b.median)

    @property
    def hiring(self) -> list[EmployerType]:
        """The employer types with figures for the role, in order."""
        banded = {_slug(b) for b in self.bands}
        return [et for et in self.employer_types if et.slug in banded]

    @property
    def locations(self) -> list[Location]:
        seen = {b.location.slug: b.location for b in self.bands}
        return sorted(seen.values(), key=lambda loc: loc.order)

    @cached_property
    def home_location_slug(self) -> str | None:
        """Where figures by employer type are quoted unless a place is named: the country when it has any."""
        locations = self.locations
        countries = [loc for loc in locations if loc.kind == Location.Kind.COUNTRY]
        first = (countries or locations)[:1]
        return first[0].slug if first else None


def _slug(band: SalaryBand) -> str:
    """The band's employer type (every band here has one: ``employer_pay`` reads no other)."""
    return band.employer_type.slug if band.employer_type else ""


def employer_pay(role: Role) -> EmployerPay:
    """The role's pay by employer type in every place it has some, and the employer types that rarely hire it."""
    bands = (
        SalaryBand.objects.filter(role=role, employer_type__isnull=False)
        .select_related("level", "location", "employer_type")
        .order_by("employer_type__order", "location__order", "level__order")
    )
    rarely = RarelyHiring.objects.filter(role=role).values_list("employer_type__slug", flat=True)
    return EmployerPay(
        employer_types=list(EmployerType.objects.all()),
        bands=list(bands),
        rarely_hired_by=frozenset(rarely),
    )
