"""One role as its pages show it, read through prepared reads (``careers.web.prepared``): SQL written once per
process, a handful of short queries per page.

``visible_role`` gives what ``Role.objects.visible().with_ladder().get(slug=…)`` gives (the family, the ladder with
each level and its skills, the moves out to published roles, the aliases), as the same model instances with the
same related rows in place, so templates and ``Role``'s helpers work unchanged; ``role_band_rows`` a role's pay
bands with their level, place and kind of employer; ``role_faqs`` the questions editors added.
``tests/careers/pages/test_role_rows.py`` holds each equal to the ORM's read, on SQLite and on PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Model
from django.http import Http404

from careers.models import FAQ
from careers.web.prepared import PreparedRead, columns, instances
from roles.models import Level, Role, RoleAlias, RoleFamily, RoleLevel, RoleLevelSkill, RoleRelation, Skill
from salaries.models import EmployerType, Location, SalaryBand

PUBLISHED = Role.Status.PUBLISHED


def _role_by_slug(*, preview: bool) -> PreparedRead:
    return PreparedRead(
        lambda slug: (
            Role.objects.visible(preview=preview)
            .filter(slug=slug)
            .order_by()
            .values_list(*columns(Role), *columns(RoleFamily, "family__"))
        ),
        by_text=True,
    )


# Built when the module is imported; each writes its SQL at its first use in a process.
_ROLE = {preview: _role_by_slug(preview=preview) for preview in (False, True)}
_LEVELS = PreparedRead(
    lambda role_id: (
        RoleLevel.objects.filter(role_id=role_id)
        .order_by()
        .values_list(*columns(RoleLevel), *columns(Level, "level__"))
    )
)
_LEVEL_SKILLS = PreparedRead(
    lambda role_id: (
        RoleLevelSkill.objects.filter(role_level__role_id=role_id)
        .order_by("order", "pk")
        .values_list(*columns(RoleLevelSkill), *columns(Skill, "skill__"))
    )
)
_MOVES_OUT = PreparedRead(
    lambda role_id: (
        RoleRelation.objects.filter(from_role_id=role_id, to_role__status=PUBLISHED)
        .order_by("order", "pk")
        .values_list(*columns(RoleRelation), *columns(Role, "to_role__"))
    )
)
_ALIASES = PreparedRead(
    lambda role_id: RoleAlias.objects.filter(role_id=role_id).order_by("name", "pk").values_list(*columns(RoleAlias))
)
_BANDS = PreparedRead(
    lambda role_id: (
        SalaryBand.objects.filter(role_id=role_id)
        .order_by()
        .values_list(
            *columns(SalaryBand),
            *columns(Level, "level__"),
            *columns(Location, "location__"),
            *columns(EmployerType, "employer_type__"),
        )
    )
)
_FAQS = PreparedRead(
    lambda role_id: FAQ.objects.filter(role_id=role_id).order_by("order", "pk").values_list(*columns(FAQ))
)


def _as_prefetched(instance: Model, name: str, related: Iterable[Model]) -> None:
    """Leave ``related`` where ``prefetch_related(name)`` leaves its rows, so ``instance.<name>.all()`` answers
    from them without a query. These are Django's own private attributes (as ``prefetch_one_level`` sets them):
    ``test_role_rows.py`` walks a role with no query allowed, so a Django that keeps them elsewhere fails there."""
    queryset = getattr(instance, name).get_queryset()
    queryset._result_cache = list(related)
    queryset._prefetch_done = True
    cache = instance.__dict__.setdefault("_prefetched_objects_cache", {})
    cache[name] = queryset


def _rows_of(role: Role, read: PreparedRead, model: type[Model]) -> list[Any]:
    """The role's rows of a table that holds nothing else of interest (its aliases, its questions), each pointing at
    the role."""
    made = [instances(row, model)[0] for row in read.rows(role.pk)]
    for instance in made:
        instance.role = role
    return made


def visible_role(slug: str, *, preview: bool = False) -> Role:
    """The published role with this slug (or a draft, for a staff preview) with its ladder; 404 otherwise."""
    rows = _ROLE[preview].rows(slug)
    if not rows:
        raise Http404("No such role")
    role, family = instances(rows[0], Role, RoleFamily)
    role.family = family
    known: dict[type[Model], dict[Any, Model]] = {Level: {}, Skill: {}}
    ladder: dict[int, RoleLevel] = {}
    for row in _LEVELS.rows(role.pk):
        role_level, level = instances(row, RoleLevel, Level, known=known)
        role_level.role = role
        role_level.level = level
        ladder[role_level.pk] = role_level
    asked: dict[int, list[RoleLevelSkill]] = {pk: [] for pk in ladder}
    for row in _LEVEL_SKILLS.rows(role.pk):
        level_skill, skill = instances(row, RoleLevelSkill, Skill, known=known)
        level_skill.role_level = ladder[level_skill.role_level_id]
        level_skill.skill = skill
        asked[level_skill.role_level_id].append(level_skill)
    for pk, role_level in ladder.items():
        _as_prefetched(role_level, "level_skills", asked[pk])
    moves = []
    for row in _MOVES_OUT.rows(role.pk):
        move, other = instances(row, RoleRelation, Role)
        move.from_role, move.to_role = role, other
        moves.append(move)
    aliases = _rows_of(role, _ALIASES, RoleAlias)
    _as_prefetched(role, "role_levels", ladder.values())
    _as_prefetched(role, "relations_out", moves)
    _as_prefetched(role, "aliases", aliases)
    return role


def role_band_rows(role: Role) -> list[SalaryBand]:
    """Every pay band of the role (all employers and each kind), unordered, with its level, place and kind of
    employer."""
    bands = []
    known: dict[type[Model], dict[Any, Model]] = {Level: {}, Location: {}, EmployerType: {}}
    for row in _BANDS.rows(role.pk):
        band, level, location, employer_type = instances(row, SalaryBand, Level, Location, EmployerType, known=known)
        band.role = role
        band.level, band.location, band.employer_type = level, location, employer_type
        bands.append(band)
    return bands


def role_faqs(role: Role) -> list[FAQ]:
    """The questions editors added to the role, in their order."""
    return _rows_of(role, _FAQS, FAQ)
