"""Job titles in the admin: editors add and change them like any other content (edit conflicts, history)."""

from django.contrib import admin

from roles.admin.base import ContentVersionAdmin

from .forms import JobTitleForm
from .models import JobTitle


@admin.register(JobTitle)
class JobTitleAdmin(ContentVersionAdmin):
    form = JobTitleForm
    list_display = ["name", "slug", "level", "employer_type", "family", "order"]
    list_filter = ["employer_type", "level", "family"]
    search_fields = ["name", "slug", "note"]
    list_select_related = ["level", "employer_type", "family"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["roles", "next_title"]
    fields = ["name", "slug", "level", "employer_type", "roles", "family", "note", "next_title", "order"]
