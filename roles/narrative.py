"""The sentences of the catalog's own pages that quote data: how many skills of each kind, who asks for a skill.

Like careers.pages.narrative for the pages that join the catalog and pay: every count and name is read from the
database, never typed in content.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from .models import Skill
from .skill_reach import NAMED, SkillReach
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
    return f"{n:,} {one if n == 1 else many}"


def kind_words(kind: str) -> KindWords:
    # A kind the choices do not know (a hand-edited row) still gets a page, not a 500.
    return KINDS.get(kind) or KindWords(kind.title(), kind, kind)


def catalogue_summary(groups: list[SkillGroup]) -> str:
    """ "The 194 skills our career paths ask for, by kind: 14 languages, … and 9 people skills." """
    total = sum(len(g.skills) for g in groups)
    parts = [_count(len(g.skills), kind_words(g.kind).one, kind_words(g.kind).many) for g in groups]
    by_kind = f", by kind: {join(parts)}" if parts else ""
    return f"The {_count(total, 'skill', 'skills')} our career paths ask for{by_kind}."


def skill_summary(skill: Skill, titles: list[str], count: int) -> str:
    """ "Python is asked for by 15 roles, among them AI Engineer, Backend Developer and Data Engineer."

    ``titles``: the first of the ``count`` roles asking, by title (at least ``NAMED_ROLES`` of them when there are)."""
    if count <= NAMED_ROLES:
        return f"{skill.name} is asked for by {join(titles[:count])}."
    named = ", ".join(titles[:NAMED_ROLES])
    return f"{skill.name} is asked for by {count:,} roles, among them {named} and {count - NAMED_ROLES:,} more."


def some_of(titles: list[str], count: int) -> str:
    """ "A, B and C" when ``titles`` are all ``count``; "A, B, C and 40 more" when they are the first few."""
    if count <= len(titles):
        return join(titles)
    return f"{', '.join(titles)} and {count - len(titles):,} more"


def skill_description(skill: Skill, reach: SkillReach) -> str:
    """The page's description: what the skill is, then who asks for it (fitted to 160 characters by the page head)."""
    count = _count(reach.roles, "role", "roles")
    at = _count(reach.levels, "level", "levels")
    return f"{skill.description} {skill.name} is asked for by {count} at {at}: when, and what it pays."


def start_and_deepen(skill: Skill, reach: SkillReach) -> list[str]:
    """Whether roles expect the skill from their first level or add it later, and how long they keep asking.

    Counts cover every role; names are the first few by title (``skill_reach.NAMED`` at most in a sentence)."""
    if not reach.roles:
        return []
    sentences = []
    start = reach.from_the_start
    if start:
        sentences.append(
            f"{_count(start.count, 'role asks', 'roles ask')} for {skill.name} from the first level: "
            f"{some_of([role.title for role in start.named], start.count)}. "
            f"People are expected to bring it to their first job in {'this role' if start.count == 1 else 'them'}."
        )
    later = reach.added_later
    if later:
        count = sum(first.count for first in later)
        added = sorted(
            ((role.title, first.level.short_name) for first in later for role in first.named),
            key=lambda pair: pair[0].casefold(),
        )[:NAMED]
        named = [f"{title} at the {level} level" for title, level in added]
        if len(later) > 1 and count > len(added):
            # Not every role is named: say how many join at each level.
            each = join([f"{first.count:,} at the {first.level.short_name} level" for first in later])
            named_part = f"{each}; among them {some_of(named, count)}"
        else:
            named_part = some_of(named, count)
        sentences.append(f"{_count(count, 'role adds', 'roles add')} it further up the ladder: {named_part}.")
    deepest = reach.deepest
    if reach.deepening and deepest:
        sentences.append(
            f"In {_count(reach.deepening, 'role', 'roles')} it is not a box ticked once but a skill to deepen: "
            f"{deepest.role.title}, for one, asks for it at {deepest.levels:,} levels, "
            f"from {deepest.first_title} to {deepest.last_title}."
        )
    else:
        sentences.append(
            f"Each role asks for it at one level only: after that, the role's other skills take over, and "
            f"{skill.name} is expected as a matter of course."
        )
    return sentences


def how_people_learn(skill: Skill, reach: SkillReach) -> str:
    """Where people usually pick the skill up: the level at which most roles first ask for it."""
    if not reach.firsts:
        return ""
    most = max(reach.firsts, key=lambda first: (first.count, -first.level.order))
    level, n = most.level, most.count
    earliest = [role.title for role in most.named[:NAMED_ROLES]]
    share = "every role that asks for it" if n == reach.roles else f"{n:,} of the {reach.roles:,} roles that ask for it"
    if most is reach.firsts[0]:
        when = (
            f"so most people learn it before or in their first years at work ({level.years} of experience), "
            "in study, in projects of their own or on the job"
        )
    else:
        when = (
            f"so most people learn it on the job, after some years of work ({level.years} of experience), "
            "once the work calls for it"
        )
    verb = "asks" if n == reach.roles or n == 1 else "ask"
    return (
        f"{share[0].upper()}{share[1:]} first {verb} for {skill.name} at the {level.short_name} level "
        f"({join(earliest)}{' and others' if n > NAMED_ROLES else ''}), {when}."
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
