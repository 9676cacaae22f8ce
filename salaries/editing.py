"""Editors' writes to pay: a role's bands set from the pay grid in one call, in one transaction; and which employer
types rarely hire the role.

The grid's axes are data (``salaries.pay_grid.AXES``): a cell is addressed by one primary key per axis, in that
order, so an axis added there (an employer type, say) needs nothing new here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from django.db import transaction

from roles.models import Role

from .models import EmployerType, RarelyHiring, SalaryBand

CellKey = tuple[int | None, ...]
"""A cell of the grid: the primary key of its value on each axis, in the order of the axis fields."""

FIGURES = ("low", "median", "high")


@dataclass(frozen=True)
class Figures:
    """What one cell says: low, median and high, whole currency units a year."""

    low: int
    median: int
    high: int


@dataclass
class BandChanges:
    """What a write did, for the change message and the history."""

    added: list[SalaryBand] = field(default_factory=list)
    changed: list[tuple[SalaryBand, list[str]]] = field(default_factory=list)
    deleted: list[SalaryBand] = field(default_factory=list)


def band_key(band: SalaryBand, axis_fields: Sequence[str]) -> CellKey:
    return tuple(getattr(band, f"{name}_id") for name in axis_fields)


def _currency_by_location() -> dict[int, str]:
    # A new band is quoted in the currency already used for its place; India's rupee when there is none yet.
    return dict(SalaryBand.objects.order_by().values_list("location_id", "currency").distinct())


@transaction.atomic
def set_role_bands(
    *,
    role: Role,
    cells: Mapping[CellKey, Figures | None],
    axis_fields: Sequence[str],
    source: str,
    as_of: dt.date,
    restamp: bool = False,
) -> BandChanges:
    """Make the role's pay what the cells say: figures write a band, ``None`` means no band there.

    Cells not named are left alone. ``source`` and ``as_of`` go on every band written; with ``restamp`` (the
    editor changed them for the role) on every band of the role.
    """
    changes = BandChanges()
    bands = {band_key(b, axis_fields): b for b in SalaryBand.objects.select_for_update().filter(role=role)}
    currencies: dict[int, str] | None = None
    for key, figures in cells.items():
        band = bands.get(key)
        if figures is None:
            if band is not None:
                changes.deleted.append(band)
            continue
        if band is None:
            if currencies is None:
                currencies = _currency_by_location()
            where = dict(zip(axis_fields, key, strict=True))
            band = SalaryBand(
                role=role,
                **{f"{name}_id": pk for name, pk in where.items()},
                currency=currencies.get(location, "INR") if (location := where.get("location")) is not None else "INR",
                low=figures.low,
                median=figures.median,
                high=figures.high,
                source=source,
                as_of=as_of,
            )
            band.save()
            changes.added.append(band)
            continue
        changed = [name for name in FIGURES if getattr(band, name) != getattr(figures, name)]
        if changed or restamp:
            changed += [name for name, value in (("source", source), ("as_of", as_of)) if getattr(band, name) != value]
        if changed:
            for name in FIGURES:
                setattr(band, name, getattr(figures, name))
            band.source, band.as_of = source, as_of
            band.save()
            changes.changed.append((band, changed))
    if restamp:
        named = set(cells)
        for key, band in bands.items():
            if key not in named and (band.source, band.as_of) != (source, as_of):
                band.source, band.as_of = source, as_of
                band.save(update_fields=["source", "as_of"])
                changes.changed.append((band, ["source", "as_of"]))
    if changes.deleted:
        SalaryBand.objects.filter(pk__in=[b.pk for b in changes.deleted]).delete()
    return changes


@dataclass
class MarkChanges:
    """The "rarely hires" marks a write added and removed, for the change message and the history."""

    added: list[RarelyHiring] = field(default_factory=list)
    deleted: list[RarelyHiring] = field(default_factory=list)


@transaction.atomic
def set_rarely_hiring(*, role: Role, employer_types: Iterable[EmployerType]) -> MarkChanges:
    """Make the employer types that rarely hire the role exactly ``employer_types``."""
    wanted = {et.pk: et for et in employer_types}
    current = {mark.employer_type_id: mark for mark in RarelyHiring.objects.select_for_update().filter(role=role)}
    changes = MarkChanges(deleted=[mark for pk, mark in current.items() if pk not in wanted])
    if changes.deleted:
        RarelyHiring.objects.filter(pk__in=[mark.pk for mark in changes.deleted]).delete()
    for pk, employer_type in wanted.items():
        if pk not in current:
            changes.added.append(RarelyHiring.objects.create(role=role, employer_type=employer_type))
    return changes
