"""The pay grid on the role screen: every employer type × place × level of a role's pay as one table of low /
median / high, and which employer types rarely hire the role.

The grid's axes are data (``AXES``): the last axis gives the rows of a group (the levels), the others give the
groups (all employers or one employer type, in each place). The forms (salaries.pay_forms), the template, the
input names and ``set_role_bands`` follow the axes. Pay by employer type in a city is optional: those groups are
folded away until one has figures. A published role's pay must be complete by the rules of salaries.rules, the
ones the content check applies.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.db import models

from roles.models import Level, Role
from roles.rules import missing_level_names

from .editing import FIGURES, band_key, set_rarely_hiring, set_role_bands
from .models import EmployerType, Location, SalaryBand
from .pay_forms import PayCellForm, PaySourceForm, RarelyHiringForm, pay_defaults
from .pay_versions import version_rows
from .rules import Band, banded_yet_rarely_hiring, employer_pay_gaps


@dataclass(frozen=True)
class Axis:
    """One dimension of the grid, named by the SalaryBand foreign key it fills.

    ``optional``: the key may be empty, and the empty value comes first (for an employer type, the figure for
    all employers); an empty value adds nothing to a cell's label and reads "all" in its inputs' names.
    """

    field: str
    model: type[models.Model]
    optional: bool = False

    def values(self) -> list:
        rows = list(self.model._default_manager.order_by(*(self.model._meta.ordering or ())))
        return [None, *rows] if self.optional else rows


AXES: tuple[Axis, ...] = (
    Axis("employer_type", EmployerType, optional=True),
    Axis("location", Location),
    Axis("level", Level),
)
AXIS_FIELDS = tuple(axis.field for axis in AXES)
LEVEL_AXIS = AXIS_FIELDS.index("level")
LOCATION_AXIS = AXIS_FIELDS.index("location")
EMPLOYER_AXIS = AXIS_FIELDS.index("employer_type")


@dataclass(frozen=True)
class Cell:
    """One place in the grid: a value on every axis, in the order of ``AXES``."""

    values: tuple

    @property
    def key(self) -> tuple[int | None, ...]:
        return tuple(v.pk if v is not None else None for v in self.values)

    @property
    def named(self) -> tuple:
        """The values as an editor names them: the group's innermost first (India, then Product company)."""
        return (*reversed(self.values[:-1]), *self.values[-1:])

    @property
    def slug(self) -> str:
        """The cell's part of its inputs' names: ``india-all-senior``, ``india-product-senior``."""
        return "-".join(v.slug if v is not None else "all" for v in self.named)

    @property
    def label(self) -> str:
        """As an editor says it: ``Senior · India · Product company`` (the row first, then its group)."""
        return " · ".join(str(v) for v in (*self.named[-1:], *self.named[:-1]) if v is not None)

    @property
    def optional(self) -> bool:
        """Pay by employer type in a city: the model allows it, the content asks for it only in the country."""
        location = self.values[LOCATION_AXIS]
        return self.values[EMPLOYER_AXIS] is not None and location.kind != Location.Kind.COUNTRY

    @property
    def band(self) -> Band:
        """What salaries.rules reads of a band in this cell."""
        employer_type = self.values[EMPLOYER_AXIS]
        return (self.values[LOCATION_AXIS].kind, employer_type.slug if employer_type else None, self.values[-1].slug)


@dataclass
class GridRow:
    label: str
    form: PayCellForm

    @property
    def fields(self) -> list[tuple[forms.BoundField, str]]:
        """Each input with its figure as the site writes it."""
        return [(self.form[name], self.form.shown(name)) for name in FIGURES]


@dataclass
class GridGroup:
    label: str
    rows: list[GridRow]

    @property
    def folded(self) -> bool:
        """An optional group (an employer type in a city) with nothing in it: shown folded away."""
        return all(row.form.cell.optional and not row.form.has_figures for row in self.rows)


