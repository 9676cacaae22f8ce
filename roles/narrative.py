"""The sentences of the catalog's own pages that quote data: how many skills of each kind, who asks for a skill.

Like careers.pages.narrative for the pages that join the catalog and pay: every count and name is read from the
database, never typed in content.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple, Protocol

from .models import Role, RoleLevel, Skill
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


class Use(Protocol):
    """One role asking for a skill, as a skill's page reads it (careers.pages.skills.SkillUse)."""

    @property
    def role(self) -> Role: ...

    @property
    def levels(self) -> list[RoleLevel]: ...

    @property
    def from_the_start(self) -> bool: ...


def skill_description(skill: Skill, uses: Sequence[Use]) -> str:
    """The page's description: what the skill is, then who asks for it (fitted to 160 characters by the page head)."""
    count = _count(len(uses), "role", "roles")
    levels = sum(len(use.levels) for use in uses)
    at = _count(levels, "level", "levels")
    return f"{skill.description} {skill.name} is asked for by {count} at {at}: when, and what it pays."


def start_and_deepen(skill: Skill, uses: Sequence[Use]) -> list[str]:
    """Whether roles expect the skill from their first level or add it later, and how long they keep asking."""
    if not uses:
        return []
    start = [use.role.title for use in uses if use.from_the_start]
    later = [use for use in uses if not use.from_the_start]
    sentences = []
    if start:
        sentences.append(
            f"{_count(len(start), 'role asks', 'roles ask')} for {skill.name} from the first level: {join(start)}. "
            f"People are expected to bring it to their first job in {'this role' if len(start) == 1 else 'them'}."
        )
    if later:
        added = [f"{use.role.title} at the {use.levels[0].level.short_name} level" for use in later]
        sentences.append(f"{_count(len(later), 'role adds', 'roles add')} it further up the ladder: {join(added)}.")
    kept = [use for use in uses if len(use.levels) > 1]
    if kept:
        deepest = max(kept, key=lambda use: len(use.levels))
        sentences.append(
            f"In {_count(len(kept), 'role', 'roles')} it is not a box ticked once but a skill to deepen: "
            f"{deepest.role.title}, for one, asks for it at {len(deepest.levels)} levels, "
            f"from {deepest.levels[0].title} to {deepest.levels[-1].title}."
        )
    else:
        sentences.append(
            f"Each role asks for it at one level only: after that, the role's other skills take over, and "
            f"{skill.name} is expected as a matter of course."
        )
    return sentences


def how_people_learn(skill: Skill, uses: Sequence[Use]) -> str:
    """Where people usually pick the skill up: the level at which most roles first ask for it."""
    if not uses:
        return ""
    firsts = Counter(use.levels[0].level for use in uses)
    level, n = max(firsts.items(), key=lambda item: (item[1], -item[0].order))
    earliest = [use.role.title for use in uses if use.levels[0].level == level]
    share = "every role that asks for it" if n == len(uses) else f"{n} of the {len(uses)} roles that ask for it"
    if level.order == min(lv.order for lv in firsts):
        when = (
            f"so most people learn it before or in their first years at work ({level.years} of experience), "
            "in study, in projects of their own or on the job"
        )
    else:
        when = (
            f"so most people learn it on the job, after some years of work ({level.years} of experience), "
            "once the work calls for it"
        )
    return (
        f"{share[0].upper()}{share[1:]} first asks for {skill.name} at the {level.short_name} level "
        f"({join(earliest[:NAMED_ROLES])}{' and others' if len(earliest) > NAMED_ROLES else ''}), {when}."
    )


def asked_alongside(skill: Skill, related: Sequence[Skill]) -> str:
    """ "It comes up most often with SQL (in 6 levels), Git (4) and Docker (3)." """
    if not related:
        return ""
    shared = [getattr(s, "shared", 0) for s in related]
    named = [f"{s.name} ({_count(n, 'level', 'levels')})" for s, n in zip(related, shared, strict=True)]
    return (
        f"The levels that ask for {skill.name} most often ask for these too: {join(named)}. "
        "Learning them together is how the roles use them."
    )
