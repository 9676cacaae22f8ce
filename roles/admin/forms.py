"""Admin forms for the catalog: a level's skills picked with autocomplete and kept in the order chosen."""

from __future__ import annotations

from django import forms
from django.forms.models import BaseInlineFormSet

from roles.admin.widgets import OrderedSkillsWidget
from roles.editing import set_level_skills
from roles.models import RoleLevel, Skill
from roles.rules import missing_level_names


class OrderedModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Changed means a different list: the same skills in another order is a change, the same list is not."""

    def has_changed(self, initial, data) -> bool:
        return [str(v) for v in self.prepare_value(initial or [])] != [str(v) for v in data or []]


class RoleLevelForm(forms.ModelForm):
    skills = OrderedModelMultipleChoiceField(
        queryset=Skill.objects.all(),
        required=True,
        help_text=(
            "In order of importance: the public pages list them in this order. Move a skill with its buttons "
            "or by dragging; add skills by name below."
        ),
        widget=OrderedSkillsWidget(),
    )

    class Meta:
        model = RoleLevel
        fields = ["level", "title", "what_you_do", "skills", "manager_track", "specialist_track"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Bound forms too: the change message compares what was posted with this.
        if self.instance.pk:
            self.initial["skills"] = [s.pk for s in self.instance.skills]

    def clean_skills(self):
        chosen = self.cleaned_data["skills"]
        if not self.is_bound:
            return list(chosen)
        by_pk = {str(s.pk): s for s in chosen}
        # The order the editor chose is the order the browser sent; a queryset would lose it.
        kept, added = self.fields["skills"].widget.parts(self.data, self.add_prefix("skills"))
        again = [v for v in added if v in kept and v in by_pk]
        if again:
            raise forms.ValidationError(
                " ".join(
                    f"{by_pk[v].name} is already chosen for this level (number {kept.index(v) + 1}): "
                    "move it rather than adding it again."
                    for v in again
                )
            )
        raw = kept + added
        duplicates = sorted({by_pk[v].name for v in raw if v in by_pk and raw.count(v) > 1})
        if duplicates:
            raise forms.ValidationError(
                f"{', '.join(duplicates)} is listed more than once for this level; keep each skill once."
            )
        return [by_pk[v] for v in raw if v in by_pk] or list(chosen)

    def save(self, commit=True):
        # The admin saves inline forms with commit=True; the skills follow the level in the same request.
        role_level = super().save(commit=commit)
        if commit:
            self.save_skills()
        return role_level

    def save_skills(self):
        set_level_skills(role_level=self.instance, skills=self.cleaned_data.get("skills", []))


class LadderFormSet(BaseInlineFormSet):
    """An inline whose rows each name a level, and which a published role must fill for every level.

    Subclasses say what is missing in the editor's words (``missing_message``); the check runs before
    anything is saved, so nothing half-done is ever public.
    """

    missing_message = "A published role needs every level. Add {levels}, or save the role as a draft."

    def clean(self):
        super().clean()
        role = self.instance
        if role.status != role.Status.PUBLISHED:
            return
        present = {
            form.cleaned_data["level"].slug
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE") and form.cleaned_data.get("level")
        }
        missing = missing_level_names(present)
        if missing:
            raise forms.ValidationError(self.missing_message.format(levels=", ".join(missing)))


class RoleLevelFormSet(LadderFormSet):
    """A published role shows all four levels."""
