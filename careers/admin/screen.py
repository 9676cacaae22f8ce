"""How the role screen reads: section headings with counts, help in the editor's words, and an error summary
whose every line links to its field. Kept apart from careers.admin, which says what the screen holds."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import NON_FIELD_ERRORS
from django.forms.models import _get_foreign_key

from roles.models import Role

ROLE_HELP = {
    "title": "The role as job seekers search for it, e.g. “Machine Learning Engineer”.",
    "slug": (
        "Part of every address of the role, as in /roles/data-scientist/. Renaming it is safe: the old addresses "
        "redirect to the new ones."
    ),
    "status": (
        "Drafts are hidden from visitors and search engines; you can still preview them. "
        "Publishing needs all four levels, pay for each, and pay from each kind of employer that hires the role."
    ),
    "featured": "Featured roles are listed first on the home page.",
    "summary": "One or two sentences on what the role does; used in lists and search results.",
    "body": "A few paragraphs; leave an empty line between paragraphs.",
}

# The heading of each section of the role screen, by its inline's related name.
SECTION_NAMES = {
    "role_levels": "levels",
    "salary_bands": "pay",
    "relations_out": "moves to other roles",
    "faqs": "questions",
    "aliases": "aliases",
}


def with_counts(inlines: list, role: Role | None) -> list:
    """Name each section with how many rows it holds now: "Levels (4)", "Pay (28 bands)"."""
    for inline in inlines:
        fk = _get_foreign_key(Role, inline.model, fk_name=inline.fk_name)
        accessor = fk.remote_field.get_accessor_name()
        name = SECTION_NAMES.get(accessor, str(inline.model._meta.verbose_name_plural))
        count = inline.model._default_manager.filter(**{fk.name: role}).count() if role and role.pk else 0
        suffix = f"{count} band{'s' if count != 1 else ''}" if accessor == "salary_bands" else str(count)
        inline.verbose_name_plural = f"{name} ({suffix})"
        inline.section_name = name
    return inlines


@dataclass(frozen=True)
class ErrorLink:
    """One line of the error summary: where (a field's label), what is wrong, and the field's id."""

    where: str
    message: str
    anchor: str


def _form_errors(form, where: str, fallback_anchor: str) -> list[ErrorLink]:
    links = []
    visible = form.visible_fields()
    for name, messages in form.errors.items():
        if name == NON_FIELD_ERRORS or name not in form.fields:
            anchor = visible[0].id_for_label if visible else fallback_anchor
            label = where
        else:
            bf = form[name]
            anchor = bf.id_for_label or fallback_anchor
            label = f"{where}: {bf.label}" if where else str(bf.label)
        links += [ErrorLink(label, str(message), anchor) for message in messages]
    return links


def _row_name(form, section: str, index: int) -> str:
    if hasattr(form, "cell"):  # a pay cell: its inputs' labels already say which one
        return ""
    instance = getattr(form, "instance", None)
    if instance is not None and instance.pk:
        return f"{section.capitalize()}, {instance}"
    return f"{section.capitalize()}, new row {index + 1}"


def error_links(adminform, inline_admin_formsets) -> list[ErrorLink]:
    """Every error on the screen, in screen order, each pointing at the field to fix."""
    links = _form_errors(adminform.form, "", "role_form")
    for inline_admin_formset in inline_admin_formsets:
        formset = inline_admin_formset.formset
        section = getattr(inline_admin_formset.opts, "section_name", formset.prefix)
        group = f"{formset.prefix}-group"
        links += [ErrorLink(section.capitalize(), str(m), group) for m in formset.non_form_errors()]
        common = getattr(formset, "common", None)
        if common is not None and common.is_bound:
            links += _form_errors(common, section.capitalize(), group)
        for index, form in enumerate(formset.forms):
            if form.is_bound and form.errors:
                links += _form_errors(form, _row_name(form, section, index), group)
    return links
