"""What changed between two snapshots of a role, as lines in words (careers.changes.narrative writes them).

Names of what a row points at (levels, places, skills, roles) are read in one query per kind, only for what changed.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import models
from django.utils.formats import date_format

from roles.models import Level, Role, RoleFamily, Skill
from salaries.models import EmployerType, Location

from . import narrative
from .snapshot import Snapshot

Place = tuple[int, int | None]  # location, employer type (None: all employers)

# Stored per change: enough for a reader, bounded for the pages (the rest is "N more changes").
MAX_LINES = 8
# The role's own texts, as a reader names them.
ROLE_TEXTS = {"summary": "Summary", "body": "Overview"}
LEVEL_TEXTS = {"what_you_do": "What the {level} level does", "manager_track": "Management track for {level}",
               "specialist_track": "Specialist track for {level}"}  # fmt: skip
PAY_FIGURES = ("low", "median", "high")


@dataclass
class _Names:
    """Ids wanted per model, then read in one query per model."""

    wanted: dict[type[models.Model], set] = field(default_factory=lambda: defaultdict(set))
    found: dict[tuple[type[models.Model], object], models.Model] = field(default_factory=dict)

    def want(self, model: type[models.Model], *pks: object) -> None:
        self.wanted[model].update(pk for pk in pks if pk is not None)

    def read(self) -> None:
        for model, pks in self.wanted.items():
            if not pks:
                continue
            for obj in model._default_manager.filter(pk__in=pks):
                self.found[(model, obj.pk)] = obj

    def get(self, model: type[models.Model], pk: object) -> models.Model | None:
        return self.found.get((model, pk))

    def name(self, model: type[models.Model], pk: object) -> str:
        obj = self.get(model, pk)
        return str(getattr(obj, "name", None) or obj) if obj is not None else "a removed entry"


def changes(older: Snapshot, newer: Snapshot) -> list[str]:
    """The lines saying what differs, the role's own fields first, then levels, skills, pay, moves, the rest."""
    return changes_of([(older, newer)])[0]


def changes_of(pairs: list[tuple[Snapshot, Snapshot]]) -> list[list[str]]:
    """``changes`` for many pairs at once (a load's chunk of roles): the names they quote read once for all."""
    names = _Names()
    for older, newer in pairs:
        _want_names(older, newer, names)
    names.read()
    return [_lines(older, newer, names) for older, newer in pairs]


def _lines(older: Snapshot, newer: Snapshot, names: _Names) -> list[str]:
    lines = [
        *_role_lines(older, newer, names),
        *_level_lines(older, newer, names),
        *_pay_lines(older, newer, names),
        *_move_lines(older, newer, names),
        *_other_lines(older, newer, names),
    ]
    if len(lines) > MAX_LINES:
        lines = [*lines[: MAX_LINES - 1], narrative.more(len(lines) - MAX_LINES + 1)]
    return lines


def _want_names(older: Snapshot, newer: Snapshot, names: _Names) -> None:
    """Only what a line will name: nothing at all when nothing a reader sees changed."""
    if older.role.get("family_id") != newer.role.get("family_id"):
        names.want(RoleFamily, newer.role.get("family_id"))
    for level_id in older.levels.keys() | newer.levels.keys():
        old, new = older.levels.get(level_id), newer.levels.get(level_id)
        if old != new:
            names.want(Level, level_id)
        if old and new:
            names.want(Skill, *(set(old["skills"]) ^ set(new["skills"])))
    for key in older.bands.keys() | newer.bands.keys():
        if older.bands.get(key) != newer.bands.get(key):
            names.want(Level, key[0])
            names.want(Location, key[1])
            names.want(EmployerType, key[2])
    names.want(
        Role, *(pk for pk in older.moves.keys() | newer.moves.keys() if older.moves.get(pk) != newer.moves.get(pk))
    )
    names.want(EmployerType, *(older.rarely_hired_by ^ newer.rarely_hired_by))


def _role_lines(older: Snapshot, newer: Snapshot, names: _Names) -> list[str]:
    old, new = older.role, newer.role
    lines = []
    if old.get("title") != new.get("title"):
        lines.append(narrative.renamed(str(old.get("title")), str(new.get("title"))))
    if old.get("family_id") != new.get("family_id"):
        lines.append(narrative.moved_to_field(names.name(RoleFamily, new.get("family_id"))))
    for name, what in ROLE_TEXTS.items():
        if (old.get(name) or "") != (new.get(name) or ""):
            lines.append(narrative.text_change(what, old.get(name) or "", new.get(name) or ""))
    return lines


def _level_name(names: _Names, level_id: int) -> str:
    return names.name(Level, level_id)


def _level_order(names: _Names, level_id: int) -> tuple[int, int]:
    level = names.get(Level, level_id)
    return (getattr(level, "order", 0), level_id)


