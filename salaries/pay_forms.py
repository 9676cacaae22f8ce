"""The forms of the pay grid (salaries.pay_grid): one cell's low / median / high, the source and date entered once,
and which employer types rarely hire the role.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Count, Max
from django.utils import timezone

from .editing import FIGURES, Figures
from .models import FALLBACK_SOURCE, EmployerType, SalaryBand
from .money import format_full

if TYPE_CHECKING:
    from .pay_grid import Cell


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

    @property
    def has_figures(self) -> bool:
        """Something in its inputs, as opened or as posted, or an error: a cell the editor must see."""
        return bool(self.errors) or any(self[name].value() not in (None, "") for name in FIGURES)

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


class RarelyHiringForm(forms.Form):
    """A box per employer type: ticked, that kind of employer rarely hires the role (the site says so, and asks no
    pay of it). Each box is named by its employer type's slug: ``salary_bands-rarely-product``."""

    use_required_attribute = False

    def __init__(self, *args, employer_types: list[EmployerType], ticked: set[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.employer_types = {et.slug: et for et in employer_types}
        for et in employer_types:
            self.fields[et.slug] = forms.BooleanField(required=False, label=et.name, initial=et.pk in ticked)

    @property
    def ticked(self) -> list[EmployerType]:
        """The employer types ticked as the form stands (as posted, or as opened)."""
        if self.is_bound and self.is_valid():
            return [et for slug, et in self.employer_types.items() if self.cleaned_data.get(slug)]
        return [et for slug, et in self.employer_types.items() if self.fields[slug].initial]


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
