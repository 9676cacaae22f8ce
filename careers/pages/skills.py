"""A skill's page: what it is, which roles ask for it and from which level (start or deepen), what those levels pay,
the skills asked for alongside it and where people usually pick it up.

It joins the catalog and pay, so it lives here (roles <- salaries <- careers). Bounded at any size: the sentences come
from aggregates (roles.skill_reach, careers.pages.skill_pay), and the roles asking are listed a page at a time
(careers.pages.paging). So the page reads the same fixed number of queries, and weighs about the same, whether three
roles ask for the skill or thousands: the skill, the ladder's levels, the home location, the counts per level, the
roles named in sentences, the pay, the skills alongside, and one page of roles with their levels and pay.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from django.db.models import QuerySet
from django.db.models.functions import Lower
from django.http import Http404

from careers.pages import narrative
from careers.pages.paging import PageLinks, paginate
from careers.pages.skill_pay import Paid, SkillPay, read_skill_pay, with_median_in
from careers.web.indexing import skill_is_indexable
from roles import narrative as skill_words
from roles.models import Level, Role, RoleLevel, Skill
from roles.skill_reach import SkillReach, read_skill_reach
from salaries.models import Location

RELATED_SKILLS = 8


@dataclass(frozen=True)
class SkillUse:
    """One role that asks for the skill: the levels that ask, in ladder order, and the pay where it first asks."""

    role: Role
    levels: list[RoleLevel]
    from_the_start: bool
    first_pay: Paid | None

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
    reach: SkillReach
    uses: list[SkillUse]  # the roles of this page only
    pages: PageLinks
    related: list[Skill]
    home: Location | None
    paid: SkillPay | None

    @property
    def roles(self) -> list[Role]:
        return [use.role for use in self.uses]

    @property
    def indexable(self) -> bool:
        return skill_is_indexable(roles=self.reach.roles, levels=self.reach.levels)

    @cached_property
    def summary(self) -> str:
        return skill_words.skill_summary(self.skill, self.reach.first_titles(skill_words.NAMED_ROLES), self.reach.roles)

    @cached_property
    def description(self) -> str:
        return skill_words.skill_description(self.skill, self.reach)

    @cached_property
    def start_and_deepen(self) -> list[str]:
        return skill_words.start_and_deepen(self.skill, self.reach)

    @cached_property
    def how_people_learn(self) -> str:
        return skill_words.how_people_learn(self.skill, self.reach)

    @cached_property
    def alongside(self) -> str:
        return skill_words.asked_alongside(self.skill, self.related)

    @cached_property
    def pay(self) -> list[str]:
        return narrative.skill_pay(self.skill, self.paid, self.home)


def read_skill(slug: str, number: int = 1, *, path: str = "") -> SkillPage:
    """Page ``number`` of the page of a skill a published role asks for (the nearest page when there is no such
    page); 404 for any other skill. ``path``: the page's address, for the links to its other pages."""
    try:
        skill = Skill.objects.in_published_use().get(slug=slug)
    except Skill.DoesNotExist:
        raise Http404("No published role asks for this skill") from None
    levels = list(Level.objects.order_by("order"))
    home = Location.objects.home()
    roles = page_of_roles(skill, home)
    count = skill.role_count  # annotated by in_published_use: no count query for the paginator
    pages = paginate(roles, number, count=count, path=path or skill.get_absolute_url())
    return SkillPage(
        skill=skill,
        kind_heading=skill_words.kind_words(skill.kind).heading,
        reach=read_skill_reach(skill, levels),
        uses=uses_of(list(pages.page.object_list), levels[0] if levels else None),
        pages=pages,
        related=list(Skill.objects.asked_alongside(skill, RELATED_SKILLS)),
        home=home,
        paid=read_skill_pay(skill, home),
    )


def page_of_roles(skill: Skill, home: Location | None) -> QuerySet[Role]:
    """The roles asking, in title order, each with the levels asking and their median in ``home``: read a page at a
    time, the pay with the levels (each level finds its band by the unique role, level and place)."""
    levels = with_median_in(RoleLevel.objects.all(), home)
    return Role.objects.published().asking_for(skill, levels).order_by(Lower("title"), "title")


def uses_of(roles: list[Role], ladder_start: Level | None) -> list[SkillUse]:
    """``roles`` (one page, from ``page_of_roles``) with the pay at the level where each first asks."""
    uses = []
    for role in roles:
        levels = role.levels_asking  # type: ignore[attr-defined]  # prefetched by asking_for
        first = levels[0]
        uses.append(
            SkillUse(
                role=role,
                levels=levels,
                from_the_start=first.level_id == getattr(ladder_start, "pk", None),
                first_pay=Paid(first.title, first.median, first.currency) if first.median is not None else None,
            )
        )
    return uses