def _level_lines(older: Snapshot, newer: Snapshot, names: _Names) -> list[str]:
    lines = []
    for level_id in sorted(older.levels.keys() | newer.levels.keys(), key=lambda pk: _level_order(names, pk)):
        level = _level_name(names, level_id)
        old, new = older.levels.get(level_id), newer.levels.get(level_id)
        if old is None or new is None:
            lines.append(narrative.level_added(level) if old is None else narrative.level_removed(level))
            continue
        if old.get("title") != new.get("title"):
            lines.append(narrative.level_title(level, str(new.get("title"))))
        for name, what in LEVEL_TEXTS.items():
            if (old.get(name) or "") != (new.get(name) or ""):
                lines.append(narrative.text_change(what.format(level=level), old.get(name) or "", new.get(name) or ""))
        if old["skills"] != new["skills"]:
            added = [names.name(Skill, pk) for pk in new["skills"] if pk not in old["skills"]]
            removed = [names.name(Skill, pk) for pk in old["skills"] if pk not in new["skills"]]
            lines.append(narrative.skills(level, added, removed))
    return lines


def _pay_move(old: dict | None, new: dict | None) -> str | None:
    if old is None or new is None:
        return "added" if old is None else "removed"
    if new["median"] != old["median"]:
        return "raised" if new["median"] > old["median"] else "lowered"
    if any(old[name] != new[name] for name in PAY_FIGURES):
        return "range"
    return None


def _pay_lines(older: Snapshot, newer: Snapshot, names: _Names) -> list[str]:
    """Bands that moved the same way in one place are one line (its levels listed); places whose same levels moved
    the same way are one line too. New dates or sources of figures are one line each, whatever the bands."""
    by_place: dict[tuple[str, Place], list[int]] = defaultdict(list)
    dated: set = set()
    sourced = False
    for key in older.bands.keys() | newer.bands.keys():
        old, new = older.bands.get(key), newer.bands.get(key)
        move = _pay_move(old, new)
        if move is not None:
            by_place[(move, (key[1], key[2]))].append(key[0])
        if old is not None and new is not None:
            if old.get("as_of") != new.get("as_of"):
                dated.add(new.get("as_of"))
            sourced = sourced or old.get("source") != new.get("source")
    grouped: dict[tuple[str, tuple[int, ...]], list[Place]] = defaultdict(list)
    for (move, place), level_ids in by_place.items():
        grouped[(move, tuple(sorted(level_ids, key=lambda pk: _level_order(names, pk))))].append(place)
    lines = []
    moves = list(narrative.PAY_MOVES)
    for (move, levels), places in sorted(grouped.items(), key=lambda item: (moves.index(item[0][0]), item[0][1])):
        place_names = [
            narrative.pay_place(names.name(Location, loc), names.name(EmployerType, et) if et else None)
            for loc, et in sorted(places, key=lambda p: (_place_order(names, p), p[1] or 0))
        ]
        lines.append(narrative.pay([_level_name(names, pk) for pk in levels], place_names, move))
    if dated:
        newest = max(dated, key=str)
        lines.append(narrative.pay_dated(_month(newest)))
    if sourced:
        lines.append(narrative.pay_source())
    return lines


def _place_order(names: _Names, place: tuple[int, int | None]) -> tuple[int, int]:
    location = names.get(Location, place[0])
    return (getattr(location, "order", 0), place[0])


def _month(value: object) -> str:
    """A stored date ("2026-11-01", as JSON keeps it) as "November 2026"."""
    try:
        day = value if isinstance(value, datetime.date) else datetime.date.fromisoformat(str(value))
        return date_format(day, "F Y")
    except ValueError:
        return str(value)


def _move_lines(older: Snapshot, newer: Snapshot, names: _Names) -> list[str]:
    lines = []
    for to_role in sorted(older.moves.keys() | newer.moves.keys()):
        target = names.get(Role, to_role)
        # A move into a draft (or a role gone since) names nothing the public may not see.
        if not isinstance(target, Role) or not target.is_published:
            continue
        old, new = older.moves.get(to_role), newer.moves.get(to_role)
        kind = str((new or old or {}).get("kind", ""))
        if old is None or new is None:
            lines.append(narrative.move(kind, target.title, "added" if old is None else "removed"))
        elif old.get("kind") != new.get("kind"):
            lines.append(narrative.move(kind, target.title, "added"))
        elif (old.get("note") or "") != (new.get("note") or ""):
            lines.append(narrative.move(kind, target.title, "explained anew"))
    return lines


def _other_lines(older: Snapshot, newer: Snapshot, names: _Names) -> list[str]:
    lines = [narrative.alias(name, True) for name in sorted(newer.aliases - older.aliases)]
    lines += [narrative.alias(name, False) for name in sorted(older.aliases - newer.aliases)]
    for text in sorted(newer.questions.keys() - older.questions.keys()):
        lines.append(narrative.question(text, "added"))
    for text in sorted(older.questions.keys() - newer.questions.keys()):
        lines.append(narrative.question(text, "removed"))
    for text in sorted(older.questions.keys() & newer.questions.keys()):
        if older.questions[text] != newer.questions[text]:
            lines.append(narrative.question(text, "answered anew"))
    for employer_type in sorted(newer.rarely_hired_by ^ older.rarely_hired_by):
        now = employer_type in newer.rarely_hired_by
        lines.append(narrative.rarely_hires(names.name(EmployerType, employer_type), now))
    return lines
