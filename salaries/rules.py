"""What complete pay by kind of employer is, decided once: the content check (careers.content.pay_rules), the pay
grid (salaries.pay_grid) and publishing (careers.admin) all ask these two functions.

A published role's pay is complete by employer type when every employer type either has a national band (at a
location of the country kind: India) for every level of the role, or is listed as rarely hiring the role; and no
employer type is both banded and listed as rarely hiring it. The functions take slugs, so files and database rows
are judged alike.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from .models import Location

NATIONAL = Location.Kind.COUNTRY.value

Band = tuple[str, str | None, str]
"""What the rules read of a band: its location's kind, its employer type's slug (None: all employers), its level."""


@dataclass(frozen=True)
class EmployerPayGap:
    """An employer type that hires the role (it is not listed as rarely hiring it) without a national band at these
    levels."""

    employer_type: str
    levels: tuple[str, ...]


def employer_pay_gaps(
    *, employer_types: Sequence[str], levels: Sequence[str], bands: Iterable[Band], rarely_hired_by: Collection[str]
) -> list[EmployerPayGap]:
    """The employer types, in the order given, that neither have a national band at every one of ``levels`` nor
    rarely hire the role."""
    banded = {(employer_type, level) for kind, employer_type, level in bands if kind == NATIONAL and employer_type}
    gaps = []
    for employer_type in employer_types:
        if employer_type in rarely_hired_by:
            continue
        missing = tuple(level for level in levels if (employer_type, level) not in banded)
        if missing:
            gaps.append(EmployerPayGap(employer_type, missing))
    return gaps


def banded_yet_rarely_hiring(*, bands: Iterable[Band], rarely_hired_by: Iterable[str]) -> list[str]:
    """The employer types listed as rarely hiring the role that have bands of it all the same (anywhere): one of
    the two is wrong."""
    banded = {employer_type for _, employer_type, _ in bands if employer_type}
    return [employer_type for employer_type in rarely_hired_by if employer_type in banded]
