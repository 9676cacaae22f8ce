"""No silent overwrite: a change form knows the version it was opened at, and a save over a newer one is refused.

The version is a snapshot of what the editor was shown (the object's fields and every inline row, a level's
ordered skills included), signed and compressed into a hidden field. On save it is compared, inside the save's
transaction, with a snapshot of what the database holds now. When they differ nothing is saved: the form comes
back with everything the editor typed, who saved last and when, and what they changed next to what you changed.

The read side (snapshots and their differences) is here; roles.admin.concurrency hooks it into the admin.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, cast

from django import forms
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import models
from django.forms.formsets import BaseFormSet
from django.forms.models import BaseInlineFormSet

from roles.text import normalise_text
from roles.words import in_words

FIELD = "opened_version"
SALT = "roles.concurrency"
# Bookkeeping fields of inline forms: not content.
SKIPPED = {FIELD, "DELETE", "ORDER", "id"}


class VersionField(forms.CharField):
    """The hidden field that carries the version: never a change of the object itself."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        super().__init__(required=False, strip=False, **kwargs)

    def has_changed(self, initial, data) -> bool:
        return False


Snapshot = dict[str, dict[str, Any]]  # row key -> {"label": str, "fields": {name: raw value}}


def raw_value(value: Any) -> Any:
    """A form value in a form that survives JSON and compares equal to itself read back."""
    if value is None:
        return ""
    if isinstance(value, models.Model):
        return str(value.pk)
    if isinstance(value, list | tuple | models.QuerySet):
        return [raw_value(v) for v in value]
    if isinstance(value, bool):
        return "yes" if value else ""
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    if isinstance(value, str):
        return normalise_text(value).strip()
    return str(value)


def _posted(field: forms.Field, data: Any) -> Any:
    """What the editor sent, in the same form as a snapshot's value."""
    if isinstance(field, forms.ModelChoiceField):
        # Primary keys as sent, in the order sent (a level's skills are ordered).
        return [str(v) for v in data or []] if isinstance(data, list | tuple) else str(data or "")
    try:
        return raw_value(field.to_python(data))
    except ValidationError:
        return raw_value(data)


def form_values(form: forms.BaseForm, skip: set[str], *, bound: bool) -> dict[str, Any]:
    out = {}
    for name, field in form.fields.items():
        if name in skip:
            continue
        # A disabled field keeps its initial value whatever is posted (as Django's forms do).
        posted = bound and not field.disabled
        out[name] = _posted(field, form[name].data) if posted else raw_value(form.get_initial_for_field(field, name))
    return out


def _row_label(form: forms.ModelForm) -> str:
    """ "Salary band “Data Scientist · Senior · India”", or "New salary band" for a row being added."""
    opts = form._meta.model._meta
    if form.instance.pk is None:
        return f"New {opts.verbose_name}"
    return f"{str(opts.verbose_name).capitalize()} “{form.instance}”"


def snapshot(
    form: forms.ModelForm, formsets: list[BaseFormSet], *, bound: bool = False, labels: bool = True
) -> Snapshot:
    """The object and its inline rows as the forms show them: initial values, or (bound) what was posted.

    ``labels=False`` leaves the rows' names out (naming a pay band reads its role, level and location): for the
    comparison on every save, where only the values count.
    """
    shot: Snapshot = {
        "self": {
            "label": str(form._meta.model._meta.verbose_name).capitalize(),
            "fields": form_values(form, SKIPPED, bound=bound),
            "names": field_names(form, SKIPPED),
        }
    }
    for formset in formsets:
        shot.update(_formset_rows(formset, bound=bound, labels=labels))
    return shot


def _formset_rows(formset: BaseFormSet, *, bound: bool, labels: bool) -> Snapshot:
    # A formset that is not a model formset (the pay grid: a form per cell) names its own rows, in the same shape.
    if hasattr(formset, "version_rows"):
        return formset.version_rows(bound=bound, labels=labels)
    rows: Snapshot = {}
    assert isinstance(formset, BaseInlineFormSet)  # every other formset of a content admin is an inline's
    skip = SKIPPED | {formset.fk.name}
    for index, row in enumerate(formset.forms):
        if row.instance.pk is not None and index < formset.initial_form_count():
            key = row_key(row)
            deleted = bound and "DELETE" in row.fields and bool(row["DELETE"].data)
            fields = None if deleted else form_values(row, skip, bound=bound)
        elif bound and row.has_changed():
            key, fields = f"new:{row.prefix}", form_values(row, skip, bound=True)
        else:
            continue
        label = _row_label(row) if labels else ""
        rows[key] = {"label": label, "fields": fields, "names": field_names(row, skip)}
    return rows


