"""One level of one role in depth: the work, the skills, pay in every city, and how to move up.

Read in a fixed number of queries (the role with its ladder, then its bands); the rest is arithmetic
on what was read. Its sentences are written by careers.pages.narrative from the data, never typed in content.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from django.http import Http404

from careers.pages import narrative
from careers.pages.role_rows import visible_role
from roles.models import Role, RoleLevel, Skill
from salaries.models import SalaryBand
from salaries.pay import RolePay, role_pay


@dataclass
class LevelPage:
    role: Role
    pay: RolePay
    role_level: RoleLevel
    previous: RoleLevel | None
    next: RoleLevel | None

    @cached_property
    def bands(self) -> list[SalaryBand]:
        """This level's pay in every location, the country first."""
        return self.pay.for_level(self.role_level.level.slug)

    @cached_property
    def home_band(self) -> SalaryBand | None:
        home = self.pay.home_location
        return self.pay.band(home.slug, self.role_level.level.slug) if home else None

    @cached_property
    def skills_to_add(self) -> list[Skill]:
        """What the next level asks for that this one does not."""
        if self.next is None:
            return []
        held = {s.pk for s in self.role_level.skills}
        return [s for s in self.next.skills if s.pk not in held]

    @cached_property
    def skills_to_deepen(self) -> list[Skill]:
        """What this level and the next both ask for: keep growing these."""
        if self.next is None:
            return []
        held = {s.pk for s in self.role_level.skills}
        return [s for s in self.next.skills if s.pk in held]

    @cached_property
    def heading(self) -> str:
        """The level's name on its page, never the same as the role's (careers.pages.narrative)."""
        return narrative.level_heading(self.role, self.role_level)

    @cached_property
    def move_up(self) -> str:
        """The next step in words (careers.pages.narrative)."""
        return narrative.move_up(self)


def read_level(role_slug: str, level_slug: str, *, preview: bool = False) -> LevelPage:
    """The page for one published role at one level; 404 for an unknown role or a level it lacks."""
    role = visible_role(role_slug, preview=preview)
    ladder = role.ladder
    index = next((i for i, rl in enumerate(ladder) if rl.level.slug == level_slug), None)
    if index is None:
        raise Http404("No such level")
    return LevelPage(
        role=role,
        pay=role_pay(role),
        role_level=ladder[index],
        previous=ladder[index - 1] if index > 0 else None,
        next=ladder[index + 1] if index + 1 < len(ladder) else None,
    )
