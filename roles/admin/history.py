"""History that tells the truth, for any VersionAdmin: compare two versions, and a restore that says what it restored.

The history page gains a "compare" form (two versions, no JavaScript); the comparison is roles.history_compare's.
A restore's history comment and message name the version restored: its date, who saved it, and its comment.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from django.contrib import admin, messages
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from reversion import set_comment
from reversion.models import Version

from roles.history_compare import compare

if TYPE_CHECKING:
    # The ModelAdmin these mixins are combined with, for the type checker only: at run time they stay plain mixins.
    _ModelAdmin = admin.ModelAdmin[Any]
else:
    _ModelAdmin = object


def describe(version: Version) -> str:
    """A version as an editor names it: "1 Dec 2026, 14:05 by asha (Changed Summary.)"."""
    revision = version.revision
    when = date_format(timezone.localtime(revision.date_created), "j M Y, H:i")
    who = revision.user.get_username() if revision.user else "the content loader or a script"
    comment = revision.get_comment()
    return f"{when} by {who}" + (f" ({comment})" if comment else "")


class HistoryAdminMixin(_ModelAdmin):
    """Compare any two versions from the history page; say which version a restore brought back."""

    object_history_template = "admin/history_with_compare.html"

    def get_urls(self):
        prefix = f"{self.model._meta.app_label}_{self.model._meta.model_name}"
        view = self.admin_site.admin_view(self.compare_view)
        return [path("<path:object_id>/history/compare/", view, name=f"{prefix}_compare")] + super().get_urls()

    def _versions(self, object_id: str):
        return Version.objects.get_for_object_reference(self.model, object_id).select_related(
            "revision", "revision__user"
        )

    def history_view(self, request: HttpRequest, object_id: str, extra_context=None) -> HttpResponse:
        versions = list(self._versions(unquote(object_id)).order_by("-pk"))
        choices = [(version.pk, describe(version)) for version in versions]
        context = {
            "compare_choices": choices,
            "compare_older": choices[1][0] if len(choices) > 1 else None,
            "compare_url": reverse(
                f"{self.admin_site.name}:{self.model._meta.app_label}_{self.model._meta.model_name}_compare",
                args=[quote(object_id)],
            ),
            **(extra_context or {}),
        }
        return super().history_view(request, object_id, context)

    def compare_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        """Two versions (?older=&newer=, version ids) side by side; anything else is a 404, never a 500."""
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        object_id = unquote(object_id)
        obj = get_object_or_404(self.model, pk=object_id)
        versions = self._versions(object_id)
        picked = {}
        for name in ("older", "newer"):
            value = request.GET.get(name, "")
            if not value.isdigit():
                raise Http404("Choose two versions to compare")
            picked[name] = get_object_or_404(versions, pk=int(value))
        older, newer = sorted(picked.values(), key=lambda v: (v.revision.date_created, v.pk))
        opts = self.model._meta
        history_url = reverse(
            f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_history", args=[quote(obj.pk)]
        )
        context = {
            **self.admin_site.each_context(request),
            "opts": opts,
            "object": obj,
            "title": f"Compare two versions of {obj}",
            "older": describe(older),
            "newer": describe(newer),
            "differences": compare(older, newer),
            "history_url": history_url,
            "restore_url": reverse(
                f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_revision", args=[quote(obj.pk), older.pk]
            ),
        }
        return TemplateResponse(request, "admin/history_compare.html", context)

    def revision_view(self, request: HttpRequest, object_id: str, version_id: str, extra_context=None):
        version = get_object_or_404(Version, pk=version_id, object_id=unquote(object_id))
        request.restoring_version = version  # type: ignore[attr-defined]  # read back in create_revision below
        response = super().revision_view(request, object_id, version_id, extra_context)  # type: ignore[misc]  # reversion's VersionAdmin (untyped)
        if request.method == "POST" and response.status_code == 302:
            messages.success(request, f"Restored the version of {describe(version)}.")
        return response

    @contextmanager
    def create_revision(self, request: HttpRequest):
        with super().create_revision(request):  # type: ignore[misc]  # reversion's VersionAdmin (untyped)
            yield
            # After reversion's own comment ("Reverted to previous version…"), so ours is the one kept.
            version = getattr(request, "restoring_version", None)
            if version is not None:
                set_comment(f"Restored the version of {describe(version)}.")
