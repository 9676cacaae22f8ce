"""The editor's main screen: one role with everything shown on its pages, with history and publishing."""

import reversion
from django.contrib import admin, messages
from django.urls import reverse

from careers.admin.preview import preview_urls
from careers.admin.screen import ROLE_HELP, error_links, with_counts
from careers.models import FAQ
from roles.admin import RoleAliasInline, RoleLevelInline, RoleRelationInline
from roles.admin.archive import ArchiveAdminMixin
from roles.admin.base import ContentVersionAdmin
from roles.editing import delete_roles, record_rename, set_status, touch
from roles.models import Level, Role
from roles.rules import missing_levels
from salaries.admin import PayGridInline
from salaries.models import EmployerType
from salaries.rules import PAY_PREFETCH, role_pay_is_complete

admin.site.site_header = "Career Paths: editors"
admin.site.site_title = "Career Paths editors"
admin.site.index_title = "Content of the site"


class FAQInline(admin.StackedInline):
    model = FAQ
    extra = 0
    classes = ["collapse"]
    fields = ["question", "answer", "order"]


@admin.register(Role)
class RoleAdmin(ArchiveAdminMixin, ContentVersionAdmin):
    list_display = ["title", "family", "status", "featured", "updated_at"]
    list_filter = ["family", "status", "featured"]
    search_fields = ["title", "slug", "aliases__name", "role_levels__level_skills__skill__name"]
    prepopulated_fields = {"slug": ["title"]}
    list_select_related = ["family"]
    readonly_fields = ["updated_at"]
    fields = ["title", "slug", "family", "status", "featured", "summary", "body", "updated_at"]
    inlines = [RoleLevelInline, PayGridInline, RoleRelationInline, FAQInline, RoleAliasInline]
    actions = ["publish", "unpublish", "archive", "restore"]

    def get_urls(self):
        return preview_urls(self) + super().get_urls()

    class Media:
        css = {"all": ["admin-editor/editor.css"]}
        js = ["admin-editor/role-screen.js"]

    def view_on_site(self, obj):
        # The career path is the page editors shape here; the role page is a summary of it.
        return reverse("career_path", kwargs={"role": obj.slug})

    def get_form(self, request, obj=None, **kwargs):
        kwargs["help_texts"] = {**ROLE_HELP, **kwargs.get("help_texts", {})}
        return super().get_form(request, obj, **kwargs)

    def get_inline_instances(self, request, obj=None):
        return with_counts(super().get_inline_instances(request, obj), obj)

    def render_change_form(self, request, context, *args, **kwargs):
        if "adminform" in context:
            context["error_links"] = error_links(context["adminform"], context.get("inline_admin_formsets", []))
        return super().render_change_form(request, context, *args, **kwargs)

    def get_search_results(self, request, queryset, search_term):
        queryset, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        # Joins through aliases and skills repeat rows; one row per role is what an editor expects.
        return queryset.distinct(), False

    def save_model(self, request, obj, form, change):
        old_slug = form.initial.get("slug") if change else None
        super().save_model(request, obj, form, change)
        if change and "slug" in form.changed_data:
            record_rename(role=obj, old_slug=old_slug)

    def delete_model(self, request, obj):
        delete_roles(roles=[obj])

    def delete_queryset(self, request, queryset):
        delete_roles(roles=queryset)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Anything saved on this screen changes the role's pages.
        touch(roles=[form.instance])

    def may_publish(self, role: Role) -> bool:
        # A role restored from the archive is published again only if it still has every level and its pay.
        role = Role.objects.prefetch_related("role_levels", *PAY_PREFETCH).get(pk=role.pk)
        return _complete(role, list(Level.objects.all()), list(EmployerType.objects.all()))

    @admin.action(description="Publish the selected roles", permissions=["change"])
    def publish(self, request, queryset):
        levels, employer_types = list(Level.objects.all()), list(EmployerType.objects.all())
        incomplete = [
            r.title
            for r in queryset.prefetch_related("role_levels", *PAY_PREFETCH)
            if not _complete(r, levels, employer_types)
        ]
        if incomplete:
            self.message_user(
                request,
                f"Not published, because they lack levels or pay (at every level, and from every kind of employer "
                f"that hires them): {', '.join(incomplete)}.",
                messages.ERROR,
            )
            queryset = queryset.exclude(title__in=incomplete)
        roles = list(queryset)
        count = set_status(roles=roles, status=Role.Status.PUBLISHED)
        _record(request, roles, "Published")
        self.message_user(request, f"Published {count} role(s).", messages.SUCCESS)

    @admin.action(description="Unpublish the selected roles (back to draft)", permissions=["change"])
    def unpublish(self, request, queryset):
        roles = list(queryset)
        count = set_status(roles=roles, status=Role.Status.DRAFT)
        _record(request, roles, "Unpublished")
        self.message_user(request, f"Unpublished {count} role(s); they are drafts again.", messages.SUCCESS)


def _complete(role: Role, levels: list[Level], employer_types: list[EmployerType]) -> bool:
    """Whether a role has every level, pay for every level, and pay by employer type complete by the content
    check's rule (salaries.rules): what a published role must show."""
    slugs = {level.pk: level.slug for level in levels}
    present = [slugs[rl.level_id] for rl in role.role_levels.all()]
    paid = [slugs[b.level_id] for b in role.salary_bands.all() if b.employer_type_id is None]
    return (
        not missing_levels(present, levels)
        and not missing_levels(paid, levels)
        and role_pay_is_complete(role, employer_types=employer_types, levels=levels)
    )


def _record(request, roles, comment: str) -> None:
    """Keep a status change in the history like any other edit (actions bypass the change form)."""
    with reversion.create_revision():
        reversion.set_user(request.user)
        reversion.set_comment(comment)
        for role in Role.objects.filter(pk__in=[r.pk for r in roles]):
            reversion.add_to_revision(role)


@admin.register(FAQ)
class FAQAdmin(ContentVersionAdmin):
    list_display = ["question", "role", "order"]
    search_fields = ["question", "answer", "role__title"]
    list_select_related = ["role"]
    autocomplete_fields = ["role"]
