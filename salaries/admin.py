from django.contrib import admin

from .models import Location, SalaryBand


@admin.register(Location)
class LocationAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "kind", "country_code", "order"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(SalaryBand)
class SalaryBandAdmin(admin.ModelAdmin):
    list_display = ["role", "level", "location", "low", "median", "high", "currency", "as_of"]
    list_filter = ["location", "level", "role__family"]
    search_fields = ["role__title"]
    list_select_related = ["role", "level", "location"]


class SalaryBandInline(admin.TabularInline):
    """Pay as a compact table on the role's screen."""

    model = SalaryBand
    extra = 0
    fields = ["location", "level", "low", "median", "high", "currency", "source", "as_of"]
