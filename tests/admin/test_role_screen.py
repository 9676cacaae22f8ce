"""Editing a role as an editor: validation in the editor's words, history, publishing, renames."""

import pytest
from django.urls import reverse
from reversion.models import Version

from roles.models import Level, Role, RoleLevel, RoleSlugHistory, Skill
from salaries.models import Location, SalaryBand

from .formdata import form_data, index_of, pay_input


def change_url(role):
    return reverse("admin:roles_role_change", args=[role.pk])


def current_form(client, role) -> dict:
    return form_data(client.get(change_url(role)).content.decode())


def post(client, role, data):
    return client.post(change_url(role), data)


@pytest.fixture
def scientist(two_roles):
    return Role.objects.get(slug="data-scientist")


def errors_of(response) -> str:
    assert response.status_code == 200, "an invalid form is shown again, not saved"
    return response.content.decode()


def test_an_unchanged_form_saves(editor_client, scientist):
    response = post(editor_client, scientist, current_form(editor_client, scientist))
    assert response.status_code == 302


def test_band_with_low_above_median_is_explained(editor_client, scientist):
    data = current_form(editor_client, scientist)
    data[pay_input("junior", "india", "low")] = ["1000000"]
    html = errors_of(post(editor_client, scientist, data))
    assert "The low figure (₹10,00,000) is above the median (₹9,00,000); low must not exceed median." in html
    assert SalaryBand.objects.get(role=scientist, level__slug="junior", location__slug="india").low == 700_000


def test_relation_to_itself_is_explained(editor_client, scientist):
    data = current_form(editor_client, scientist)
    data["relations_out-0-to_role"] = [str(scientist.pk)]
    html = errors_of(post(editor_client, scientist, data))
    assert "A role cannot lead to itself: choose a different role." in html


def test_same_skill_twice_in_a_level_is_explained(editor_client, scientist):
    data = current_form(editor_client, scientist)
    python = str(Skill.objects.get(slug="python").pk)
    data["role_levels-0-skills"] = [python, python]
    html = errors_of(post(editor_client, scientist, data))
    assert "Python is listed more than once for this level; keep each skill once." in html


def test_published_role_without_a_level_or_its_pay_is_explained(editor_client, scientist):
    data = current_form(editor_client, scientist)
    lead = str(Level.objects.get(slug="lead").pk)
    data[f"role_levels-{index_of(data, 'role_levels', 'level', lead)}-DELETE"] = ["on"]
    for location in Location.objects.values_list("slug", flat=True):
        for figure in ["low", "median", "high"]:
            data[pay_input("lead", location, figure)] = [""]
    html = errors_of(post(editor_client, scientist, data))
    assert "A published role needs every level. Add Lead / Principal / Manager, or save the role as a draft." in html
    assert "A published role needs pay for every level. Add a band for Lead / Principal / Manager" in html
    # As a draft the same change is accepted.
    data["status"] = ["draft"]
    assert post(editor_client, scientist, data).status_code == 302
    assert not RoleLevel.objects.filter(role=scientist, level__slug="lead").exists()


def test_skills_keep_the_order_chosen(editor_client, scientist):
    data = current_form(editor_client, scientist)
    junior = str(Level.objects.get(slug="junior").pk)
    i = index_of(data, "role_levels", "level", junior)
    ids = {s.slug: str(s.pk) for s in Skill.objects.all()}
    data[f"role_levels-{i}-skills"] = [ids["statistics"], ids["sql"], ids["python"]]
    assert post(editor_client, scientist, data).status_code == 302
    level = RoleLevel.objects.get(role=scientist, level__slug="junior")
    assert [s.slug for s in level.skills] == ["statistics", "sql", "python"]


