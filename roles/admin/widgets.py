"""The skills of a level as an ordered list an editor can rearrange, with an autocomplete box to add more.

The list is plain form inputs in order (one hidden input per skill), so the order on the screen is the order
saved, and saving works without the script; static/admin-editor/skill-order.js adds Move up / Move down,
dragging, and a word when a skill picked is already in the list.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelectMultiple
from django.utils.html import format_html, format_html_join

from roles.models import RoleLevelSkill, Skill


class OrderedSkillsWidget(forms.Widget):
    """Chosen skills first, in order, each removable; then a box to add skills found by name."""

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.adder = AutocompleteSelectMultiple(RoleLevelSkill._meta.get_field("skill"), admin.site)

    @property
    def media(self):
        return self.adder.media + forms.Media(js=["admin-editor/skill-order.js"])

    def parts(self, data, name) -> tuple[list[str], list[str]]:
        """The skills kept from the list, in its order, and the skills added in the box."""
        removed = set(data.getlist(f"{name}_remove"))
        kept = [v for v in data.getlist(name) if v not in removed]
        return kept, [v for v in data.getlist(f"{name}_add") if v]

    def value_from_datadict(self, data, files, name):
        kept, added = self.parts(data, name)
        return kept + added

    def value_omitted_from_data(self, data, files, name):
        return not any(f"{name}{suffix}" in data for suffix in ("", "_add", "_remove"))

    def id_for_label(self, id_):
        # A label or an error link leads to the box that adds a skill.
        return f"{id_}_add" if id_ else id_

    def render(self, name, value, attrs=None, renderer=None):
        attrs = self.build_attrs(self.attrs, attrs)
        base_id = attrs.get("id", f"id_{name}")
        pks = [str(v) for v in (value or []) if str(v).isdigit()]
        names = {str(pk): skill.name for pk, skill in Skill.objects.in_bulk([int(p) for p in pks]).items()}
        rows = format_html_join(
            "\n",
            '<li data-skill="{0}"><input type="hidden" name="{1}" value="{0}">'
            '<span class="skill-name">{2}</span>'
            '<button type="button" class="button" data-move="up" aria-label="Move up: {2}" hidden>Move up</button>'
            '<button type="button" class="button" data-move="down" aria-label="Move down: {2}" hidden>'
            "Move down</button>"
            '<label><input type="checkbox" name="{1}_remove" value="{0}" aria-label="Remove {2}"> Remove</label></li>',
            ((pk, name, names.get(pk, f"skill {pk}")) for pk in pks),
        )
        # The box looks skills up as it is typed in; it needs the field's choices only to render what it holds.
        self.adder.choices = getattr(self, "choices", Skill.objects.none())
        adder = self.adder.render(f"{name}_add", [], {"id": f"{base_id}_add", "class": "skill-add"}, renderer=renderer)
        return format_html(
            '<div class="skill-picker" id="{0}">'
            '<ol class="skill-order" aria-label="Skills in order of importance">{1}</ol>'
            '<p class="skill-note" id="{0}_note" aria-live="polite"></p>'
            '<label for="{0}_add" class="skill-add-label">Add skills</label> {2}'
            "</div>",
            base_id,
            rows,
            adder,
        )
