"""Moving from one role to another: shared skills, skills to learn, a skill overlap figure and pay side by side.

Skill overlap, as the page states it: the skills both roles ask for (at any level) divided by all the
skills the target role asks for (at any level), as a whole percent rounded half up. It answers "how much
of the new role do I already know?", so it is not symmetric: A -> B and B -> A usually differ.

Read in a fixed number of queries: both roles with their ladders together, then both roles' bands.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from django.http import Http404

from careers.pages import narrative
from careers.web.indexing import move_is_indexable
from roles.models import Level, Role, RoleLevel, RoleRelation, Skill
from salaries.models import SalaryBand
from salaries.pay import RolePay


def first_asked(role: Role) -> dict[int, tuple[RoleLevel, Skill]]:
    """Every skill the role asks for (keyed by pk), with the lowest level that asks for it, in ladder order."""
    seen: dict[int, tuple[RoleLevel, Skill]] = {}
    for role_level in role.ladder:
        for skill in role_level.skills:
            seen.setdefault(skill.pk, (role_level, skill))
    return seen


def overlap_percent(shared: int, total: int) -> int | None:
    """shared / total as a whole percent, halves rounded up (1 of 8 -> 13); None when total is 0."""
    if total <= 0:
        return None
    return (200 * shared + total) // (2 * total)


@dataclass(frozen=True)
class SkillGroup:
    """Skills to learn that the target role first asks for at this level."""

    role_level: RoleLevel
    skills: list[Skill]


@dataclass(frozen=True)
class PayRow:
    """One level: the median of each role in the same location, and how the target compares."""

    level: Level
    source_level: RoleLevel | None
    target_level: RoleLevel | None
    source: SalaryBand | None
    target: SalaryBand | None

    @property
    def difference(self) -> int | None:
        if self.source is None or self.target is None or self.source.currency != self.target.currency:
            return None
        return self.target.median - self.source.median

    @property
    def gap(self) -> int:
        """The difference without its sign: money formats amounts, the page says "more" or "less"."""
        return abs(self.difference or 0)

    @property
    def direction(self) -> str:
        diff = self.difference
        if diff is None:
            return ""
        return "more" if diff > 0 else "less" if diff < 0 else "same"


@dataclass
class Move:
    source: Role
    target: Role
    source_pay: RolePay
    target_pay: RolePay

    @cached_property
    def _source_skills(self) -> dict[int, tuple[RoleLevel, Skill]]:
        return first_asked(self.source)

    @cached_property
    def _target_skills(self) -> dict[int, tuple[RoleLevel, Skill]]:
        return first_asked(self.target)

    @cached_property
    def shared(self) -> list[Skill]:
        """Skills both roles ask for, in the target's ladder order."""
        return [skill for pk, (_, skill) in self._target_skills.items() if pk in self._source_skills]

    @cached_property
    def to_learn(self) -> list[SkillGroup]:
        """The target's skills the source never asks for, grouped by the lowest target level asking for them."""
        groups: dict[int, SkillGroup] = {}
        for pk, (role_level, skill) in self._target_skills.items():
            if pk not in self._source_skills:
                groups.setdefault(role_level.pk, SkillGroup(role_level, [])).skills.append(skill)
        return list(groups.values())

    @property
    def target_skill_count(self) -> int:
        return len(self._target_skills)

    @cached_property
    def overlap(self) -> int | None:
        return overlap_percent(len(self.shared), self.target_skill_count)

    @cached_property
    def overlap_sentence(self) -> str:
        return narrative.overlap_sentence(self)

    @cached_property
    def relation(self) -> RoleRelation | None:
        return next((rel for rel in self.source.relations_out.all() if rel.to_role_id == self.target.pk), None)

    @property
    def indexable(self) -> bool:
        return move_is_indexable(self.relation)

    @cached_property
    def location(self):
        """Where pay is compared: the source's home location (the country), when the target is paid there too."""
        home = self.source_pay.home_location
        return home if home and self.target_pay.in_location(home.slug) else None

    @cached_property
    def pay_rows(self) -> list[PayRow]:
        if self.location is None:
            return []
        slug = self.location.slug
        source_levels = {rl.level.pk: rl for rl in self.source.ladder}
        target_levels = {rl.level.pk: rl for rl in self.target.ladder}
        levels = sorted({rl.level for rl in self.source.ladder + self.target.ladder}, key=lambda lv: lv.order)
        rows = [
            PayRow(
                level,
                source_levels.get(level.pk),
                target_levels.get(level.pk),
                self.source_pay.band(slug, level.slug),
                self.target_pay.band(slug, level.slug),
            )
            for level in levels
        ]
        return [row for row in rows if row.source or row.target]

    @cached_property
    def pay_sentence(self) -> str:
        """How the medians compare at the first level where both roles are paid (careers.pages.narrative)."""
        return narrative.pay_sentence(self)


def read_move(source_slug: str, target_slug: str, *, preview: bool = False) -> Move:
    """Two different published roles (drafts too in a staff preview); 404 for the same role twice or an unknown one."""
    if source_slug == target_slug:
        raise Http404("A move needs two different roles")
    visible = Role.objects.visible(preview=preview).with_ladder()
    roles = {r.slug: r for r in visible.filter(slug__in=[source_slug, target_slug])}
    if len(roles) != 2:
        raise Http404("No such role")
    source, target = roles[source_slug], roles[target_slug]
    bands = list(
        SalaryBand.objects.all_employers().filter(role__in=[source, target]).select_related("level", "location")
    )
    return Move(
        source=source,
        target=target,
        source_pay=RolePay([b for b in bands if b.role_id == source.pk]),
        target_pay=RolePay([b for b in bands if b.role_id == target.pk]),
    )
