"""Admin for the catalog. The Role screen itself is assembled in careers.admin, where pay and FAQs join it."""

from django.contrib import admin
from django.db.models import Case, Count, IntegerField, Value, When

from roles.admin.base import ContentVersionAdmin
from roles.admin.forms import RoleLevelForm, RoleLevelFormSet
from roles.models import Level, RoleAlias, RoleFamily, RoleLevel, RoleLevelSkill, RoleRelation, RoleSlugHistory, Skill


class UsageCountMixin:
    """Shows, for a piece of reference data, how many rows use it: the reason it cannot just be deleted."""

    usage_relation: str = ""
    usage_label: str = "Used by"

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(usage=Count(self.usage_relation, distinct=True))

    @admin.display(description="Used by", ordering="usage")
    def usage_count(self, obj) -> int:
        return obj.usage


@admin.register(RoleFamily)
class RoleFamilyAdmin(UsageCountMixin, ContentVersionAdmin):
    usage_relation = "roles"
    list_display = ["name", "slug", "order", "usage_count"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Level)
class LevelAdmin(UsageCountMixin, ContentVersionAdmin):
    usage_relation = "role_levels"
    list_display = ["name", "short_name", "slug", "order", "min_years", "max_years", "usage_count"]
    search_fields = ["name", "slug"]


@admin.register(Skill)
class SkillAdmin(UsageCountMixin, ContentVersionAdmin):
    usage_relation = "level_uses__role_level__role"
    list_display = ["name", "kind", "slug", "usage_count"]
    list_filter = ["kind"]
    search_fields = ["name", "slug", "description"]
    prepopulated_fields = {"slug": ["name"]}

    def get_search_results(self, request, queryset, search_term):
        queryset, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        term = search_term.strip()
        if not term:
            # The usage count groups rows, and a grouped query drops the model's ordering: say it again.
            return queryset.order_by("name"), may_have_duplicates
        # Names first (those that start with the words typed, then those that contain them), descriptions after:
        # "System" finds System design before a skill that mentions systems in passing.
        rank = Case(
            When(name__istartswith=term, then=Value(0)),
            When(name__icontains=term, then=Value(1)),
            When(slug__icontains=term, then=Value(2)),
            default=Value(3),
            output_field=IntegerField(),
        )
        return queryset.annotate(match_rank=rank).order_by("match_rank", "name"), may_have_duplicates


class RoleLevelSkillInline(admin.TabularInline):
    model = RoleLevelSkill
    extra = 0
    autocomplete_fields = ["skill"]
    fields = ["skill", "order"]


@admin.register(RoleLevel)
class RoleLevelAdmin(ContentVersionAdmin):
    list_display = ["title", "role", "level"]
    list_filter = ["level", "role__family"]
    search_fields = ["title", "role__title"]
    list_select_related = ["role", "level"]
    inlines = [RoleLevelSkillInline]


@admin.register(RoleSlugHistory)
class RoleSlugHistoryAdmin(admin.ModelAdmin):
    list_display = ["slug", "role", "changed_at"]
    search_fields = ["slug", "role__title"]
    list_select_related = ["role"]


class RoleLevelInline(admin.StackedInline):
    """The levels of a role, each with its skills chosen by autocomplete, in order."""

    model = RoleLevel
    form = RoleLevelForm
    formset = RoleLevelFormSet
    extra = 0
    max_num = 4
    ordering = ["level__order"]
    classes = ["collapse"]


class RoleRelationInline(admin.TabularInline):
    model = RoleRelation
    fk_name = "from_role"
    extra = 0
    autocomplete_fields = ["to_role"]
    fields = ["to_role", "kind", "note", "order"]
    classes = ["collapse"]


class RoleAliasInline(admin.TabularInline):
    model = RoleAlias
    extra = 0
    classes = ["collapse"]
