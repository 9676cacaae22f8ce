"""Which known titles a typed title is: the same reading (titles.normalise), narrowed by employer type and years;
else the nearest ones. Pure: works on titles already read, no database.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from .normalise import normalise

if TYPE_CHECKING:
    from .models import JobTitle

NEAREST = 5
NEAREST_CUTOFF = 0.45


@dataclass
class Match:
    """``answer``: the title it is; ``candidates``: the titles it may be, when they differ in level; ``nearest``:
    known titles close to it, when it is none; ``chosen_by_years``: years settled between candidates."""

    answer: JobTitle | None = None
    candidates: list[JobTitle] = field(default_factory=list)
    nearest: list[JobTitle] = field(default_factory=list)
    same_elsewhere: list[JobTitle] = field(default_factory=list)
    chosen_by_years: bool = False
    not_at_employer: bool = False


def fits_years(title: JobTitle, years: Decimal) -> bool:
    level = title.level
    return years >= level.min_years and (level.max_years is None or years < level.max_years)


def match_title(text: str, titles: list[JobTitle], *, employer_type: str = "", years: Decimal | None = None) -> Match:
    """What ``text`` is among ``titles`` (employer_type: a slug, or "" for any kind)."""
    reads_as = normalise(text)
    if not reads_as:
        return Match()
    same = [t for t in titles if normalise(t.name) == reads_as]
    if not same:
        return Match(nearest=nearest(reads_as, titles, employer_type))
    pool = same
    result = Match()
    if employer_type:
        here = [t for t in same if t.employer_type is not None and t.employer_type.slug == employer_type]
        pool = here or [t for t in same if t.employer_type is None]
        if not pool:
            # Known, but not at this kind of employer: what it means where it is used.
            pool, result.not_at_employer = same, True
    levels = {t.level_id for t in pool}
    if len(levels) > 1 and years is not None:
        fitting = [t for t in pool if fits_years(t, years)]
        if fitting and len({t.level_id for t in fitting}) == 1:
            pool, result.chosen_by_years = fitting, True
            levels = {t.level_id for t in pool}
    if len(levels) > 1:
        result.candidates = sorted(pool, key=_order)
        return result
    result.answer = sorted(pool, key=_order)[0]
    result.same_elsewhere = [t for t in same if t is not result.answer]
    return result


def _order(title: JobTitle) -> tuple:
    return (title.employer_type.order if title.employer_type else -1, title.level.order, title.order)


def nearest(reads_as: str, titles: list[JobTitle], employer_type: str = "") -> list[JobTitle]:
    """Known titles closest to ``reads_as``: shared words first, then how alike the text is; those of the employer
    type asked for (or every kind) ahead of others at equal closeness."""
    words = set(reads_as.split())
    scored = []
    for t in titles:
        other = normalise(t.name)
        shared = len(words & set(other.split())) / max(len(words | set(other.split())), 1)
        alike = difflib.SequenceMatcher(None, reads_as, other).ratio()
        score = max(shared, alike)
        if score >= NEAREST_CUTOFF:
            here = not employer_type or t.employer_type is None or t.employer_type.slug == employer_type
            scored.append((-round(score, 3), not here, _order(t), t))
    scored.sort(key=lambda row: row[:3])
    picked: list[JobTitle] = []
    seen: set[str] = set()
    for *_, t in scored:
        if normalise(t.name) + str(t.level_id) in seen:
            continue
        seen.add(normalise(t.name) + str(t.level_id))
        picked.append(t)
        if len(picked) == NEAREST:
            break
    return picked
