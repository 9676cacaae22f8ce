"""A role as one revision recorded it, rows keyed by what they are (a band by level, place and employer type), not by
their ids: the loader may write a row anew, and a row written anew is not a change."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import models
from reversion.errors import RevertError
from reversion.models import Version

from careers.models import FAQ
from roles.models import Role, RoleAlias, RoleLevel, RoleLevelSkill, RoleRelation
from salaries.models import RarelyHiring, SalaryBand

BandKey = tuple[int, int, int | None]  # level, location, employer type (None: all employers)


@dataclass
class Snapshot:
    """What one revision says about one role: its own fields and its rows."""

    role: dict[str, Any]
    levels: dict[int, dict[str, Any]] = field(default_factory=dict)  # level id -> the row, with "skills" in order
    bands: dict[BandKey, dict[str, Any]] = field(default_factory=dict)
    moves: dict[int, dict[str, Any]] = field(default_factory=dict)  # role moved to -> the row
    aliases: set[str] = field(default_factory=set)
    questions: dict[str, str] = field(default_factory=dict)  # question -> answer
    rarely_hired_by: set[int] = field(default_factory=set)  # employer type ids

    @property
    def status(self) -> str:
        return str(self.role.get("status", ""))

    @property
    def public(self) -> bool:
        return self.status == Role.Status.PUBLISHED


def _fields(version: Version, model: type[models.Model]) -> dict[str, Any] | None:
    """The row's fields by attribute name (``role_id``), or None for a row whose stored form no longer fits the
    model (never shown, never fatal). JSON, reversion's format here, is read directly: building a model instance per
    row, as ``Version.field_dict`` does, costs several times more, for every row of every version compared."""
    if version.format != "json":
        try:
            return dict(version.field_dict)
        except (RevertError, LookupError, ValueError, TypeError):
            return None
    try:
        (stored,) = json.loads(version.serialized_data)
        values = stored["fields"]
    except (ValueError, TypeError, KeyError):
        return None
    data: dict[str, Any] = {model._meta.pk.attname: stored.get("pk")}
    for column in model._meta.concrete_fields:
        if column.name in values:
            data[column.attname] = values[column.name]
    return data


def role_snapshot(versions: Iterable[Version], role_id: int) -> Snapshot | None:
    """The role's own fields only (enough to say whether that version was public), or None if absent."""
    for version in versions:
        if version._model is Role and str(version.object_id) == str(role_id):
            data = _fields(version, Role)
            return Snapshot(role=data) if data is not None else None
    return None


def snapshot(versions: Iterable[Version], role_id: int) -> Snapshot | None:
    """The role ``role_id`` in these versions (one revision's, which may hold other roles too), or None if absent."""
    rows: list[tuple[type, dict[str, Any]]] = []
    own: dict[str, Any] | None = None
    for version in versions:
        model = version._model
        if model is None:
            continue
        data = _fields(version, model)
        if data is None:
            continue
        if model is Role:
            if str(version.object_id) == str(role_id):
                own = data
            continue
        rows.append((model, data))
    if own is None:
        return None
    shot = Snapshot(role=own)
    level_of: dict[int, int] = {}  # role level id -> level id
    for model, data in rows:
        if model is RoleLevel and data.get("role_id") == role_id:
            shot.levels[data["level_id"]] = {**data, "skills": []}
            level_of[data["id"]] = data["level_id"]
    skills: dict[int, list[tuple[int, int]]] = {}
    for model, data in rows:
        if model is RoleLevelSkill and data.get("role_level_id") in level_of:
            skills.setdefault(level_of[data["role_level_id"]], []).append((data["order"], data["skill_id"]))
        elif model is SalaryBand and data.get("role_id") == role_id:
            shot.bands[(data["level_id"], data["location_id"], data.get("employer_type_id"))] = data
        elif model is RoleRelation and data.get("from_role_id") == role_id:
            shot.moves[data["to_role_id"]] = data
        elif model is RoleAlias and data.get("role_id") == role_id:
            shot.aliases.add(data["name"])
        elif model is FAQ and data.get("role_id") == role_id:
            shot.questions[data["question"]] = data["answer"]
        elif model is RarelyHiring and data.get("role_id") == role_id:
            shot.rarely_hired_by.add(data["employer_type_id"])
    for level_id, pairs in skills.items():
        shot.levels[level_id]["skills"] = [skill for _, skill in sorted(pairs)]
    return shot
