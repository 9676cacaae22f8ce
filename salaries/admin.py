"""Admin for pay: places, bands, and the pay grid that the role screen shows (see salaries.pay_grid)."""

from django.contrib import admin
from django.contrib.admin.options import InlineModelAdmin

from roles.admin import UsageCountMixin
from roles.admin.base import ContentVersionAdmin

from .models import EmployerType, Location, RarelyHiring, SalaryBand
from .pay_grid import PayGrid


@admin.register(Location)
class LocationAdmin(UsageCountMixin, ContentVersionAdmin):
    usage_relation = "salary_bands__role"
    list_display = ["name", "slug", "kind", "country_code", "order", "usage_count"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(EmployerType)
class EmployerTypeAdmin(UsageCountMixin, ContentVersionAdmin):
    usage_relation = "salary_bands__role"
    list_display = ["name", "slug", "description", "order", "usage_count"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(SalaryBand)
class SalaryBandAdmin(ContentVersionAdmin):
    list_display = ["role", "level", "location", "employer_type", "low", "median", "high", "currency", "as_of"]
    list_filter = ["location", "employer_type", "level", "role__family"]
    search_fields = ["role__title", "location__name"]
    list_select_related = ["role", "level", "location", "employer_type"]
    autocomplete_fields = ["role"]


class PayGridInline(InlineModelAdmin):
    """Pay on the role's screen as one grid: a row of low / median / high per level, grouped by location,
    with the source and as-of date entered once (see salaries.pay_grid)."""

    model = SalaryBand
    template = "admin/salaries/pay_grid.html"
    verbose_name_plural = "pay"
    # The grid also saves which employer types rarely hire the role: kept in the role's history with its bands.
    reversion_follows = {"rarely_hired_by": RarelyHiring}
    # ``formset`` keeps the model formset the admin's checks ask for; the grid comes from get_formset.

    def get_formset(self, request, obj=None, **kwargs):
        return PayGrid

    class Media:
        js = ["admin-editor/pay-grid.js"]
