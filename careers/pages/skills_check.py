"""The skills check page of a role: its skills grouped by level, the answer for the skills and years in the address.

Nothing is stored and nobody signs in: the answer is a function of the address, so it can be shared. The rule and
the reading of the address are in careers/pages/check.py; this module reads the role and its pay (two reads,
whatever the answers) and puts the answer together for the template.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from careers.pages.check import (
    ECHO_LENGTH,
    MAX_YEARS,
    Answers,
    Rung,
    enough,
    fitting_level,
    read_answers,
    rule_in_words,
    share_text,
    skills_up_to,
    years_text,
)
from careers.pages.role_rows import visible_role
from careers.search import clean_query
from roles.models import Role, RoleLevel, Skill
from roles.text import join
from salaries.models import SalaryBand
from salaries.pay import Provenance, RolePay, provenance, role_pay


@dataclass(frozen=True)
class SkillGroup:
    """The checkboxes of one level: the skills it asks for first, and those it deepens from earlier levels."""

    role_level: RoleLevel
    new: list[Skill]
    deepened: list[Skill]


@dataclass(frozen=True)
class Step:
    """One level as the answer shows it: its pay where the role's figures are quoted, and what stands between you
    and it (the skills you lack of those asked up to it, how many of them reach the share, the years short)."""

    role_level: RoleLevel
    band: SalaryBand | None
    held: list[Skill]
    missing: list[Skill]
    to_add: int
    years_short: Decimal | None = None

    @property
    def asked(self) -> int:
        return len(self.held) + len(self.missing)

    @property
    def held_percent(self) -> int:
        """Rounded down, so that a share just under the bar never reads as the bar."""
        return len(self.held) * 100 // self.asked if self.asked else 100

    @property
    def add_text(self) -> str:
        """ "Add at least 2 of these 4 skills:", "Add this skill:"; empty when you use enough of them already."""
        if not self.to_add:
            return ""
        if self.to_add == len(self.missing):
            return "Add this skill:" if self.to_add == 1 else f"Add these {self.to_add} skills:"
        return f"Add at least {self.to_add} of these {len(self.missing)} skills:"

    @property
    def years_short_text(self) -> str:
        return years_text(self.years_short) if self.years_short is not None else ""


@dataclass
class SkillsCheck:
    role: Role
    pay: RolePay
    answers: Answers = field(default_factory=Answers)

    @cached_property
    def ladder(self) -> list[RoleLevel]:
        return self.role.ladder

    @cached_property
    def rungs(self) -> list[Rung]:
        return [Rung(rl.level.name, rl.level.min_years, tuple(skill.slug for skill in rl.skills)) for rl in self.ladder]

    @cached_property
    def skills(self) -> dict[str, Skill]:
        """Every skill the role asks for, by slug, in ladder order."""
        return {skill.slug: skill for rl in self.ladder for skill in rl.skills}

    @cached_property
    def groups(self) -> list[SkillGroup]:
        groups: list[SkillGroup] = []
        seen: set[str] = set()
        for rl in self.ladder:
            groups.append(
                SkillGroup(rl, [s for s in rl.skills if s.slug not in seen], [s for s in rl.skills if s.slug in seen])
            )
            seen.update(s.slug for s in rl.skills)
        return groups

    @cached_property
    def held(self) -> set[str]:
        return {slug for slug in self.answers.skills if slug in self.skills}

    @cached_property
    def notes(self) -> list[str]:
        unknown = [slug for slug in self.answers.skills if slug not in self.skills]
        notes = list(self.answers.notes)
        if unknown:
            shown = join([f"“{clean_query(slug)[:ECHO_LENGTH]}”" for slug in unknown[:3]])
            more = f" and {len(unknown) - 3} more" if len(unknown) > 3 else ""
            notes.insert(
                0,
                f"The check left out {len(unknown)} skill{'s' if len(unknown) != 1 else ''} that the "
                f"{self.role.title} ladder does not list: {shown}{more}.",
            )
        return notes

    max_years = MAX_YEARS

    @property
    def years_value(self) -> str:
        """The years as the form shows them again: "4.5", or empty."""
        years = self.answers.years
        return "" if years is None else format(years.normalize(), "f")

    @property
    def asked(self) -> bool:
        """Whether there is anything to answer: a tick or years (otherwise the page invites you to tick)."""
        return bool(self.answers.skills) or self.answers.years is not None

    @cached_property
    def fit(self) -> int | None:
        return fitting_level(self.rungs, self.held, self.answers.years)

    @cached_property
    def rule(self) -> list[str]:
        return rule_in_words(self.rungs)

    def step(self, index: int) -> Step:
        asked = skills_up_to(self.rungs, index)
        held = [self.skills[slug] for slug in asked if slug in self.held]
        years, first_year = self.answers.years, self.ladder[index].level.min_years
        home = self.pay.home_location
        return Step(
            role_level=self.ladder[index],
            band=self.pay.band(home.slug, self.ladder[index].level.slug) if home else None,
            held=held,
            missing=[self.skills[slug] for slug in asked if slug not in self.held],
            to_add=max(0, enough(len(asked)) - len(held)),
            years_short=first_year - years if years is not None and years < first_year else None,
        )

    @cached_property
    def current(self) -> Step | None:
        return self.step(self.fit) if self.fit is not None else None

    @cached_property
    def next(self) -> Step | None:
        index = 0 if self.fit is None else self.fit + 1
        return self.step(index) if index < len(self.ladder) else None

    @cached_property
    def why(self) -> str:
        """Why the answer is what it is, in the rule's own terms."""
        years = self.answers.years
        if self.current is None:
            first = self.next
            if first is None:  # a role without levels: nothing to fit
                return ""
            sentence = (
                f"The first level, {first.role_level.title}, asks you to use at least {enough(first.asked)} of its "
                f"{first.asked} skills; you ticked {len(first.held)}"
            )
            if first.years_short is not None:
                sentence += f", and it starts at {years_text(first.role_level.level.min_years)}"
            return sentence + "."
        step = self.current
        sentence = (
            f"You use {len(step.held)} of the {step.asked} skills the ladder asks for up to "
            f"{step.role_level.level.name} ({step.held_percent}%; {share_text()} is enough)"
        )
        if years is None:
            return sentence + ", and you left years blank, so the check went by skills alone."
        return sentence + (
            f", and your {years_text(years)} reach the start of its range "
            f"({years_text(step.role_level.level.min_years)})."
        )

    @cached_property
    def title(self) -> str:
        """The page's title, the same in the whole page and in the answer htmx swaps in."""
        if not self.asked:
            return f"{self.role.title} skills check: which level are you?"
        if self.current is None:
            return f"{self.role.title} skills check: no level fits yet"
        return f"{self.role.title} skills check: {self.current.role_level.level.name} fits"

    @cached_property
    def pay_provenance(self) -> Provenance:
        bands = [step.band for step in (self.current, self.next) if step and step.band]
        return provenance((band.source, band.as_of) for band in bands)


def read_check(slug: str, query_string: str, *, preview: bool = False) -> SkillsCheck:
    """The check of one visible role with the answers in ``query_string``: two reads (the role with its ladder,
    its pay), whatever the answers; 404 for an unknown role."""
    role = visible_role(slug, preview=preview)
    return SkillsCheck(role=role, pay=role_pay(role), answers=read_answers(query_string))
