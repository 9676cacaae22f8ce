from django.contrib import admin

from roles.admin import UsageCountMixin
from roles.admin_base import ContentVersionAdmin
from roles.admin_forms import LadderFormSet

from .models import Location, SalaryBand


@admin.register(Location)
class LocationAdmin(UsageCountMixin, ContentVersionAdmin):
    usage_relation = "salary_bands__role"
    list_display = ["name", "slug", "kind", "country_code", "order", "usage_count"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(SalaryBand)
class SalaryBandAdmin(ContentVersionAdmin):
    list_display = ["role", "level", "location", "low", "median", "high", "currency", "as_of"]
    list_filter = ["location", "level", "role__family"]
    search_fields = ["role__title", "location__name"]
    list_select_related = ["role", "level", "location"]
    autocomplete_fields = ["role"]


class SalaryBandFormSet(LadderFormSet):
    """A published role shows pay for every level."""

    missing_message = (
        "A published role needs pay for every level. Add a band for {levels}, or save the role as a draft."
    )


class SalaryBandInline(admin.TabularInline):
    """Pay as a compact table on the role's screen."""

    model = SalaryBand
    formset = SalaryBandFormSet
    extra = 0
    fields = ["location", "level", "low", "median", "high", "currency", "source", "as_of"]
    ordering = ["location__order", "level__order"]
