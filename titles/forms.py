"""The title screen's form: the content check's rule that one kind of employer has each reading of a title once."""

from __future__ import annotations

from typing import Any

from django import forms

from .models import JobTitle
from .normalise import normalise


class JobTitleForm(forms.ModelForm):
    class Meta:
        model = JobTitle
        fields = ["name", "slug", "level", "employer_type", "roles", "family", "note", "next_title", "order"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        name, employer_type = data.get("name"), data.get("employer_type")
        if not name:
            return data
        reads_as = normalise(name)
        if not reads_as:
            self.add_error("name", "A title needs letters or digits.")
            return data
        others = JobTitle.objects.filter(employer_type=employer_type).exclude(pk=self.instance.pk)
        same = next((t for t in others.only("name") if normalise(t.name) == reads_as), None)
        if same is not None:
            where = employer_type.name if employer_type else "every kind of employer"
            self.add_error("name", f"“{name}” reads the same as “{same.name}”, already a title for {where}.")
        step = data.get("next_title")
        level = data.get("level")
        if step is not None and self.instance.pk and step.pk == self.instance.pk:
            self.add_error("next_title", "A title cannot lead to itself.")
        elif step is not None and level is not None and step.level.order < level.order:
            self.add_error("next_title", f"“{step.name}” is a lower level than this title.")
        return data
