"""Assembling a career path: one role with its ladder, pay and questions, read in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from careers.models import FAQ
from careers.pages import narrative, role_rows
from roles.models import Role, RoleLevel, Skill
from salaries.employer_pay import EmployerPay
from salaries.models import Location
from salaries.pay import PayRange, RolePay


@dataclass(frozen=True)
class SkillRow:
    """One row of the level × skill view: where the ladder asks for a skill."""

    skill: Skill
    marks: list[str]  # per level: "start", "deepen" or ""


@dataclass
class CareerPath:
    role: Role
    pay: RolePay
    faqs: list[FAQ]
    by_employer: EmployerPay | None = None  # the bands by kind of employer, when the page quotes them

    @cached_property
    def ladder(self) -> list[RoleLevel]:
        return self.role.ladder

    @cached_property
    def home_location(self) -> Location | None:
        """Where the page quotes pay: the role's home location; the site's when the role has no figures yet."""
        return self.pay.home_location or Location.objects.home()

    @cached_property
    def pay_range(self) -> PayRange | None:
        return self.pay.range_in(self.home_location.slug) if self.home_location else None

    @cached_property
    def steps(self) -> list[dict]:
        """The ladder with each level's band in the home location, and its spread across kinds of employer in one
        line (when read)."""
        home = self.home_location.slug if self.home_location else ""
        return [
            {"role_level": rl, "band": self.pay.band(home, rl.level.slug), "employers": self.employer_line(rl)}
            for rl in self.ladder
        ]

    def employer_line(self, rl: RoleLevel) -> str:
        spread = self.by_employer.spread(rl.level.slug) if self.by_employer else None
        return narrative.employer_spread(*spread) if spread else ""

    @property
    def _where(self) -> str:
        """The name of the place the pay range is quoted for (the sentences that quote it say where)."""
        return self.home_location.name if self.home_location else ""

    @cached_property
    def skill_rows(self) -> list[SkillRow]:
        rows: dict[int, list[str]] = {}
        skills: dict[int, Skill] = {}
        for index, rl in enumerate(self.ladder):
            for skill in rl.skills:
                marks = rows.setdefault(skill.pk, [""] * len(self.ladder))
                skills[skill.pk] = skill
                marks[index] = "deepen" if any(marks[:index]) else "start"
        return [SkillRow(skills[pk], marks) for pk, marks in rows.items()]

    @cached_property
    def skills(self) -> list[Skill]:
        """Every skill the ladder asks for, in the order it first comes up (the rows of the skill matrix)."""
        return [row.skill for row in self.skill_rows]

    @cached_property
    def intro(self) -> str:
        return narrative.intro(self.role, str(self.pay_range) if self.pay_range else "", self._where)

    @cached_property
    def takeaways(self) -> list[str]:
        return narrative.takeaways(self.role, self.pay_range)

    @cached_property
    def questions(self) -> list[narrative.QA]:
        """The standard questions, then the ones editors added."""
        return narrative.standard_faqs(self.role, self.pay_range, self._where) + [
            narrative.QA(f.question, f.answer) for f in self.faqs
        ]


def role_bands(role: Role) -> tuple[RolePay, EmployerPay]:
    """The role's bands for all employers and by kind of employer, in one query: enough for each level's spread (no
    "rarely hires" marks, and only the kinds of employer that have figures).

    One prepared read (``careers.pages.role_rows``) rather than ``role_pay`` and a second query for the kinds of
    employer: building an ORM query costs about ten times running it (``python -m bench.profile``)."""
    # Unordered: RolePay and EmployerPay index the bands and sort what they return.
    bands = role_rows.role_band_rows(role)
    all_employers = [band for band in bands if band.employer_type_id is None]
    by_kind = [band for band in bands if band.employer_type_id is not None]
    kinds = {band.employer_type_id: band.employer_type for band in by_kind if band.employer_type}
    return RolePay(all_employers), EmployerPay(
        employer_types=sorted(kinds.values(), key=lambda et: (et.order, et.name)), bands=by_kind
    )


def read_career_path(slug: str, *, preview: bool = False, by_employer: bool = False) -> CareerPath:
    """The role's career path; with ``by_employer``, its pay by kind of employer too (read with the rest)."""
    role = role_rows.visible_role(slug, preview=preview)
    pay, employers = role_bands(role)
    faqs = role_rows.role_faqs(role)
    return CareerPath(role=role, pay=pay, faqs=faqs, by_employer=employers if by_employer else None)
