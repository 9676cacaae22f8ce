"""Job titles as content: ``fixtures/reference/titles.json``, its format and its rules.

Each title names the level it stands for, the kind of employer that uses it (absent: every kind), and the roles or
the family it names where it names any. The rules (``title_problems``) are part of ``content_problems``: an unknown
level, role, family, employer type or next title; two titles of one employer type that read the same once
normalised (titles.normalise); a next title that is a lower level, or the title itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

from pydantic import Field, StringConstraints, field_validator

from titles.normalise import normalise

from .schema import Document, Slug, _unique

if TYPE_CHECKING:
    from .database import DatabaseState
    from .reader import ContentSet, Problem

TitleName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
Note = Annotated[str, StringConstraints(strip_whitespace=True, max_length=300)]


class TitleDoc(Document):
    """One job title (titles.models.JobTitle)."""

    slug: Slug
    name: TitleName
    level: Slug
    # Absent: every kind of employer uses the title.
    employer_type: Slug | None = None
    roles: list[Slug] = []
    family: Slug | None = None
    note: Note = ""
    # The title one step up at the same kind of employer.
    next: Slug | None = None
    order: Annotated[int, Field(ge=0, le=32767)] = 0

    @field_validator("roles")
    @classmethod
    def _unique_roles(cls, v: list[str]) -> list[str]:
        return _unique(v, lambda x: x, "role")


class TitlesFile(Document):
    titles: list[TitleDoc]

    @field_validator("titles")
    @classmethod
    def _unique_slugs(cls, v: list[TitleDoc]) -> list[TitleDoc]:
        return _unique(v, lambda x: x.slug, "title slug")


def title_problems(content: ContentSet, state: DatabaseState | None = None) -> list[Problem]:
    """Every reason to refuse the titles of ``content`` (none without a titles file)."""
    from .reader import Problem

    path = f"{content.reference_dir}/titles.json"
    levels = {lv.slug: lv.order for lv in content.levels}
    families = {f.slug for f in content.families}
    employer_types = {e.slug for e in content.employer_types}
    roles = {rf.doc.slug for rf in content.roles} | set(state.roles if state else ())
    by_slug = {t.slug: t for t in content.titles}
    seen: dict[tuple[str | None, str], int] = {}
    problems: list[Problem] = []

    def say(index: int, field: str, reason: str) -> None:
        problems.append(Problem(path, f"titles[{index}]{'.' + field if field else ''}", reason))

    for i, t in enumerate(content.titles):
        if t.level not in levels:
            say(i, "level", f"unknown level {t.level!r}")
        if t.employer_type is not None and t.employer_type not in employer_types:
            say(i, "employer_type", f"unknown employer type {t.employer_type!r}")
        if t.family is not None and t.family not in families:
            say(i, "family", f"unknown family {t.family!r}")
        for j, role in enumerate(t.roles):
            if role not in roles:
                say(i, f"roles[{j}]", f"no role has the slug {role!r}")
        reads_as = normalise(t.name)
        if not reads_as:
            say(i, "name", f"{t.name!r} has no letters or digits to match")
        key = (t.employer_type, reads_as)
        if reads_as and key in seen:
            other = content.titles[seen[key]]
            where = f"employer type {t.employer_type!r}" if t.employer_type else "every employer type"
            say(i, "name", f"{t.name!r} reads the same as {other.name!r} (titles[{seen[key]}]) for {where}")
        seen.setdefault(key, i)
        if t.next is not None:
            step = by_slug.get(t.next)
            if step is None:
                say(i, "next", f"no title has the slug {t.next!r}")
            elif step.slug == t.slug:
                say(i, "next", "a title cannot lead to itself")
            elif levels.get(step.level, 0) < levels.get(t.level, 0):
                say(i, "next", f"{step.name!r} is a lower level than {t.name!r}")
    return problems
