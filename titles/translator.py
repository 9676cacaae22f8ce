"""The title translator (/titles/): what a typed title means, read from the address alone.

The address is read from the raw query string up to MAX_FIELDS fields, so a crafted one with thousands still gets a
page; what was typed is cleaned and capped (a NUL, 100 KB of text); an unknown employer type or odd years are set
aside with a note. Queries: the titles (two), the employer types (one), and a title's detail (six) when there is an
answer, whatever the number of titles.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal

from django.http import QueryDict

from salaries.models import EmployerType

from . import narrative
from .matching import Match, match_title
from .models import JobTitle
from .reads import Reading, TitleDetail, display_names, read_detail, read_employer_types, read_titles

TITLE_FIELD, EMPLOYER_FIELD, YEARS_FIELD = "title", "employer", "years"
MAX_FIELDS = 50
MAX_TITLE = 100
MAX_YEARS = 50
ECHO = 30
YEARS = re.compile(r"[0-9]{1,3}(?:\.[0-9]+)?")


def clean(raw: str, limit: int = MAX_TITLE) -> str:
    """What was typed, safe to show and match: control characters out, spaces collapsed, capped."""
    raw = raw[: limit * 20]
    kept = "".join(ch if not unicodedata.category(ch).startswith("C") else " " for ch in raw)
    return " ".join(kept.split())[:limit].strip()


@dataclass
class Question:
    """What the address asks: a title, an employer type (slug, "" for any), years (None: not given)."""

    title: str = ""
    employer_type: str = ""
    years: Decimal | None = None
    years_text: str = ""
    notes: list[str] = field(default_factory=list)


def read_question(query_string: str, employer_types: list[EmployerType]) -> Question:
    parts = query_string.split("&", MAX_FIELDS)
    fields = QueryDict("&".join(parts[:MAX_FIELDS]).encode("iso-8859-1", "replace"))
    q = Question(title=clean(fields.get(TITLE_FIELD, "")))
    if len(parts) > MAX_FIELDS:
        q.notes.append(
            f"The address carried more than {MAX_FIELDS} values; the translator read the first {MAX_FIELDS}."
        )
    employer = clean(fields.get(EMPLOYER_FIELD, ""), 80)
    if employer and employer in {et.slug for et in employer_types}:
        q.employer_type = employer
    elif employer:
        q.notes.append(f"“{employer[:ECHO]}” is not a kind of employer we know, so every kind was considered.")
    years = clean(fields.get(YEARS_FIELD, ""), 20)
    if years and YEARS.fullmatch(years):
        q.years = min(Decimal(years), Decimal(MAX_YEARS))
        q.years_text = format(q.years.normalize(), "f")
    elif years:
        q.notes.append(f"“{years[:ECHO]}” is not a number of years, so years were left out.")
    return q


@dataclass
class Translation:
    question: Question
    employer_types: list[EmployerType]
    titles: list[JobTitle]
    names: dict[int, str]
    match: Match | None = None
    detail: TitleDetail | None = None

    @property
    def asked(self) -> bool:
        return bool(self.question.title)

    def _readings(self, titles: list[JobTitle], why) -> list[Reading]:
        return [Reading(t, self.names.get(t.pk, t.name), why(t)) for t in titles]

    @property
    def candidates(self) -> list[Reading]:
        """The readings of a title that means different levels, each with why."""
        return self._readings(self.match.candidates, narrative.reading) if self.match else []

    @property
    def nearest(self) -> list[Reading]:
        return self._readings(self.match.nearest, narrative.meaning) if self.match else []

    @property
    def elsewhere(self) -> list[Reading]:
        """The same words at other kinds of employer, beside the answer."""
        return self._readings(self.match.same_elsewhere, narrative.meaning) if self.match else []

    @property
    def next_name(self) -> str:
        step = self.match.answer.next_title if self.match and self.match.answer else None
        return self.names.get(step.pk, step.name) if step else ""

    @property
    def years_note(self) -> str:
        answer = self.match.answer if self.match else None
        return narrative.years_note(answer, self.question.years) if answer else ""


def read_translation(query_string: str) -> Translation:
    employer_types = read_employer_types()
    question = read_question(query_string, employer_types)
    titles = read_titles()
    page = Translation(question, employer_types, titles, display_names(titles))
    if question.title:
        page.match = match_title(question.title, titles, employer_type=question.employer_type, years=question.years)
        if page.match.answer is not None:
            page.detail = read_detail(page.match.answer)
    return page
