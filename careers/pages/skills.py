"""A skill's page: what it is, which roles ask for it and from which level (start or deepen), what those levels pay,
the skills asked for alongside it and where people usually pick it up.

It joins the catalog and pay, so it lives here (roles <- salaries <- careers). Read in a fixed number of queries:
the skill, the roles asking with the levels that ask, the skills alongside, the home location and its bands.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from django.http import Http404

from careers.pages import narrative
from careers.web.indexing import skill_is_indexable
from roles import narrative as skill_words
from roles.models import Level, Role, RoleLevel, Skill
from salaries.models import Location, SalaryBand

RELATED_SKILLS = 8


@dataclass(frozen=True)
class SkillUse:
    """One role that asks for the skill: the levels that ask, in ladder order, and the pay where it first asks."""

    role: Role
    levels: list[RoleLevel]
    from_the_start: bool
    first_band: SalaryBand | None

    @property
    def first(self) -> RoleLevel:
        return self.levels[0]

    @property
    def deepened_at(self) -> list[RoleLevel]:
        return self.levels[1:]


@dataclass
class SkillPage:
    skill: Skill
    kind_heading: str
    uses: list[SkillUse]
    related: list[Skill]
    home: Location | None
    bands: list[tuple[RoleLevel, SalaryBand]]

    @property
    def roles(self) -> list[Role]:
        return [use.role for use in self.uses]

    @property
    def level_count(self) -> int:
        return sum(len(use.levels) for use in self.uses)

    @property
    def indexable(self) -> bool:
        return skill_is_indexable(roles=len(self.uses), levels=self.level_count)

    @cached_property
    def summary(self) -> str:
        return skill_words.skill_summary(self.skill, self.roles)

    @cached_property
    def description(self) -> str:
        return skill_words.skill_description(self.skill, self.uses)

    @cached_property
    def start_and_deepen(self) -> list[str]:
        return skill_words.start_and_deepen(self.skill, self.uses)

    @cached_property
    def how_people_learn(self) -> str:
        return skill_words.how_people_learn(self.skill, self.uses)

    @cached_property
    def alongside(self) -> str:
        return skill_words.asked_alongside(self.skill, self.related)

    @cached_property
    def pay(self) -> list[str]:
        return narrative.skill_pay(self.skill, self.bands, self.home)


def read_skill(slug: str) -> SkillPage:
    """The page of a skill a published role asks for; 404 for any other."""
    try:
        skill = Skill.objects.in_published_use().get(slug=slug)
    except Skill.DoesNotExist:
        raise Http404("No published role asks for this skill") from None
    roles = sorted(Role.objects.published().asking_for(skill), key=lambda r: r.title.casefold())
    first_level = Level.objects.order_by("order").first()
    home = Location.objects.home()
    asked = [(role, role_level) for role in roles for role_level in role.levels_asking]
    found = (
        SalaryBand.objects.all_employers().filter(role__in=roles, location=home) if home else SalaryBand.objects.none()
    )
    by_place = {(band.role_id, band.level_id): band for band in found}
    bands = [(rl, by_place[role.pk, rl.level_id]) for role, rl in asked if (role.pk, rl.level_id) in by_place]
    uses = [
        SkillUse(
            role=role,
            levels=role.levels_asking,
            from_the_start=role.levels_asking[0].level_id == getattr(first_level, "pk", None),
            first_band=by_place.get((role.pk, role.levels_asking[0].level_id)),
        )
        for role in roles
    ]
    return SkillPage(
        skill=skill,
        kind_heading=skill_words.kind_words(skill.kind).heading,
        uses=uses,
        related=list(Skill.objects.asked_alongside(skill, RELATED_SKILLS)),
        home=home,
        bands=bands,
    )
