"""Reads shared by the title pages: every title (two queries), and what one title's level does and pays at its kind
of employer (six queries, whatever the number of titles, roles or places)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, Max, Min, Prefetch, Q

from roles.models import Role, RoleLevel, RoleLevelSkill
from salaries.currency import currency_of
from salaries.models import EmployerType, Location, RarelyHiring, SalaryBand
from salaries.pay import PayRange

from . import narrative
from .models import JobTitle
from .narrative import display_name
from .normalise import normalise

MAX_ROLES = 8  # a family names up to a dozen roles; the page shows this many


def read_titles() -> list[JobTitle]:
    """Every title with its references, in the order of the index: by employer type, then the titles every kind of
    employer uses (our roles' own), each in the editors' order."""
    titles = list(JobTitle.objects.with_references())
    return sorted(
        titles, key=lambda t: (t.employer_type is None, t.employer_type.order if t.employer_type else 0, t.order)
    )


def read_employer_types() -> list[EmployerType]:
    return list(EmployerType.objects.all())


def display_names(titles: list[JobTitle]) -> dict[int, str]:
    """A name for each title that no other title shares (narrative.display_name)."""
    readings = Counter(normalise(t.name) for t in titles)
    return {t.pk: display_name(t, shared=readings[normalise(t.name)] > 1) for t in titles}


@dataclass(frozen=True)
class RoleAtLevel:
    """One role the title fits, at the title's level: what the work is, its skills, its pay at the kind of employer
    (or for all employers when the title belongs to every kind, or that kind has no figures)."""

    role: Role
    role_level: RoleLevel | None
    band: SalaryBand | None
    rarely_hired: bool


@dataclass
class TitleDetail:
    title: JobTitle
    home: Location | None
    roles: list[RoleAtLevel] = field(default_factory=list)
    level_range: PayRange | None = None
    level_roles: int = 0  # how many published roles the range spans

    @property
    def meaning(self) -> str:
        return narrative.meaning(self.title)

    @property
    def level_pay(self) -> str:
        return narrative.level_pay(self)


@dataclass(frozen=True)
class Reading:
    """A title as a list shows it: its unique name and a sentence on what it means."""

    title: JobTitle
    name: str
    why: str


def read_detail(title: JobTitle) -> TitleDetail:
    """The title's level at its kind of employer: the roles it fits there and what they pay in the home location."""
    home = Location.objects.home()
    detail = TitleDetail(title=title, home=home)
    named = [r.pk for r in title.roles.all()]
    # The roles the title names, or its family's; a title that names neither speaks for every role at its level.
    fits = Q(pk__in=named) | Q(family_id=title.family_id) if title.family_id else Q(pk__in=named)
    scoped = bool(named or title.family_id)
    roles = list(
        # Featured roles first: "SDE II" names the software family, whose best-known role leads the list.
        Role.objects.published()
        .filter(fits)
        .only("pk", "slug", "title", "family_id", "featured")
        .order_by("-featured", "title")[:MAX_ROLES]
    )
    levels = {
        rl.role_id: rl
        for rl in RoleLevel.objects.filter(role__in=roles, level_id=title.level_id)
        .select_related("level")
        .prefetch_related(Prefetch("level_skills", queryset=RoleLevelSkill.objects.select_related("skill")))
    }
    employer = Q(employer_type_id=title.employer_type_id) | Q(employer_type__isnull=True)
    bands: dict[int, SalaryBand] = {}
    shown = SalaryBand.objects.filter(employer, role__in=roles, level_id=title.level_id, location=home)
    for band in shown.select_related("employer_type"):
        # The kind of employer's own figure wins over the figure for all employers.
        if band.role_id not in bands or band.employer_type_id is not None:
            bands[band.role_id] = band
    rarely = set(
        RarelyHiring.objects.filter(role__in=roles, employer_type_id=title.employer_type_id).values_list(
            "role_id", flat=True
        )
    )
    detail.roles = [
        RoleAtLevel(role, levels.get(role.pk), None if role.pk in rarely else bands.get(role.pk), role.pk in rarely)
        for role in roles
    ]
    everyone = SalaryBand.objects.published().filter(level_id=title.level_id, location=home)
    if scoped:
        everyone = everyone.filter(role__in=Role.objects.published().filter(fits))
    everyone = (
        everyone.filter(employer_type_id=title.employer_type_id)
        if title.employer_type_id
        else everyone.filter(employer_type__isnull=True)
    )
    spread = everyone.aggregate(low=Min("low"), high=Max("high"), roles=Count("role", distinct=True))
    if spread["low"] is not None and home is not None:
        detail.level_range = PayRange(spread["low"], spread["high"], currency_of(home.country_code) or "INR")
        detail.level_roles = spread["roles"]
    return detail
