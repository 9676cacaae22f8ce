"""Every sentence of the open-data pages that quotes a figure, written from the data."""

from __future__ import annotations

from django.template.defaultfilters import filesizeformat
from django.utils.formats import date_format

from .reads import Methodology


def _count(n: int, one: str, many: str) -> str:
    return f"{n:,} {one if n == 1 else many}"


def coverage(m: Methodology) -> str:
    """What the published figures cover: roles, bands, places, kinds of employer."""
    return (
        f"The site publishes {_count(m.bands, 'pay figure', 'pay figures')} for "
        f"{_count(m.roles, 'role', 'roles')} in {_count(m.families, 'field', 'fields')}, at "
        f"{_count(m.levels, 'level', 'levels')}, in {_count(m.locations, 'place', 'places')} "
        f"(the country and {_count(m.cities, 'city', 'cities')}) and for "
        f"{_count(m.employer_types, 'kind of employer', 'kinds of employer')} as well as for all employers."
    )


def age(m: Methodology) -> str:
    """How old the figures are: the oldest and newest as-of dates."""
    if m.oldest is None or m.newest is None:
        return "No pay figures are published yet."
    if m.oldest == m.newest:
        return f"Every published figure is dated {date_format(m.oldest, 'j F Y')}."
    return (
        f"The oldest published figure is dated {date_format(m.oldest, 'j F Y')} "
        f"and the newest {date_format(m.newest, 'j F Y')}."
    )


def size(n: int | None) -> str:
    """A download's size in words ("1.2 MB"), with the exact bytes for anyone comparing."""
    if n is None:
        return "known once it has been downloaded since the last change"
    return f"{filesizeformat(n)} ({n:,} bytes)"
