"""An editor can open every content page of the admin, and nothing beyond content."""

import pytest
from django.contrib import admin
from django.urls import reverse

from roles.models import Role

CONTENT_APPS = {"roles", "salaries", "titles", "careers"}


def content_models():
    return [m for m in admin.site._registry if m._meta.app_label in CONTENT_APPS]


def test_the_command_makes_a_staff_editor(editor):
    assert editor.is_staff and not editor.is_superuser
    assert list(editor.groups.values_list("name", flat=True)) == ["Editors"]
    assert editor.has_perm("roles.change_role") and editor.has_perm("salaries.change_salaryband")
    assert not editor.has_perm("auth.change_user") and not editor.has_perm("auth.change_group")


@pytest.mark.parametrize("model", content_models(), ids=lambda m: m._meta.label)
def test_every_content_admin_page_opens(editor_client, two_roles, model):
    opts = model._meta
    changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    assert editor_client.get(changelist).status_code == 200
    assert editor_client.get(changelist, {"q": "data"}).status_code == 200
    obj = model.objects.first()
    if obj is not None:
        change = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
        assert editor_client.get(change).status_code == 200
        history = reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[obj.pk])
        assert editor_client.get(history).status_code == 200
    if editor_client.get(reverse("admin:index")).status_code == 200 and model is not None:
        add = reverse(f"admin:{opts.app_label}_{opts.model_name}_add")
        assert editor_client.get(add).status_code in (200, 403)


@pytest.mark.parametrize("url", ["admin:auth_user_changelist", "admin:auth_group_changelist", "admin:auth_user_add"])
def test_users_and_groups_are_off_limits(editor_client, url):
    assert editor_client.get(reverse(url)).status_code == 403


def test_the_role_screen_has_every_inline_and_a_view_on_site_link(editor_client, two_roles):
    role = Role.objects.get(slug="data-scientist")
    html = editor_client.get(reverse("admin:roles_role_change", args=[role.pk])).content.decode()
    for prefix in ["role_levels", "relations_out", "aliases", "salary_bands", "faqs"]:
        assert f'name="{prefix}-TOTAL_FORMS"' in html, prefix
    # "View on site" opens the career path, the page this screen shapes.
    assert 'href="/roles/data-scientist/career-path/" class="viewsitelink"' in html and "View on site" in html
    # Skills are listed in the saved order, and more are added with autocomplete.
    assert 'name="role_levels-0-skills_add"' in html and "admin-autocomplete" in html
    junior = html[html.index('name="role_levels-0-skills"') :]
    junior = junior[: junior.index("</ol>")]
    assert junior.index(">Python<") < junior.index(">SQL<")


def test_role_list_filters_and_searches_by_alias_and_skill(editor_client, two_roles):
    from roles.models import RoleAlias

    RoleAlias.objects.create(role=Role.objects.get(slug="data-engineer"), name="Pipeline Wrangler")
    url = reverse("admin:roles_role_changelist")
    assert b"Data Engineer" in editor_client.get(url, {"q": "wrangler"}).content
    response = editor_client.get(url, {"q": "statistics"})
    assert response.context["cl"].result_count == 2
    assert editor_client.get(url, {"status__exact": "draft"}).context["cl"].result_count == 0
    assert editor_client.get(url, {"o": "-4"}).status_code == 200


def test_reference_data_shows_where_it_is_used(editor_client, two_roles):
    html = editor_client.get(reverse("admin:roles_skill_changelist")).content.decode()
    assert "Used by" in html
    assert editor_client.get(reverse("admin:salaries_location_changelist")).status_code == 200
