"""How far a skill reaches through the catalog, for the sentences of its page: how many roles and levels ask for it, at
which level each role first asks, how many keep asking further up, and a few roles of each kind by name.

Read in two queries whatever the number of roles (a skill can be asked for by thousands): the counts are aggregates
in the database, and only ``NAMED`` roles per level come back by name. A role's "first level" is the lowest level of
its ladder that asks for the skill; the role "deepens" the skill when a later level asks for it too.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Subquery, Window
from django.db.models.functions import Lower, RowNumber

from .models import Level, Role, RoleLevel, Skill

# How many roles a sentence names at most, per level where they first ask ("… and 40 more" for the rest).
NAMED = 10


@dataclass(frozen=True)
class FirstAsked:
    """The roles that first ask for the skill at one level: how many, and the first ``NAMED`` of them by title."""

    level: Level
    count: int
    named: list[Role]


@dataclass(frozen=True)
class Deepest:
    """The role that asks for the skill at the most levels, with the titles of the first and last of them."""

    role: Role
    levels: int
    first_title: str
    last_title: str


@dataclass(frozen=True)
class SkillReach:
    roles: int
    levels: int
    firsts: list[FirstAsked]  # in ladder order, only levels where some role first asks
    deepening: int  # roles that ask for it at more than one level
    deepest: Deepest | None
    ladder_start: Level | None  # the first level of every ladder

    @property
    def from_the_start(self) -> FirstAsked | None:
        """The roles that ask from the first level of the ladder, if any."""
        first = self.firsts[0] if self.firsts else None
        return first if first is not None and first.level == self.ladder_start else None

    @property
    def added_later(self) -> list[FirstAsked]:
        return [first for first in self.firsts if first is not self.from_the_start]

    def first_titles(self, count: int) -> list[str]:
        """The titles of the first ``count`` roles asking, in title order (``count`` at most ``NAMED``)."""
        named = [role for first in self.firsts for role in first.named]
        return [role.title for role in sorted(named, key=lambda role: role.title.casefold())[:count]]


def asking(skill: Skill) -> QuerySet[RoleLevel]:
    """The levels of published roles that ask for ``skill`` (a level asks for a skill once at most)."""
    return RoleLevel.objects.filter(role__status=Role.Status.PUBLISHED, level_skills__skill=skill)


def _same_role(skill: Skill, **lookups) -> Exists:
    """Another level of the same role that asks for ``skill``, at an order given by ``lookups``."""
    return Exists(asking(skill).filter(role=OuterRef("role"), **lookups))


def read_skill_reach(skill: Skill, levels: list[Level]) -> SkillReach:
    """``levels``: the whole ladder in order (a handful of rows, read by the caller once)."""
    first = ~_same_role(skill, level__order__lt=OuterRef("level__order"))
    deepens = _same_role(skill, level__order__gt=OuterRef("level__order"))
    # One row per level of the ladder: how many levels ask there, how many roles first ask there, and how many of
    # those keep asking further up. Summed, they give the totals: every role has exactly one first level.
    per_level = (
        asking(skill)
        .annotate(first=first, deepens=deepens)
        .values("level")
        .annotate(
            asked=Count("pk"),
            starting=Count("pk", filter=Q(first=True)),
            deepening=Count("pk", filter=Q(first=True, deepens=True)),
        )
        .order_by()
    )
    counts = {row["level"]: row for row in per_level}
    named, deepest = _named(skill)
    return SkillReach(
        roles=sum(row["starting"] for row in counts.values()),
        levels=sum(row["asked"] for row in counts.values()),
        firsts=[
            FirstAsked(level=level, count=counts[level.pk]["starting"], named=named.get(level.pk, []))
            for level in levels
            if level.pk in counts and counts[level.pk]["starting"]
        ],
        deepening=sum(row["deepening"] for row in counts.values()),
        deepest=deepest,
        ladder_start=levels[0] if levels else None,
    )


def _named(skill: Skill) -> tuple[dict[int, list[Role]], Deepest | None]:
    """The first ``NAMED`` roles by title at each level where roles first ask, and the role asking at the most
    levels (the first by title among equals): one query, at most ``NAMED`` rows a level and one more."""
    of_role = asking(skill).filter(role=OuterRef("role")).order_by()
    title_order = [Lower("role__title").asc(), F("role__title").asc()]
    rows = (
        asking(skill)
        .filter(~_same_role(skill, level__order__lt=OuterRef("level__order")))
        .annotate(
            depth=Subquery(of_role.values("role").annotate(n=Count("pk")).values("n")),
            last_title=Subquery(of_role.order_by("-level__order").values("title")[:1]),
            position=Window(RowNumber(), partition_by=[F("level")], order_by=title_order),
            depth_rank=Window(RowNumber(), order_by=[F("depth").desc(), *title_order]),
        )
        .filter(Q(position__lte=NAMED) | Q(depth_rank=1))
        .select_related("role")
        .only("title", "level_id", "role__title", "role__slug")
        .order_by("level__order", *title_order)
    )
    named: dict[int, list[Role]] = {}
    deepest = None
    for row in rows:
        if row.position <= NAMED:
            named.setdefault(row.level_id, []).append(row.role)
        if row.depth_rank == 1 and row.depth > 1:
            deepest = Deepest(row.role, row.depth, row.title, row.last_title)
    return named, deepest
