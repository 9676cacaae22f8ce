"""Pay: where (locations) and how much (salary bands for a role at a level in a location)."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, F, Q, When

from roles.models import Level, Role

from .money import format_full


class LocationQuerySet(models.QuerySet["Location"]):
    def home(self) -> Location | None:
        """The site's home location (India): see ``home_location``. One query over the locations, a handful of rows."""
        return home_location(self)

    def home_first(self) -> LocationQuerySet:
        """These locations in the order ``home_location`` picks by, for a read that must stay one query (a subquery
        whose first row is the home location)."""
        return self.order_by(Case(When(kind=Location.Kind.COUNTRY, then=0), default=1), "order", "name")


class Location(models.Model):
    """A city, or a whole country, that pay is quoted for."""

    class Kind(models.TextChoices):
        COUNTRY = "country", "Country"
        CITY = "city", "City"

    name = models.CharField(max_length=100)
    slug = models.SlugField(max_length=80, unique=True)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    country_code = models.CharField(max_length=2, help_text="ISO 3166-1 alpha-2, e.g. IN.")
    order = models.PositiveSmallIntegerField(default=0)

    objects = LocationQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


def home_location(locations: Iterable[Location]) -> Location | None:
    """The home location among these: the first country in the editors' order, else the first location.

    National figures are quoted there: a role's headline range and the catalog's ranges, the place a salary page
    opens on (its URL names no place), the comparison's default. ``LocationQuerySet.home_first`` is this order in SQL.
    """
    return min(locations, key=lambda loc: (loc.kind != Location.Kind.COUNTRY, loc.order, loc.name), default=None)


class SalaryBandQuerySet(models.QuerySet):
    def for_roles(self, roles) -> SalaryBandQuerySet:
        return self.filter(role__in=roles).select_related("level", "location")

    def published(self) -> SalaryBandQuerySet:
        return self.filter(role__status=Role.Status.PUBLISHED)


class SalaryBand(models.Model):
    """What a role pays at one level in one location: low, median and high, a year, whole units."""

    class Period(models.TextChoices):
        YEAR = "year", "a year"

    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="salary_bands")
    level = models.ForeignKey(Level, on_delete=models.PROTECT, related_name="salary_bands")
    location = models.ForeignKey(Location, on_delete=models.PROTECT, related_name="salary_bands")
    currency = models.CharField(max_length=3, default="INR", help_text="ISO 4217 code.")
    period = models.CharField(max_length=10, choices=Period.choices, default=Period.YEAR)
    low = models.PositiveBigIntegerField()
    median = models.PositiveBigIntegerField()
    high = models.PositiveBigIntegerField()
    source = models.CharField(max_length=200)
    as_of = models.DateField()

    objects = SalaryBandQuerySet.as_manager()

    class Meta:
        ordering = ["role", "location__order", "level__order"]
        constraints = [
            models.UniqueConstraint(fields=["role", "level", "location"], name="unique_band"),
            models.CheckConstraint(
                condition=Q(low__lte=F("median")) & Q(median__lte=F("high")),
                name="band_low_median_high_in_order",
                violation_error_message="Pay must satisfy low ≤ median ≤ high.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.role} · {self.level} · {self.location}"

    def clean(self) -> None:
        """Say which figure is out of order, in the editor's terms, before the database refuses it."""
        if None in (self.low, self.median, self.high):
            return
        errors = {}
        if self.low > self.median:
            errors["low"] = (
                f"The low figure ({format_full(self.low, self.currency)}) is above the median "
                f"({format_full(self.median, self.currency)}); low must not exceed median."
            )
        if self.median > self.high:
            errors["high"] = (
                f"The high figure ({format_full(self.high, self.currency)}) is below the median "
                f"({format_full(self.median, self.currency)}); high must be at least the median."
            )
        if errors:
            raise ValidationError(errors)
