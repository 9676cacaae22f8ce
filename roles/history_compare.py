"""Comparing two saved versions of an object field by field, rows that follow it (levels, pay, moves…) included.

A read module: it takes two reversion revisions and says, in the admin's words (verbose names, choice labels,
the names of related rows), what differs between them. A level's skills are one ordered list, not rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import models
from reversion.models import Revision, Version

from roles.words import in_words

from .models import RoleLevelSkill

# Bookkeeping, not content: when a row changed is what the versions' dates already say.
SKIPPED = {"updated_at", "created_at", "changed_at", "removed_at"}
# A row's link to the object it belongs to (a band's role) never differs within that object's history.
PARENT_LINKS = {"role", "from_role", "role_level"}


@dataclass(frozen=True)
class Difference:
    """One line of a comparison: what (a field of a row), its value in the older and in the newer version."""

    what: str
    older: str
    newer: str


@dataclass(frozen=True)
class _Row:
    model: type[models.Model]
    label: str
    fields: dict[str, Any]
    own: bool  # the compared object itself, not a row that follows it


def _display(field: models.Field, value: Any, names: dict[tuple[type, Any], str], row: dict[str, Any]) -> str:
    if value is None or value == "":
        return "—"
    words = in_words(field.model._meta.label_lower, field.name, value, row)
    if words is not None:
        return words
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.ForeignKey):
        return names.get((field.related_model, value), f"#{value}")
    if isinstance(field, models.BooleanField):
        return "yes" if value else "no"
    return str(value)


def _rows(revision: Revision, parents: set[type]) -> dict[tuple[int, str], _Row]:
    """The revision's objects, keyed by (content type, object id); a level's skills folded into the level."""
    rows: dict[tuple[int, str], _Row] = {}
    skills: dict[str, list[tuple[int, int]]] = {}
    for version in revision.version_set.all():
        model = version._model
        if model is RoleLevelSkill:
            data = version.field_dict
            skills.setdefault(str(data["role_level_id"]), []).append((data["order"], data["skill_id"]))
            continue
        own = model in parents
        label = str(model._meta.verbose_name) if own else f"{model._meta.verbose_name} “{version}”"
        label = label[:1].upper() + label[1:]
        rows[(version.content_type_id, version.object_id)] = _Row(model, label, dict(version.field_dict), own)
    for key, row in rows.items():
        if row.model._meta.label == "roles.RoleLevel":
            row.fields["__skills__"] = [skill for _, skill in sorted(skills.get(key[1], []))]
    return rows


def _names(rows: list[_Row]) -> dict[tuple[type, Any], str]:
    """The names of every object a field points at, read in one query per model."""
    wanted: dict[type[models.Model], set] = {}
    for row in rows:
        for field in row.model._meta.concrete_fields:
            if isinstance(field, models.ForeignKey) and row.fields.get(field.attname) is not None:
                wanted.setdefault(field.related_model, set()).add(row.fields[field.attname])
        for skill in row.fields.get("__skills__", []):
            wanted.setdefault(RoleLevelSkill._meta.get_field("skill").related_model, set()).add(skill)
    names = {}
    for model, pks in wanted.items():
        names.update({(model, obj.pk): str(obj) for obj in model._default_manager.filter(pk__in=pks)})
    return names


def _row_fields(row: _Row, names) -> dict[str, tuple[str, str]]:
    """Field name -> (label, shown value) for the editable fields of a row."""
    out = {}
    for field in row.model._meta.concrete_fields:
        if field.primary_key or not field.editable or field.name in SKIPPED or field.attname not in row.fields:
            continue
        if not row.own and field.name in PARENT_LINKS:
            continue
        out[field.name] = (
            str(field.verbose_name).capitalize(),
            _display(field, row.fields[field.attname], names, row.fields),
        )
    if "__skills__" in row.fields:
        skill_model = RoleLevelSkill._meta.get_field("skill").related_model
        shown = ", ".join(names.get((skill_model, pk), f"#{pk}") for pk in row.fields["__skills__"]) or "—"
        out["__skills__"] = ("Skills, in order", shown)
    return out


def compare(older: Version, newer: Version) -> list[Difference]:
    """What differs between the revisions of these two versions of one object, the object's own fields first."""
    parents = {older._model}
    before, after = _rows(older.revision, parents), _rows(newer.revision, parents)
    names = _names(list(before.values()) + list(after.values()))
    differences: list[Difference] = []
    rows = {**before, **after}
    # The object's own fields first, then its rows in the order their kinds and labels sort.
    keys = sorted(rows, key=lambda k: (not rows[k].own, str(rows[k].model._meta.verbose_name), rows[k].label))
    for key in keys:
        old, new = before.get(key), after.get(key)
        old_fields = _row_fields(old, names) if old else {}
        new_fields = _row_fields(new, names) if new else {}
        label = rows[key].label  # the newer row's, as rows prefers after over before
        if old is None or new is None:
            summary = "; ".join(f"{name}: {value}" for name, value in (new_fields or old_fields).values())
            gone, added = ("—", summary) if old is None else (summary, "—")
            differences.append(Difference(f"{label} ({'added' if old is None else 'removed'})", gone, added))
            continue
        for name in new_fields:
            (field_label, was), (_, now) = old_fields.get(name, (new_fields[name][0], "—")), new_fields[name]
            if was != now:
                differences.append(Difference(f"{label} · {field_label}", was, now))
    return differences
