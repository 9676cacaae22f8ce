"""The admin side of "no silent overwrite" (roles.concurrency): the hidden version field, the check, the refusal.

The check runs in the form's clean(), inside the admin's save transaction, with the object's row locked, so two
saves of one object cannot both pass it. A refused form is shown again bound to what the editor posted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.models import LogEntry
from django.contrib.admin.utils import flatten_fieldsets
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.http import HttpRequest, QueryDict
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from reversion.models import Version

from roles.admin.history import describe
from roles.concurrency import FIELD, VersionField, changes, dumps, form_fields, loads, same, shown, snapshot

if TYPE_CHECKING:
    # The ModelAdmin these mixins are combined with, for the type checker only: at run time they stay plain mixins.
    _ModelAdmin = admin.ModelAdmin[Any]
else:
    _ModelAdmin = object

REFUSED = (
    "Not saved: this {thing} was changed by someone else after you opened it. Your input is kept below; "
    "the message above shows what they changed and what you changed."
)


def _side(made: dict, key: tuple[str, str], words) -> str:
    """One side's column of a row of the table: the field as that side has it, or what it did to the whole row
    (a band they removed while you changed its median reads "removed", not "unchanged")."""
    if key in made:
        return words(made[key].now)
    row, name = key
    if name and (row, "") in made:
        return made[(row, "")].now
    if not name and any(other == row for other, _ in made):
        return "changed"
    return "unchanged"


class EditConflictMixin(_ModelAdmin):
    """For a ModelAdmin: every change form carries the version it was opened at; a stale save is refused."""

    def get_fields(self, request: HttpRequest, obj=None):
        return [f for f in super().get_fields(request, obj) if f != FIELD]

    def get_fieldsets(self, request: HttpRequest, obj=None):
        # A fieldset of its own, hidden: the field is a hidden input, the layout of the others is not touched.
        return [*super().get_fieldsets(request, obj), (None, {"fields": [FIELD], "classes": ["hidden"]})]

    def get_form(self, request: HttpRequest, obj=None, change=False, **kwargs):
        if kwargs.get("fields", ()) is not None:
            fields = kwargs.get("fields") or flatten_fieldsets(self.get_fieldsets(request, obj))
            kwargs["fields"] = [f for f in fields if f != FIELD]
        form = super().get_form(request, obj, change=change, **kwargs)
        model_admin = self

        class VersionedForm(form):  # type: ignore[valid-type, misc]  # a subclass of the form class built at run time
            # Off for a form that is shown but never saved (the role's preview, careers.admin.preview).
            check_version = True

            def clean(self):
                cleaned = super().clean()
                if self.check_version:
                    model_admin.refuse_a_stale_save(request, self)
                return cleaned

        VersionedForm.base_fields[FIELD] = VersionField()
        VersionedForm.__name__ = form.__name__
        return VersionedForm

    def snapshot_now(self, request: HttpRequest, obj, *, labels: bool = False) -> dict:
        """The object and its inline rows as a freshly opened change form would show them (values only, unless
        ``labels``: the names of the rows are read only to explain a refusal)."""
        form = self.get_form(request, obj, change=True)(instance=obj)
        formsets = [
            formset_class(instance=obj, queryset=inline.get_queryset(request))
            for formset_class, inline in self.get_formsets_with_inlines(request, obj)
        ]
        return snapshot(form, formsets, labels=labels)

    def refuse_a_stale_save(self, request: HttpRequest, form: forms.ModelForm) -> None:
        if form.instance.pk is None:
            return  # a new object has no other version to overwrite
        # Lock the row until this save commits: a second save waits, then sees this one's version.
        fresh = type(form.instance)._default_manager.select_for_update().filter(pk=form.instance.pk).first()
        if fresh is None:
            return
        opened = loads(form.data.get(form.add_prefix(FIELD), ""))
        current = self.snapshot_now(request, fresh)
        if same(opened, current):
            return
        current = self.snapshot_now(request, fresh, labels=True)
        form.edit_conflict = (opened, current, fresh)  # type: ignore[attr-defined]  # ours, read by render_change_form
        # Shown again with the current version's token: a second save, made after reading what changed, is deliberate.
        data = cast(QueryDict, form.data).copy()  # a bound admin form's data is request.POST
        data[form.add_prefix(FIELD)] = dumps(current)
        form.data = data
        raise ValidationError(REFUSED.format(thing=self.model._meta.verbose_name), code="edit_conflict")

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        form = context["adminform"].form
        formsets = [inline.formset for inline in context.get("inline_admin_formsets", [])]
        if change and not form.is_bound:
            form.initial[FIELD] = dumps(snapshot(form, formsets))
        if getattr(form, "edit_conflict", None):
            messages.error(request, self.conflict_message(request, form, formsets))
        return super().render_change_form(request, context, add, change, form_url, obj)

    def conflict_message(self, request: HttpRequest, form, formsets) -> str:
        """Who saved and when, and a table: each changed field as opened, as they saved it, as you typed it."""
        opened, current, obj = form.edit_conflict
        fields = form_fields(form, formsets)
        rows = []
        if opened is not None:
            theirs, yours = changes(opened, current), changes(opened, snapshot(form, formsets, bound=True))
            for key in list(theirs) + [k for k in yours if k not in theirs]:
                change = theirs.get(key) or yours[key]
                field = fields.get(key[0], {}).get(key[1])
                row = (current.get(key[0]) or opened.get(key[0]) or {}).get("fields") or {}

                def words(value, field=field, key=key, row=row):
                    return shown(field, value, key=key[0], name=key[1], row=row)

                side = {"theirs": _side(theirs, key, words), "yours": _side(yours, key, words)}
                both = "unchanged" not in side.values()
                rows.append({"what": change.what, "opened": words(change.opened), **side, "both": both})
        context = {"who": self.last_saved(obj), "rows": rows, "token_lost": opened is None, "reload_url": request.path}
        return mark_safe(render_to_string("admin/edit_conflict.html", context, request=request))

    def last_saved(self, obj) -> str:
        """Who saved the object last and when, from its history (or the admin's log)."""
        version = Version.objects.get_for_object(obj).select_related("revision__user").first()
        if version is not None:
            return describe(version)
        entry = (
            LogEntry.objects.filter(content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk))
            .select_related("user")
            .order_by("-action_time")
            .first()
        )
        if entry is None:
            return "someone (no record of who: a script or the content loader)"
        when = date_format(timezone.localtime(entry.action_time), "j M Y, H:i")
        return f"{when} by {entry.user.get_username()}"
