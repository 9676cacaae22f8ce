"""The pay grid on the role screen: every place × level of a role's pay as one table of low / median / high.

The grid's axes are data (``AXES``): the last axis gives the rows of a group (the levels), the others give the
groups (the locations). An employer-type axis is one more ``Axis`` here; the forms, the template, the input
names and ``set_role_bands`` follow it without change.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Max
from django.utils import timezone

from roles.admin.forms import missing_levels
from roles.models import Level, Role

from .editing import FIGURES, Figures, band_key, set_role_bands
from .models import FALLBACK_SOURCE, Location, SalaryBand
from .money import format_full
from .pay_versions import version_rows


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


AXES: tuple[Axis, ...] = (Axis("location", Location), Axis("level", Level))
AXIS_FIELDS = tuple(axis.field for axis in AXES)
LEVEL_AXIS = AXIS_FIELDS.index("level")


@dataclass(frozen=True)
class Cell:
    """One place in the grid: a value on every axis, in the order of ``AXES``."""

    values: tuple

    @property
    def key(self) -> tuple[int | None, ...]:
        return tuple(v.pk if v is not None else None for v in self.values)

    @property
    def slug(self) -> str:
        """The cell's part of its inputs' names: ``india-senior``."""
        return "-".join(v.slug if v is not None else "all" for v in self.values)

    @property
    def label(self) -> str:
        """As an editor says it: ``Senior · India`` (the row first, then its group)."""
        return " · ".join(str(v) for v in (*self.values[-1:], *self.values[:-1]) if v is not None)


def _whole_rupees(value: object) -> object:
    # Editors copy figures as they read them: "₹9,00,000", "9 00 000".
    return re.sub(r"[₹,\s_]", "", value) if isinstance(value, str) else value


class AmountField(forms.IntegerField):
    default_error_messages = {"invalid": "Enter whole rupees a year, like 900000 or 9,00,000."}

    def __init__(self, **kwargs):
        attrs = {"inputmode": "numeric", "autocomplete": "off", "size": "9", "class": "pay-input"}
        super().__init__(required=False, min_value=0, widget=forms.TextInput(attrs=attrs), **kwargs)

    def to_python(self, value):
        return super().to_python(_whole_rupees(value))


class PayCellForm(forms.Form):
    """Low, median and high of one cell; all three empty means no band there."""

    use_required_attribute = False
    low = AmountField()
    median = AmountField()
    high = AmountField()

    def __init__(self, *args, cell: Cell, currency: str = "INR", **kwargs):
        super().__init__(*args, **kwargs)
        self.cell, self.currency = cell, currency
        for name in FIGURES:
            self.fields[name].label = f"{cell.label}: {name}"
            self.fields[name].widget.attrs["aria-label"] = f"{cell.label} {name}"

    def clean(self):
        data = super().clean()
        if any(name in self.errors for name in FIGURES):
            return data
        values = {name: data.get(name) for name in FIGURES}
        missing = [name for name, value in values.items() if value is None]
        if len(missing) == len(FIGURES):
            return data
        for name in missing:
            self.add_error(name, f"Enter the {name} figure too, or leave all three empty for no pay here.")
        if not missing:
            try:
                # The band's own rule, so the grid and the model say the same words.
                SalaryBand(currency=self.currency, **values).clean()
            except ValidationError as error:
                for name, messages in error.message_dict.items():
                    self.add_error(name, messages)
        return data

    @property
    def figures(self) -> Figures | None:
        data = self.cleaned_data
        if any(data.get(name) is None for name in FIGURES):
            return None
        return Figures(**{name: data[name] for name in FIGURES})

    def shown(self, name: str) -> str:
        """The figure in the site's words (₹9,00,000) for the text beside its input; live-updated by script."""
        try:
            value = self.fields[name].clean(self[name].value())
        except ValidationError:
            return ""
        return "" if value is None else format_full(value, self.currency)


class PaySourceForm(forms.Form):
    """Where the role's figures come from, entered once for all its bands."""

    source = forms.CharField(
        max_length=SalaryBand._meta.get_field("source").max_length,
        help_text="Shown under the pay on the public pages: say where the figures come from.",
    )
    as_of = forms.DateField(
        label="As of",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text="The date the figures describe; pay older than a year is flagged to editors.",
    )


def pay_defaults(bands: list[SalaryBand]) -> dict:
    """The role's own source and latest as-of date; for a role without pay, the site's usual ones."""
    if bands:
        return {
            "source": Counter(b.source for b in bands).most_common(1)[0][0],
            "as_of": max(b.as_of for b in bands),
        }
    usual = SalaryBand.objects.values("source").annotate(n=Count("id")).order_by("-n", "source").first()
    latest = SalaryBand.objects.aggregate(latest=Max("as_of"))["latest"]
    return {"source": usual["source"] if usual else FALLBACK_SOURCE, "as_of": latest or timezone.localdate()}


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


class BasePayGrid(forms.BaseFormSet):
    """Every cell of a role's pay as one formset, shaped for the admin: it takes an inline's arguments and
    reports what it saved like a model formset, so the history and the change message name each band."""

    missing_message = (
        "A published role needs pay for every level. Add a band for {levels}, or save the role as a draft."
    )

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
        self.new_objects: list[SalaryBand] = []
        self.changed_objects: list[tuple[SalaryBand, list[str]]] = []
        self.deleted_objects: list[SalaryBand] = []

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
        return super().is_valid() and self.common.is_valid()

    def total_error_count(self) -> int:
        return super().total_error_count() + len(self.common.errors)

    def has_changed(self) -> bool:
        return super().has_changed() or self.common.has_changed()

    def clean(self):
        if self.instance.status != Role.Status.PUBLISHED or any(form.errors for form in self.forms):
            return
        present = {form.cell.values[LEVEL_AXIS].slug for form in self.forms if form.figures is not None}
        missing = missing_levels(present)
        if missing:
            raise ValidationError(self.missing_message.format(levels=", ".join(missing)))

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
        self.new_objects, self.changed_objects, self.deleted_objects = changes.added, changes.changed, changes.deleted
        return [*changes.added, *(band for band, _ in changes.changed)]

    def version_rows(self, *, bound: bool, labels: bool) -> dict:
        """The grid's rows in the version a form was opened at (roles.concurrency; see salaries.pay_versions)."""
        return version_rows(self, bound=bound, labels=labels)

    # What the template shows.

    @property
    def groups(self) -> list[GridGroup]:
        groups: dict[tuple, GridGroup] = {}
        for form in self.forms:
            outer, row = form.cell.values[:-1], form.cell.values[-1]
            label = " · ".join(str(v) for v in outer if v is not None) or "All places"
            groups.setdefault(outer, GridGroup(label, [])).rows.append(GridRow(str(row), form))
        return list(groups.values())

    @property
    def band_count(self) -> int:
        return len(self.bands)

    @property
    def differing_sources(self) -> int:
        """Bands whose source or date differ from the role's: a change below replaces theirs."""
        initial = self.common.initial
        return sum((b.source, b.as_of) != (initial["source"], initial["as_of"]) for b in self.bands.values())


PayGrid = forms.formset_factory(PayCellForm, formset=BasePayGrid, extra=0, max_num=10_000, absolute_max=10_000)
