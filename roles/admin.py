"""Admin for the catalog. The Role screen itself is assembled in careers.admin, where pay and FAQs join it."""

from django.contrib import admin

from .models import Level, RoleAlias, RoleFamily, RoleLevel, RoleLevelSkill, RoleRelation, Skill


@admin.register(RoleFamily)
class RoleFamilyAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "order"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Level)
class LevelAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "order", "min_years", "max_years"]
    search_fields = ["name", "slug"]


@admin.register(Skill)
class SkillAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "slug"]
    list_filter = ["kind"]
    search_fields = ["name", "slug", "description"]
    prepopulated_fields = {"slug": ["name"]}


class RoleLevelSkillInline(admin.TabularInline):
    model = RoleLevelSkill
    extra = 0
    autocomplete_fields = ["skill"]


@admin.register(RoleLevel)
class RoleLevelAdmin(admin.ModelAdmin):
    list_display = ["title", "role", "level"]
    list_filter = ["level", "role__family"]
    search_fields = ["title", "role__title"]
    list_select_related = ["role", "level"]
    inlines = [RoleLevelSkillInline]


class RoleLevelInline(admin.StackedInline):
    model = RoleLevel
    extra = 0
    show_change_link = True
    fields = ["level", "title", "what_you_do", "manager_track", "specialist_track"]


class RoleRelationInline(admin.TabularInline):
    model = RoleRelation
    fk_name = "from_role"
    extra = 0
    autocomplete_fields = ["to_role"]


class RoleAliasInline(admin.TabularInline):
    model = RoleAlias
    extra = 0
