"""Archive instead of delete, in the admin: list actions, a button on the role screen, and the rule that only
superusers may delete a role for good.

The writes are roles.archiving's; this module asks, confirms and records who did it (history and log).
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any, cast

import reversion
from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse

from roles.archiving import archive_roles, restore_roles
from roles.models import Role

if TYPE_CHECKING:
    # The ModelAdmin these mixins are combined with, for the type checker only: at run time they stay plain mixins.
    _ModelAdmin = admin.ModelAdmin[Any]
else:
    _ModelAdmin = object

ARCHIVE_HELP = (
    "Archiving takes the role off the site (its pages answer “gone”) and keeps everything: levels, pay, "
    "questions, aliases, old addresses and the moves other roles have into it. Restore brings it all back."
)
ARCHIVED_STATUS_HELP = (
    "Archived: off the site, everything kept. You can still correct it here; “Restore from the archive” above "
    "brings it back as it was."
)


class ArchiveAdminMixin(_ModelAdmin):
    """For RoleAdmin: "Archive" and "Restore" as list actions and as buttons; delete is for superusers only."""

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        # Editors archive; deleting for good (kept as a RemovedRole, 410) stays with superusers.
        return request.user.is_superuser and super().has_delete_permission(request, obj)

    def get_form(self, request: HttpRequest, obj=None, change=False, **kwargs):
        """The Status field offers draft and published; archiving goes through Archive, which remembers what the role
        was and tells the roles that link to it. An archived role's status is shown, not changed, until Restore."""
        form = super().get_form(request, obj, change=change, **kwargs)
        if "status" in form.base_fields:
            field = form.base_fields["status"] = cast(forms.ChoiceField, copy.deepcopy(form.base_fields["status"]))
            if obj is not None and obj.is_archived:
                field.disabled, field.help_text = True, ARCHIVED_STATUS_HELP
            else:
                field.choices = [
                    (value, label) for value, label in Role.Status.choices if value != Role.Status.ARCHIVED
                ]
        return form

    def get_urls(self):
        prefix = f"{self.model._meta.app_label}_{self.model._meta.model_name}"
        view = self.admin_site.admin_view
        return [
            path("<path:object_id>/archive/", view(self.archive_view), name=f"{prefix}_archive"),
            path("<path:object_id>/restore/", view(self.restore_view), name=f"{prefix}_restore"),
        ] + super().get_urls()

    def _record(self, request: HttpRequest, roles: list[Role], comment: str) -> None:
        """An archive or restore is kept in the history like any edit, with who and when."""
        with reversion.create_revision():
            reversion.set_user(request.user)
            reversion.set_comment(comment)
            for role in roles:
                reversion.add_to_revision(role)
                self.log_change(request, role, comment)

    def _archive(self, request: HttpRequest, roles) -> None:
        changed = archive_roles(roles=roles)
        self._record(request, changed, "Archived: taken off the site, everything kept.")
        titles = ", ".join(role.title for role in changed) or "none (they were archived already)"
        self.message_user(
            request, f"Archived {titles}. Their pages now answer “gone”; “Restore” brings them back.", messages.SUCCESS
        )

    def may_publish(self, role: Role) -> bool:
        """Whether a restored role may be public again; RoleAdmin says what a published role needs."""
        return True

    def _restore(self, request: HttpRequest, roles) -> None:
        changed = restore_roles(roles=roles, may_publish=self.may_publish)
        self._record(request, changed, "Restored from the archive.")
        said = ", ".join(f"{role.title} ({role.get_status_display().lower()})" for role in changed)
        self.message_user(
            request,
            f"Restored {said} with its levels, pay, questions, aliases, old addresses and moves."
            if changed
            else "Nothing to restore: none of them was archived.",
            messages.SUCCESS if changed else messages.WARNING,
        )

    @admin.action(
        description="Archive the selected roles (take them off the site, keep everything)", permissions=["change"]
    )
    def archive(self, request: HttpRequest, queryset) -> None:
        self._archive(request, list(queryset))

    @admin.action(description="Restore the selected roles from the archive", permissions=["change"])
    def restore(self, request: HttpRequest, queryset) -> None:
        self._restore(request, list(queryset))

    def archive_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        return self._confirm(request, object_id, archive=True)

    def restore_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        return self._confirm(request, object_id, archive=False)

    def _confirm(self, request: HttpRequest, object_id: str, *, archive: bool) -> HttpResponse:
        """GET asks (the page works without JavaScript), POST does it and goes back to the role."""
        role = get_object_or_404(Role, pk=unquote(object_id))
        if not self.has_change_permission(request, role):
            raise PermissionDenied
        change_url = reverse(f"{self.admin_site.name}:roles_role_change", args=[role.pk])
        if request.method == "POST":
            (self._archive if archive else self._restore)(request, [role])
            return HttpResponseRedirect(change_url)
        incoming = role.relations_in.select_related("from_role").order_by("from_role__title")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "object": role,
            "archive": archive,
            "title": f"{'Archive' if archive else 'Restore'} {role.title}",
            "help": ARCHIVE_HELP,
            "incoming": [relation.from_role for relation in incoming],
            "change_url": change_url,
        }
        return TemplateResponse(request, "admin/roles/role/archive_confirm.html", context)
