"""The editor's main screen: one role with everything shown on its pages."""

from django.contrib import admin
from django.utils import timezone

from roles.admin import RoleAliasInline, RoleLevelInline, RoleRelationInline
from roles.models import Role
from salaries.admin import SalaryBandInline

from .models import FAQ


class FAQInline(admin.StackedInline):
    model = FAQ
    extra = 0
    fields = ["question", "answer", "order"]


@admin.register(Role)
class RoleAdmin(admin.ModelAdmin):
    list_display = ["title", "family", "status", "featured", "updated_at"]
    list_filter = ["family", "status", "featured"]
    search_fields = ["title", "aliases__name", "role_levels__level_skills__skill__name"]
    prepopulated_fields = {"slug": ["title"]}
    list_select_related = ["family"]
    readonly_fields = ["updated_at"]
    inlines = [RoleLevelInline, RoleRelationInline, RoleAliasInline, SalaryBandInline, FAQInline]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Anything saved on this screen changes the role's pages.
        Role.objects.filter(pk=form.instance.pk).update(updated_at=timezone.now())


@admin.register(FAQ)
class FAQAdmin(admin.ModelAdmin):
    list_display = ["question", "role", "order"]
    search_fields = ["question", "answer", "role__title"]
    list_select_related = ["role"]