class BasePayGrid(forms.BaseFormSet):
    """Every cell of a role's pay as one formset, shaped for the admin: it takes an inline's arguments and
    reports what it saved like a model formset, so the history and the change message name each band."""

    missing_message = (
        "A published role needs pay for every level. Add a band for {levels}, or save the role as a draft."
    )
    gap_message = (
        "{employer_type} hires this role, yet has no pay in {places} at {levels}. Fill those rows, tick that it "
        "rarely hires the role, or save the role as a draft."
    )
    both_message = "{employer_types} ticked as rarely hiring this role, yet with pay: empty those rows or untick it."

    def __init__(self, data=None, files=None, instance: Role | None = None, prefix=None, **kwargs):
        # An inline's other arguments: the grid reads the role's bands itself and has no "save as new".
        kwargs.pop("queryset", None)
        kwargs.pop("save_as_new", None)
        self.instance = instance if instance is not None else Role()
        self.cells = [Cell(values) for values in itertools.product(*(axis.values() for axis in AXES))]
        bands = list(self.instance.salary_bands.all()) if self.instance.pk else []
        self.bands = {band_key(b, AXIS_FIELDS): b for b in bands}
        initial = [self._initial(cell) for cell in self.cells]
        super().__init__(data, files, prefix=prefix or self.get_default_prefix(), initial=initial, **kwargs)
        self.common = PaySourceForm(data, prefix=self.prefix, initial=pay_defaults(bands))
        self.employer_types = list(
            dict.fromkeys(c.values[EMPLOYER_AXIS] for c in self.cells if c.values[EMPLOYER_AXIS])
        )
        ticked = {mark.employer_type_id for mark in self.instance.rarely_hired_by.all()} if self.instance.pk else set()
        self.rarely = RarelyHiringForm(
            data, prefix=f"{self.prefix}-rarely", employer_types=self.employer_types, ticked=ticked
        )
        self.new_objects: list[models.Model] = []
        self.changed_objects: list[tuple[SalaryBand, list[str]]] = []
        self.deleted_objects: list[models.Model] = []

    @classmethod
    def get_default_prefix(cls) -> str:
        return "salary_bands"

    def _initial(self, cell: Cell) -> dict:
        band = self.bands.get(cell.key)
        return {name: getattr(band, name) for name in FIGURES} if band else {}

    def get_queryset(self) -> list[SalaryBand | None]:
        """The band behind each cell, as the admin's inline helpers expect of a model formset."""
        return [self.bands.get(cell.key) for cell in self.cells]

    @property
    def empty_form(self) -> PayCellForm:
        # The admin asks every inline for a template row; the grid has a row for every cell already.
        return PayCellForm(prefix=self.add_prefix("__prefix__"), cell=Cell(()), empty_permitted=True)

    def total_form_count(self) -> int:
        return len(self.cells)

    def initial_form_count(self) -> int:
        return len(self.cells)

    def add_prefix(self, index) -> str:
        if isinstance(index, int):
            return f"{self.prefix}-{self.cells[index].slug}"
        return super().add_prefix(index)

    def get_form_kwargs(self, index):
        kwargs = super().get_form_kwargs(index)
        if index is not None:
            cell = self.cells[index]
            band = self.bands.get(cell.key)
            kwargs.update(cell=cell, currency=band.currency if band else "INR")
        return kwargs

    def is_valid(self) -> bool:
        return super().is_valid() and self.common.is_valid() and self.rarely.is_valid()

    def total_error_count(self) -> int:
        return super().total_error_count() + len(self.common.errors) + len(self.rarely.errors)

    def has_changed(self) -> bool:
        return super().has_changed() or self.common.has_changed() or self.rarely.has_changed()

    def clean(self):
        if any(form.errors for form in self.forms) or not self.rarely.is_valid():
            return
        paid = [form.cell for form in self.forms if form.figures is not None]
        rarely = {et.slug: et for et in self.rarely.ticked}
        names = {et.slug: et.name for et in self.employer_types}
        errors = []
        both = banded_yet_rarely_hiring(bands=[cell.band for cell in paid], rarely_hired_by=rarely)
        if both:
            errors.append(self.both_message.format(employer_types=", ".join(names[slug] for slug in both)))
        if self.instance.status == Role.Status.PUBLISHED:
            missing = missing_level_names(
                {cell.values[LEVEL_AXIS].slug for cell in paid if not cell.values[EMPLOYER_AXIS]}
            )
            if missing:
                errors.append(self.missing_message.format(levels=", ".join(missing)))
            errors += self._gaps(paid, rarely)
        if errors:
            raise ValidationError(errors)

    def _gaps(self, paid: list[Cell], rarely: dict[str, EmployerType]) -> list[str]:
        """Employer types that hire the role without pay in the country at every level (salaries.rules decides)."""
        levels = {cell.values[LEVEL_AXIS].slug: cell.values[LEVEL_AXIS] for cell in self.cells}
        national = {
            loc.slug: loc.name
            for cell in self.cells
            if (loc := cell.values[LOCATION_AXIS]).kind == Location.Kind.COUNTRY
        }
        gaps = employer_pay_gaps(
            employer_types=[et.slug for et in self.employer_types],
            levels=list(levels),
            bands=[cell.band for cell in paid],
            rarely_hired_by=rarely,
        )
        names = {et.slug: et.name for et in self.employer_types}
        return [
            self.gap_message.format(
                employer_type=names[gap.employer_type],
                places=", ".join(national.values()) or "the country",
                levels=", ".join(levels[slug].name for slug in gap.levels),
            )
            for gap in gaps
        ]

    def save(self, commit: bool = True) -> list[SalaryBand]:
        cells = {form.cell.key: form.figures for form in self.forms if form.has_changed()}
        changes = set_role_bands(
            role=self.instance,
            cells=cells,
            axis_fields=AXIS_FIELDS,
            source=self.common.cleaned_data["source"],
            as_of=self.common.cleaned_data["as_of"],
            restamp=self.common.has_changed(),
        )
        self.new_objects, self.changed_objects, self.deleted_objects = (
            [*changes.added],
            changes.changed,
            [*changes.deleted],
        )
        if self.rarely.has_changed():
            marks = set_rarely_hiring(role=self.instance, employer_types=self.rarely.ticked)
            self.new_objects += marks.added
            self.deleted_objects += marks.deleted
        return [*changes.added, *(band for band, _ in changes.changed)]

    def version_rows(self, *, bound: bool, labels: bool) -> dict:
        """The grid's rows in the version a form was opened at (roles.concurrency; see salaries.pay_versions)."""
        return version_rows(self, bound=bound, labels=labels)

    # What the template shows.

    @property
    def groups(self) -> list[GridGroup]:
        """Every group of rows, in the axes' order: all employers in each place, then each employer type's."""
        groups: dict[tuple, GridGroup] = {}
        for form in self.forms:
            outer, row = form.cell.named[:-1], form.cell.named[-1]
            label = " · ".join(str(v) for v in outer if v is not None) or "All places"
            groups.setdefault(outer, GridGroup(label, [])).rows.append(GridRow(str(row), form))
        return list(groups.values())

    @property
    def shown_groups(self) -> list[GridGroup]:
        return [group for group in self.groups if not group.folded]

    @property
    def folded_groups(self) -> list[GridGroup]:
        return [group for group in self.groups if group.folded]

    @property
    def band_count(self) -> int:
        return len(self.bands)

    @property
    def differing_sources(self) -> int:
        """Bands whose source or date differ from the role's: a change below replaces theirs."""
        initial = self.common.initial
        return sum((b.source, b.as_of) != (initial["source"], initial["as_of"]) for b in self.bands.values())


PayGrid = forms.formset_factory(PayCellForm, formset=BasePayGrid, extra=0, max_num=10_000, absolute_max=10_000)
