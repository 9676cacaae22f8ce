"""Pay: where (locations), for whom (employer types) and how much (salary bands for a role at a level in a location,
for all employers or for one kind of employer)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q

from roles.models import Level, Role

from .money import format_full


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

    class Meta:
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class EmployerType(models.Model):
    """A kind of employer: IT services and consulting, product company, global capability centre, funded startup.

    In India the kind of employer moves pay more than the city does, so a band may be quoted for one kind; a band
    without one is the figure for all employers.
    """

    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=100)
    description = models.CharField(max_length=300, help_text="One line: what counts as one.")
    level_naming = models.CharField(max_length=300, help_text="One line: how its levels are usually named.")
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


# Today's wording of the site's pages, for a role's pay when no band of it says otherwise.
FALLBACK_SOURCE = "Editorial estimate from publicly reported pay"


class SalaryBandQuerySet(models.QuerySet):
    def for_roles(self, roles) -> SalaryBandQuerySet:
        return self.filter(role__in=roles).select_related("level", "location")

    def all_employers(self) -> SalaryBandQuerySet:
        """The figures for all employers (today's figures), not those of one kind of employer."""
        return self.filter(employer_type__isnull=True)

    def published(self) -> SalaryBandQuerySet:
        return self.filter(role__status=Role.Status.PUBLISHED)


class SalaryBand(models.Model):
    """What a role pays at one level in one location: low, median and high, a year, whole units."""

    class Period(models.TextChoices):
        YEAR = "year", "a year"

    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="salary_bands")
    level = models.ForeignKey(Level, on_delete=models.PROTECT, related_name="salary_bands")
    location = models.ForeignKey(Location, on_delete=models.PROTECT, related_name="salary_bands")
    employer_type = models.ForeignKey(
        EmployerType,
        on_delete=models.PROTECT,
        related_name="salary_bands",
        null=True,
        blank=True,
        help_text="Empty: the figure for all employers.",
    )
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
            # One all-employer band and one band per employer type for each role, level and place. Two conditional
            # constraints, since NULLs never clash in a unique index (PostgreSQL and SQLite alike).
            models.UniqueConstraint(
                fields=["role", "level", "location"],
                condition=Q(employer_type__isnull=True),
                name="unique_band_all_employers",
            ),
            models.UniqueConstraint(
                fields=["role", "level", "location", "employer_type"],
                condition=Q(employer_type__isnull=False),
                name="unique_band_by_employer_type",
            ),
            models.CheckConstraint(
                condition=Q(low__lte=F("median")) & Q(median__lte=F("high")),
                name="band_low_median_high_in_order",
                violation_error_message="Pay must satisfy low ≤ median ≤ high.",
            ),
        ]

    def __str__(self) -> str:
        where = f"{self.role} · {self.level} · {self.location}"
        return f"{where} · {self.employer_type}" if self.employer_type_id else where

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


class RarelyHiring(models.Model):
    """An employer type that rarely hires a role (a research scientist at an IT-services firm, say).

    The role's pay is then shown for that kind of employer as "rarely hires", not as a gap, and the content check
    asks no bands of it (salaries.rules); it is part of the role's pay, kept and restored with it.
    """

    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="rarely_hired_by")
    employer_type = models.ForeignKey(EmployerType, on_delete=models.PROTECT, related_name="rarely_hired_roles")

    class Meta:
        verbose_name = "employer type that rarely hires the role"
        verbose_name_plural = "employer types that rarely hire the role"
        ordering = ["role", "employer_type__order"]
        constraints = [models.UniqueConstraint(fields=["role", "employer_type"], name="unique_rarely_hiring")]

    def __str__(self) -> str:
        return f"{self.role} · rarely hired by {self.employer_type}"