def test_every_save_is_kept_and_can_be_restored(editor_client, editor, scientist):
    data = current_form(editor_client, scientist)
    data["summary"] = ["A first rewrite."]
    assert post(editor_client, scientist, data).status_code == 302
    data = current_form(editor_client, scientist)
    data["summary"] = ["A second rewrite."]
    data[pay_input("junior", "india", "high")] = ["1500000"]
    assert post(editor_client, scientist, data).status_code == 302

    versions = Version.objects.get_for_object(scientist)
    assert versions.count() == 3  # the version loadcontent recorded, then the two saves
    assert versions[0].revision.user == editor
    first = versions[1]
    html = editor_client.get(reverse("admin:roles_role_history", args=[scientist.pk])).content.decode()
    assert "editor" in html
    revert_url = reverse("admin:roles_role_revision", args=[scientist.pk, first.pk])
    assert editor_client.get(revert_url).status_code == 200
    assert editor_client.post(revert_url, form_data(editor_client.get(revert_url).content.decode())).status_code == 302
    scientist.refresh_from_db()
    assert scientist.summary == "A first rewrite."
    assert SalaryBand.objects.get(role=scientist, level__slug="junior", location__slug="india").high == 1_200_000


def test_a_deleted_role_asks_first_and_can_be_recovered(admin_client, scientist):
    # Editors archive (tests/admin/test_archive.py); deleting for good is for superusers.
    data = current_form(admin_client, scientist)
    assert post(admin_client, scientist, data).status_code == 302  # a first revision to recover from
    delete_url = reverse("admin:roles_role_delete", args=[scientist.pk])
    assert b"Are you sure" in admin_client.get(delete_url).content
    assert admin_client.post(delete_url, {"post": "yes"}).status_code == 302
    assert not Role.objects.filter(slug="data-scientist").exists()
    version = Version.objects.get_deleted(Role).get()
    recover_url = reverse("admin:roles_role_recover", args=[version.pk])
    html = admin_client.get(recover_url).content.decode()
    assert admin_client.post(recover_url, form_data(html)).status_code == 302
    role = Role.objects.get(slug="data-scientist")
    assert role.role_levels.count() == 4 and role.salary_bands.count() == 8


def test_publish_and_unpublish_actions(editor_client, scientist):
    url = reverse("admin:roles_role_changelist")
    response = editor_client.post(url, {"action": "unpublish", "_selected_action": [scientist.pk]})
    assert response.status_code == 302
    scientist.refresh_from_db()
    assert scientist.status == "draft"
    editor_client.post(url, {"action": "publish", "_selected_action": [scientist.pk]})
    scientist.refresh_from_db()
    assert scientist.status == "published"
    assert [v.revision.comment for v in Version.objects.get_for_object(scientist)][:2] == ["Published", "Unpublished"]


def test_publish_refuses_an_incomplete_role(editor_client, scientist):
    Role.objects.filter(pk=scientist.pk).update(status="draft")
    RoleLevel.objects.filter(role=scientist, level__slug="lead").delete()
    response = editor_client.post(
        reverse("admin:roles_role_changelist"), {"action": "publish", "_selected_action": [scientist.pk]}, follow=True
    )
    assert (
        "Not published, because they lack levels or pay (at every level, and from every kind of employer that hires "
        "them): Data Scientist." in response.content.decode()
    )
    scientist.refresh_from_db()
    assert scientist.status == "draft"


def test_a_renamed_role_redirects_its_old_urls(editor_client, client, scientist):
    data = current_form(editor_client, scientist)
    data["slug"] = ["data-science-specialist"]
    assert post(editor_client, scientist, data).status_code == 302
    assert RoleSlugHistory.objects.get(slug="data-scientist").role == scientist
    for old, new in [
        ("/roles/data-scientist/", "/roles/data-science-specialist/"),
        ("/roles/data-scientist/career-path/", "/roles/data-science-specialist/career-path/"),
        ("/roles/data-scientist/career-path/senior/", "/roles/data-science-specialist/career-path/senior/"),
        (
            "/roles/data-scientist/salary/?location=bengaluru",
            "/roles/data-science-specialist/salary/?location=bengaluru",
        ),
        ("/roles/data-engineer/to/data-scientist/", "/roles/data-engineer/to/data-science-specialist/"),
    ]:
        response = client.get(old)
        assert response.status_code == 301, old
        assert response["Location"] == new
        assert client.get(new).status_code == 200, new
    assert client.get("/roles/never-existed/").status_code == 404


def test_a_save_shows_on_the_public_page_at_once(editor_client, client, scientist):
    url = "/roles/data-scientist/career-path/"
    assert b"Data Scientists do useful things" in client.get(url).content
    data = current_form(editor_client, scientist)
    data["summary"] = ["Data Scientists turn questions into models."]
    post(editor_client, scientist, data)
    assert b"Data Scientists turn questions into models." in client.get(url).content
