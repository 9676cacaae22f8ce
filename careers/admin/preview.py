"""Preview before saving: the role's career-path and salary pages rendered from the change form as it stands.

The role screen's "Preview" button posts the whole change form here (``formaction``, ``formtarget=_blank``: no
JavaScript needed). The form and its inline formsets are built by the role's ModelAdmin exactly as its change
view builds them, so every rule of the screen applies. A valid form is saved inside a transaction, the public
page is rendered by its own view from what was saved, and the transaction is rolled back: no row, revision,
log entry or content-version change survives. The page says it is a preview, stays out of search engines and
out of every cache, and offers the other page (career path or salary) with the same form data.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial

from django.contrib.admin import ModelAdmin
from django.contrib.admin.utils import flatten_fieldsets, unquote
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError, router, transaction
from django.forms import BaseForm
from django.forms.formsets import all_valid
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import URLPattern, path, reverse
from django.utils.text import capfirst

from careers.pages.views import career_path
from careers.search.index import index_built_inside_is_dropped
from roles.archiving import restore_roles
from roles.models import Role
from roles.preview import mark_preview
from salaries.views import role_salary

# The pages a preview can show, in the order of its tabs: the button's value -> (tab label, public view, URL name).
PAGES: dict[str, tuple[str, Callable[..., HttpResponse], str]] = {
    "career-path": ("Career path", career_path, "career_path"),
    "salary": ("Salary", role_salary, "role_salary"),
}
PAGE_FIELD = "_preview"


@dataclass(frozen=True)
class UnsavedPreview:
    """What the preview banner needs: which page is shown, where the other page comes from, the form to carry."""

    title: str
    page: str
    action: str
    fields: list[tuple[str, str]]
    form_url: str  # the role screen the form came from

    @property
    def tabs(self) -> list[tuple[str, str, bool]]:
        return [(value, label, value == self.page) for value, (label, _, _) in PAGES.items()]


def preview_urls(model_admin: ModelAdmin) -> list[URLPattern]:
    """The preview's URLs for the role admin's get_urls: one for a role being changed, one for a new role."""
    view = model_admin.admin_site.admin_view(partial(preview, model_admin=model_admin))
    name = f"{model_admin.opts.app_label}_{model_admin.opts.model_name}_preview"
    return [
        path("add/preview/", view, name=f"{name}_add"),
        path("<path:object_id>/preview/", view, name=name),
    ]


def preview(request: HttpRequest, object_id: str | None = None, *, model_admin: ModelAdmin) -> HttpResponse:
    """Render a public page from the posted change form, then forget everything the form wrote."""
    action, form_url = _urls(model_admin, object_id)
    if request.method != "POST":
        # A preview exists only for a posted form (a reload of a bookmarked preview lands on the form).
        return redirect(form_url)
    add = object_id is None
    obj = None
    if object_id is None:
        if not model_admin.has_add_permission(request):
            raise PermissionDenied
    else:
        obj = model_admin.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404("No such role")
        if not model_admin.has_change_permission(request, obj):
            raise PermissionDenied

    # What the admin's change view does with a POST, step for step (ModelAdmin._changeform_view).
    fieldsets = model_admin.get_fieldsets(request, obj)
    model_form = model_admin.get_form(request, obj, change=not add, fields=flatten_fieldsets(fieldsets))
    form = model_form(request.POST, request.FILES, instance=obj)
    # Nothing is saved, so nothing can be overwritten: a form opened before someone else's save previews too (its
    # save is refused later, with their change shown). The check would also lock the row outside a transaction.
    form.check_version = False  # type: ignore[attr-defined]
    formsets, inline_instances = model_admin._create_formsets(  # type: ignore[attr-defined]
        request, form.instance, change=not add
    )
    form_valid = form.is_valid()
    if not (all_valid(formsets) and form_valid):
        return _errors(request, model_admin, obj, _problems(form, formsets, inline_instances))

    page = request.POST.get(PAGE_FIELD, "")
    page = page if page in PAGES else next(iter(PAGES))
    carried = [(name, value) for name, values in request.POST.lists() if name != PAGE_FIELD for value in values]
    try:
        with _no_memo_survives(), transaction.atomic(using=router.db_for_write(model_admin.model)):
            new_object = model_admin.save_form(request, form, change=not add)
            model_admin.save_model(request, new_object, form, not add)
            model_admin.save_related(request, form, formsets, not add)
            if new_object.is_archived:
                # Its pages are gone (410): an archived role is previewed as "Restore" would bring it back.
                restore_roles(roles=[new_object], may_publish=model_admin.may_publish)  # type: ignore[attr-defined]
            banner = UnsavedPreview(new_object.title, page, action, carried, form_url)
            response = _render_page(request, new_object, banner)
            # Everything the save wrote (and the content version it moved on) goes: a preview writes nothing.
            transaction.set_rollback(True)
    except DatabaseError as exc:
        # A rule only the database knows (two roles with one slug at once, say): say so, keep the form.
        reason = str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__
        return _errors(request, model_admin, obj, [("The database", f"refused the changes: {reason}")])
    return mark_preview(response)


def _urls(model_admin: ModelAdmin, object_id: str | None) -> tuple[str, str]:
    """(this preview's URL, the role screen it came from)."""
    name = f"admin:{model_admin.opts.app_label}_{model_admin.opts.model_name}"
    if object_id is None:
        return reverse(f"{name}_preview_add"), reverse(f"{name}_add")
    return reverse(f"{name}_preview", args=[object_id]), reverse(f"{name}_change", args=[object_id])


def _render_page(request: HttpRequest, role: Role, banner: UnsavedPreview) -> HttpResponse:
    """The public page, rendered by its own view (as a GET of its own URL) from the role saved in the transaction."""
    _, view, url_name = PAGES[banner.page]
    page_path = reverse(url_name, args=[role.slug])
    sub = copy.copy(request)
    sub.method = "GET"
    sub.path = sub.path_info = page_path
    sub.META = {**request.META, "REQUEST_METHOD": "GET", "PATH_INFO": page_path, "QUERY_STRING": ""}
    sub.GET = QueryDict()
    # Read by the site's base template: the preview banner, noindex, and htmx switched off (its swaps would
    # fetch the saved pages into this one).
    sub.unsaved_preview = banner  # type: ignore[attr-defined]
    return view(sub, role=role.slug)


@contextmanager
def _no_memo_survives() -> Iterator[None]:
    """An in-process memo keyed by the content version must not keep what a rolled-back save showed: the version
    goes back, and the next real save brings the same number back. The search index (the one such memo) is keyed
    by (version, changed_at), which would not repeat, but an index built from unsaved data has no business surviving.
    The page cache needs no guard: the preview calls the page views directly, never through its middleware."""
    with index_built_inside_is_dropped():
        yield


def _problems(form: BaseForm, formsets: list, inline_instances: list) -> list[tuple[str, str]]:
    """Every error of the form and its inlines, each with where it is in words an editor uses."""
    problems: list[tuple[str, str]] = []
    problems += _form_problems(form, "Role")
    for formset, inline in zip(formsets, inline_instances, strict=True):
        section = capfirst(inline.verbose_name_plural or formset.model._meta.verbose_name_plural)
        problems += [(section, str(message)) for message in formset.non_form_errors()]
        for number, inline_form in enumerate(formset.forms, start=1):
            problems += _form_problems(inline_form, f"{section}, row {number}")
    return problems


def _form_problems(form: BaseForm, where: str) -> list[tuple[str, str]]:
    problems = []
    for name, messages in form.errors.items():
        field = form.fields.get(name)
        place = f"{where}, {field.label or name}" if field is not None else where
        problems += [(place, str(message)) for message in messages]
    return problems


def _errors(request: HttpRequest, model_admin: ModelAdmin, obj, problems: list[tuple[str, str]]) -> HttpResponse:
    context = {
        **model_admin.admin_site.each_context(request),
        "title": "Preview not possible yet",
        "subtitle": obj.title if obj is not None else "New role",
        "opts": model_admin.opts,
        "problems": problems,
    }
    return mark_preview(render(request, "careers/admin_preview_errors.html", context))