def row_key(row: forms.ModelForm) -> str:
    """A model row's key in a snapshot: ``roles.rolealias:12``, or ``new:<prefix>`` for a row being added."""
    if row.instance.pk is None:
        return f"new:{row.prefix}"
    return f"{row._meta.model._meta.label_lower}:{row.instance.pk}"


def form_fields(form: forms.ModelForm, formsets: list[BaseFormSet]) -> dict[str, dict[str, forms.Field]]:
    """The form fields behind each row of a snapshot, to show its values in their words; rows of formsets that
    name their own (the pay grid) are shown by the words registered for them (roles.words)."""
    out = {"self": form.fields}
    for formset in formsets:
        if not hasattr(formset, "version_rows"):
            out.update({row_key(cast(forms.ModelForm, row)): row.fields for row in formset.forms})
    return out


def field_names(form: forms.BaseForm, skip: set[str]) -> dict[str, str]:
    return {
        name: str(field.label or name.replace("_", " ").capitalize())
        for name, field in form.fields.items()
        if name not in skip
    }


def shown(field: forms.Field | None, raw: Any, *, key: str = "", name: str = "", row: dict | None = None) -> str:
    """A snapshot's value in the admin's words: the name of a chosen row, a choice's label, "—" for nothing;
    ``key`` and ``name`` (the row and field) find the words other apps registered (pay in ₹)."""
    if raw in ("", None, []):
        return "—"
    words = in_words(key.partition(":")[0], name, raw, row or {}) if ":" in key else None
    if words is not None:
        return words
    if isinstance(field, forms.ModelMultipleChoiceField) and field.queryset is not None:
        names = {str(obj.pk): str(obj) for obj in field.queryset.filter(pk__in=raw)}
        return ", ".join(names.get(pk, pk) for pk in raw)
    if isinstance(field, forms.ModelChoiceField) and field.queryset is not None:
        return str(field.queryset.filter(pk=raw).first() or raw)
    if isinstance(field, forms.ChoiceField):
        # The field's setter makes its choices a list of pairs (or an iterator of them); the stubs allow more.
        return str(dict((str(k), v) for k, v in cast(Iterable[tuple[Any, Any]], field.choices)).get(str(raw), raw))
    return ", ".join(raw) if isinstance(raw, list) else str(raw)


def dumps(shot: Snapshot) -> str:
    return signing.dumps(shot, salt=SALT, compress=True)


def loads(token: str) -> Snapshot | None:
    """The snapshot in a token, or None for a missing or tampered one (then the save is refused too)."""
    try:
        return signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None


def same(opened: Snapshot | None, current: Snapshot) -> bool:
    """Whether nothing the editor was shown has changed since (labels aside: a renamed row is a changed field)."""
    if opened is None:
        return False
    return {k: v["fields"] for k, v in opened.items()} == {k: v["fields"] for k, v in current.items()}


@dataclass(frozen=True)
class Change:
    """One field of one row that differs from the version the editor opened."""

    key: tuple[str, str]
    what: str
    opened: Any
    now: Any


def changes(opened: Snapshot, later: Snapshot) -> dict[tuple[str, str], Change]:
    """Field by field, what ``later`` has that differs from ``opened``; a removed or added row is one change."""
    out: dict[tuple[str, str], Change] = {}
    for key in list(opened) + [k for k in later if k not in opened]:
        before, after = opened.get(key), later.get(key)
        row = after or before
        assert row is not None  # the key comes from one of the two snapshots
        if before is None or after is None or after["fields"] is None or before["fields"] is None:
            gone = after is None or after["fields"] is None
            out[(key, "")] = Change((key, ""), row["label"], "present" if gone else "—", "removed" if gone else "added")
            continue
        for name, value in after["fields"].items():
            if before["fields"].get(name) != value:
                what = (
                    f"{row['label']} · {row['names'].get(name, name)}"
                    if key != "self"
                    else row["names"].get(name, name)
                )
                out[(key, name)] = Change((key, name), what, before["fields"].get(name), value)
    return out
