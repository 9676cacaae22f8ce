"""The sentences of the catalog's own pages that quote data: how many skills of each kind, who asks for a skill.

Like careers.pages.narrative for the pages that join the catalog and pay: every count and name is read from the
database, never typed in content.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from .models import Role, Skill
from .text import join

if TYPE_CHECKING:
    from .views import SkillGroup

NAMED_ROLES = 3  # how many role titles the summary sentence names before "and N more"


class KindWords(NamedTuple):
    """How a kind of skill reads as a heading and when counted ("1 language", "14 languages")."""

    heading: str
    one: str
    many: str


# Declared order is the page order: from what you write to how you work with people.
KINDS: dict[str, KindWords] = {
    Skill.Kind.LANGUAGE: KindWords("Languages", "language", "languages"),
    Skill.Kind.FRAMEWORK: KindWords("Frameworks", "framework", "frameworks"),
    Skill.Kind.TOOL: KindWords("Tools and platforms", "tool or platform", "tools and platforms"),
    Skill.Kind.PRACTICE: KindWords("Practices", "practice", "practices"),
    Skill.Kind.KNOWLEDGE: KindWords("Knowledge", "area of knowledge", "areas of knowledge"),
    Skill.Kind.PEOPLE: KindWords("People skills", "people skill", "people skills"),
}


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def kind_words(kind: str) -> KindWords:
    # A kind the choices do not know (a hand-edited row) still gets a page, not a 500.
    return KINDS.get(kind) or KindWords(kind.title(), kind, kind)


def catalogue_summary(groups: list[SkillGroup]) -> str:
    """ "The 194 skills our career paths ask for, by kind: 14 languages, … and 9 people skills." """
    total = sum(len(g.skills) for g in groups)
    parts = [_count(len(g.skills), kind_words(g.kind).one, kind_words(g.kind).many) for g in groups]
    by_kind = f", by kind: {join(parts)}" if parts else ""
    return f"The {_count(total, 'skill', 'skills')} our career paths ask for{by_kind}."


def skill_summary(skill: Skill, roles: list[Role], count: int | None = None) -> str:
    """ "Python is asked for by 15 roles, among them AI Engineer, Backend Developer and Data Engineer."

    ``roles`` may be the first page of them (by title) and ``count`` how many there are in all."""
    titles = [role.title for role in roles]
    total = len(titles) if count is None else count
    if total <= NAMED_ROLES:
        return f"{skill.name} is asked for by {join(titles)}."
    named = ", ".join(titles[:NAMED_ROLES])
    return f"{skill.name} is asked for by {total} roles, among them {named} and {total - NAMED_ROLES} more."
