"""What the levels asking for a skill pay in the home location: how many have figures, the lowest and highest medians
and the middle one, each with the title of its level.

One query whatever the number of roles: the database ranks the bands by median and sends back three of them.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Exists, F, OuterRef, Q, Subquery, Window
from django.db.models.functions import Lower, RowNumber

from roles.models import Role, RoleLevel, RoleLevelSkill, Skill
from salaries.models import Location, SalaryBand


@dataclass(frozen=True)
class Paid:
    """One level's median, with the level's title ("Junior Backend Developer")."""

    title: str
    band: SalaryBand


@dataclass(frozen=True)
class SkillPay:
    levels: int  # how many levels asking for the skill have a figure in the home location
    low: Paid
    middle: Paid
    high: Paid


def read_skill_pay(skill: Skill, home: Location | None) -> SkillPay | None:
    """None when no level asking for the skill has a figure in ``home`` (or there is no home location)."""
    if home is None:
        return None
    asked = RoleLevelSkill.objects.filter(
        skill=skill, role_level__role=OuterRef("role"), role_level__level=OuterRef("level")
    )
    # Levels ordered by median, then by role title and ladder order: the order the page lists them in, so that equal
    # medians are told apart the same way every time. The middle is the one at half the count (the upper middle).
    order = [F("median").asc(), Lower("role__title").asc(), F("role__title").asc(), F("level__order").asc()]
    bands = (
        SalaryBand.objects.all_employers()
        .filter(Exists(asked), location=home, role__status=Role.Status.PUBLISHED)
        .annotate(
            title=Subquery(
                RoleLevel.objects.filter(role=OuterRef("role"), level=OuterRef("level")).values("title")[:1]
            ),
            position=Window(RowNumber(), order_by=order),
            total=Window(Count("pk")),
        )
        .filter(Q(position=1) | Q(position=F("total")) | Q(position=F("total") / 2 + 1))
        .only("median", "currency")
        .order_by("position")
    )
    found = list(bands)
    if not found:
        return None
    at = {band.position: Paid(band.title, band) for band in found}
    total = found[0].total
    return SkillPay(levels=total, low=at[1], middle=at[total // 2 + 1], high=at[total])
