"""The skills check's rule, and reading its answers from an address. Pure: no database, no request.

One rule decides which level of a ladder fits (``fitting_level``), on the ladder as the data states it (each level's
skills and the first year of its range, ``Level.min_years``: levels.json gives the years as numbers, so nothing is
parsed from "2–5 years"); the page states the same rule in words made from the same constants (``rule_in_words``),
so the sentence and the arithmetic cannot drift apart. The page that shows it is careers/pages/skills_check.py.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence, Set
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from django.http import QueryDict

from careers.search import clean_query
from roles.text import join

# The rule's constants: the share of the skills asked for that a level needs, and the most years the check reads.
SHARE = Fraction(7, 10)
MAX_YEARS = 50
# The form's fields. A real answer has at most one per skill of the role (under 20) and one for years; an address
# is read up to this many fields, so a crafted one with thousands still gets a page (Django would refuse over 1,000).
SKILL_FIELD, YEARS_FIELD = "skill", "years"
MAX_FIELDS = 200
ECHO_LENGTH = 30  # how much of a value we did not understand is quoted back


# --- the rule ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rung:
    """One level of a role's ladder as the rule sees it: its name, the first year of its range, its skills."""

    name: str
    min_years: int
    skills: tuple[str, ...]


def skills_up_to(ladder: Sequence[Rung], index: int) -> list[str]:
    """The skills the ladder asks for up to and including level ``index``, each once, in ladder order."""
    seen: dict[str, None] = {}
    for rung in ladder[: index + 1]:
        seen.update(dict.fromkeys(rung.skills))
    return list(seen)


def enough(asked: int) -> int:
    """How many of ``asked`` skills reach the share: 4 of 5, 7 of 10, 14 of 20 (the share is met, not rounded down)."""
    return math.ceil(asked * SHARE)


def fitting_level(ladder: Sequence[Rung], held: Set[str], years: Decimal | None) -> int | None:
    """The index of the highest level whose skills so far you hold at least SHARE of, and whose first year your
    years reach (years None: by skills alone); None when no level fits."""
    fit = None
    for index, rung in enumerate(ladder):
        asked = skills_up_to(ladder, index)
        has_skills = sum(slug in held for slug in asked) >= enough(len(asked))
        if has_skills and (years is None or years >= rung.min_years):
            fit = index
    return fit


def share_text() -> str:
    return f"{float(SHARE * 100):g}%"


def rule_in_words(ladder: Sequence[Rung]) -> list[str]:
    """The rule as the page states it, from the same constants and the ladder's own figures."""
    starts = join([f"{rung.name} from {rung.min_years} year{'s' if rung.min_years != 1 else ''}" for rung in ladder])
    return [
        f"The level that fits is the highest level for which both of these hold: you use at least {share_text()} of "
        "the skills the ladder asks for up to and including that level, and your years of experience reach the "
        f"start of that level's range ({starts}).",
        "A skill asked for at more than one level counts once. Leave years blank and the check goes by skills "
        f"alone; it counts at most {MAX_YEARS} years.",
    ]


def years_text(years: Decimal | int) -> str:
    """ "1 year", "4.5 years", "6 years"."""
    number = format(Decimal(years).normalize(), "f")
    return f"{number} year{'' if Decimal(years) == 1 else 's'}"


# --- reading the address -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Answers:
    """What the address says: the skills ticked (each once, in the order given), the years, and what was set aside."""

    skills: tuple[str, ...] = ()
    years: Decimal | None = None
    notes: tuple[str, ...] = ()
    given: bool = False  # any field at all: such a page is an answer, not the blank check


YEARS = re.compile(r"([0-9]+)(?:\.([0-9]+))?")


def read_years(values: list[str]) -> tuple[Decimal | None, str]:
    """The first value given for years, as a number of years, and a note when it could not be used as it was."""
    text = next((value.strip() for value in values if value.strip()), "")
    if not text:
        return None, ""
    match = YEARS.fullmatch(text)
    if match is None:
        shown = clean_query(text)[:ECHO_LENGTH]
        return None, f"“{shown}” is not a number of years from 0 to {MAX_YEARS}, so the check went by skills alone."
    whole, part = match.groups()
    if len(whole) > 3 or int(whole) >= MAX_YEARS:
        exact = len(whole) <= 3 and int(whole) == MAX_YEARS and not (part or "").strip("0")
        return Decimal(MAX_YEARS), "" if exact else f"The check counted {years_text(MAX_YEARS)}, the most it reads."
    return Decimal(f"{whole}.{(part or '0')[:2]}"), ""


def read_answers(query_string: str) -> Answers:
    """The answers in a query string, read up to MAX_FIELDS fields; nothing in it can make this fail."""
    parts = query_string.split("&", MAX_FIELDS)
    # WSGI hands the query string over as ISO-8859-1 text; Django decodes it the same way for request.GET.
    fields = QueryDict("&".join(parts[:MAX_FIELDS]).encode("iso-8859-1", "replace"))
    notes = []
    if len(parts) > MAX_FIELDS:
        notes.append(f"The address carried more than {MAX_FIELDS} values; the check read the first {MAX_FIELDS}.")
    years, years_note = read_years(fields.getlist(YEARS_FIELD))
    if years_note:
        notes.append(years_note)
    skills = tuple(dict.fromkeys(value.strip() for value in fields.getlist(SKILL_FIELD) if value.strip()))
    return Answers(skills=skills, years=years, notes=tuple(notes), given=bool(fields) or len(parts) > MAX_FIELDS)
