"""What the levels asking for a skill pay in the home location: how many have figures, the lowest and highest medians
and the middle one, each with the title of its level.

One query whatever the number of roles: the database ranks the levels asking by their median and sends back three.
It starts from the levels asking for the skill (each finds its band through the unique band of a role, level and
place), so its work follows the skill's roles, never every band of the home location.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery, Window
from django.db.models.functions import Lower, RowNumber

from roles.models import RoleLevel, Skill
from roles.skill_reach import asking
from salaries.models import Location, SalaryBand


@dataclass(frozen=True)
class Paid:
    """One level's median, with the level's title ("Junior Backend Developer")."""

    title: str
    median: int
    currency: str


@dataclass(frozen=True)
class SkillPay:
    levels: int  # how many levels asking for the skill have a figure in the home location
    low: Paid
    middle: Paid
    high: Paid


def with_median_in(levels: QuerySet[RoleLevel], home: Location | None) -> QuerySet[Any]:
    """Role levels annotated with ``median`` and ``currency``, their all-employer band's in ``home`` (None without one):
    each level finds its band through the unique band of a role, level and place. (Typed ``Any``: django-stubs lose
    annotations made in another function.)"""
    band = SalaryBand.objects.all_employers().filter(role=OuterRef("role"), level=OuterRef("level"), location=home)
    return levels.annotate(median=Subquery(band.values("median")[:1]), currency=Subquery(band.values("currency")[:1]))


def read_skill_pay(skill: Skill, home: Location | None) -> SkillPay | None:
    """None when no level asking for the skill has a figure in ``home`` (or there is no home location)."""
    if home is None:
        return None
    # Ordered by median, then by role title and ladder order (the order the page lists them in), so that equal
    # medians are told apart the same way every time. The middle is the one at half the count (the upper middle).
    order = [F("median").asc(), Lower("role__title").asc(), F("role__title").asc(), F("level__order").asc()]
    ranked = (
        with_median_in(asking(skill), home)
        .filter(median__isnull=False)
        .annotate(position=Window(RowNumber(), order_by=order), total=Window(Count("pk")))
        .filter(Q(position=1) | Q(position=F("total")) | Q(position=F("total") / 2 + 1))
        .only("title")
        .order_by("position")
    )
    rows = list(ranked)
    if not rows:
        return None
    at = {row.position: Paid(row.title, row.median, row.currency) for row in rows}
    total = rows[0].total
    return SkillPay(levels=total, low=at[1], middle=at[total // 2 + 1], high=at[total])
