"""Text as editors type it, stored the way it is kept: the admin's text inputs normalise on the way in.

Browsers send a textarea's line breaks as "\\r\\n"; the content has "\\n". Without this the first save of an
untouched body says "Changed Body.", and every later comparison sees a change that is not one.
"""

from __future__ import annotations

from functools import partial

from django import forms
from django.db import models

from roles.text import normalise_text


class NormalisedCharField(forms.CharField):
    """A CharField whose value, and the value it is compared with, are normalised text."""

    def to_python(self, value):
        value = super().to_python(value)
        return normalise_text(value) if isinstance(value, str) else value

    def has_changed(self, initial, data) -> bool:
        initial = normalise_text(initial).strip() if isinstance(initial, str) else initial
        return super().has_changed(initial, data)


def _normalised(formfield_for_dbfield, db_field: models.Field, request, **kwargs):
    # Plain text columns only: slugs, e-mails and URLs keep their own form fields and checks.
    if type(db_field) in (models.CharField, models.TextField) and not db_field.choices:
        kwargs.setdefault("form_class", NormalisedCharField)
    return formfield_for_dbfield(db_field, request, **kwargs)


class NormalisedTextMixin:
    """For a ModelAdmin: its own text fields and those of every inline are normalised text."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        return _normalised(super().formfield_for_dbfield, db_field, request, **kwargs)

    def get_formsets_with_inlines(self, request, obj=None):
        for inline in self.get_inline_instances(request, obj):
            callback = partial(_normalised, inline.formfield_for_dbfield, request=request)
            yield inline.get_formset(request, obj, formfield_callback=callback), inline
