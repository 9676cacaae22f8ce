"""Editors archive instead of deleting: an archived role is gone from the site (410) and comes back whole."""

import io
import json

import pytest
from django.core.management import call_command
from django.urls import reverse

from careers.web.sitemaps import SITEMAPS
from roles.models import RemovedRole, Role, RoleSlugHistory

from .test_role_screen import change_url, current_form, post

SCIENTIST_URLS = [
    "/roles/data-scientist/",
    "/roles/data-scientist/career-path/",
    "/roles/data-scientist/career-path/junior/",
    "/roles/data-scientist/salary/",
    "/roles/data-scientist/to/data-engineer/",
    "/roles/data-engineer/to/data-scientist/",
]


@pytest.fixture
def scientist(two_roles):
    return Role.objects.get(slug="data-scientist")


def archive(client, role):
    url = reverse("admin:roles_role_archive", args=[role.pk])
    page = client.get(url).content.decode()
    assert "Data Engineer" in page, "the confirmation names the roles that link to it"
    assert client.post(url).status_code == 302
    role.refresh_from_db()


def public_lists(client) -> str:
    """Every public page that lists roles, moves or skills' roles, as one text."""
    urls = ["/", "/roles/", "/roles/?view=az", "/roles/?q=scientist", "/salaries/", "/skills/python/"]
    urls += ["/roles/data-engineer/", "/roles/data-engineer/career-path/"]
    urls += [reverse("sitemap_section", kwargs={"section": section}) for section in SITEMAPS]
    return "".join(client.get(url).content.decode() for url in urls)


def test_an_archived_role_is_gone_everywhere_and_restore_brings_it_back(editor_client, client, scientist):
    assert "data-scientist" in public_lists(client)
    archive(editor_client, scientist)
    assert scientist.status == Role.Status.ARCHIVED and scientist.archived_from == Role.Status.PUBLISHED

    for url in SCIENTIST_URLS:
        gone = client.get(url)
        assert gone.status_code == 410, url
        assert "no-cache" in gone["Cache-Control"], "a restore must not be hidden by a cached 410"
        assert editor_client.get(url).status_code == 410, f"staff too: {url}"
    assert "data-scientist" not in public_lists(client)
    assert "Data Scientist" not in public_lists(client)

    changelist = reverse("admin:roles_role_changelist")
    response = editor_client.post(changelist, {"action": "restore", "_selected_action": [scientist.pk]})
    assert response.status_code == 302
    scientist.refresh_from_db()
    assert scientist.status == Role.Status.PUBLISHED and scientist.archived_from == ""
    for url in SCIENTIST_URLS:
        assert client.get(url).status_code == 200, url
    engineer_page = client.get("/roles/data-engineer/career-path/").content.decode()
    assert 'href="/roles/data-engineer/to/data-scientist/"' in engineer_page, "the move into it comes back"
    assert scientist.role_levels.count() == 4 and scientist.salary_bands.count() == 8 and scientist.faqs.count() == 1


def test_archive_and_restore_are_in_the_history(editor_client, editor, scientist):
    archive(editor_client, scientist)
    editor_client.post(reverse("admin:roles_role_restore", args=[scientist.pk]))
    history = editor_client.get(reverse("admin:roles_role_history", args=[scientist.pk])).content.decode()
    assert "Archived: taken off the site, everything kept." in history
    assert "Restored from the archive." in history


def test_the_role_screen_offers_archive_or_restore(editor_client, scientist):
    assert "Archive</a>" in editor_client.get(change_url(scientist)).content.decode()
    archive(editor_client, scientist)
    assert "Restore from the archive</a>" in editor_client.get(change_url(scientist)).content.decode()


def test_a_draft_comes_back_a_draft(editor_client, scientist):
    Role.objects.filter(pk=scientist.pk).update(status=Role.Status.DRAFT)
    scientist.refresh_from_db()
    archive(editor_client, scientist)
    editor_client.post(reverse("admin:roles_role_restore", args=[scientist.pk]))
    scientist.refresh_from_db()
    assert scientist.status == Role.Status.DRAFT


def test_a_renamed_role_can_be_archived_and_its_old_address_is_gone(editor_client, client, scientist):
    data = current_form(editor_client, scientist)
    data["slug"] = ["data-science"]
    assert post(editor_client, scientist, data).status_code == 302
    assert RoleSlugHistory.objects.filter(slug="data-scientist").exists()
    archive(editor_client, scientist)
    assert client.get("/roles/data-science/").status_code == 410
    assert client.get("/roles/data-scientist/career-path/").status_code == 410


def test_editors_cannot_delete_a_role(editor_client, scientist):
    assert editor_client.get(reverse("admin:roles_role_delete", args=[scientist.pk])).status_code == 403
    changelist = editor_client.get(reverse("admin:roles_role_changelist")).content.decode()
    assert 'value="delete_selected"' not in changelist and 'value="archive"' in changelist
    assert Role.objects.filter(pk=scientist.pk).exists()


def test_superusers_still_delete_for_good(admin_client, client, scientist):
    url = reverse("admin:roles_role_delete", args=[scientist.pk])
    assert admin_client.post(url, {"post": "yes"}).status_code == 302
    assert not Role.objects.filter(slug="data-scientist").exists()
    assert RemovedRole.objects.filter(slug="data-scientist").exists()
    assert client.get("/roles/data-scientist/").status_code == 410


def test_archived_status_round_trips_through_the_content_files(editor_client, scientist, tmp_path):
    archive(editor_client, scientist)
    call_command("exportcontent", dir=tmp_path, stdout=io.StringIO())
    document = json.loads((tmp_path / "roles" / "data-scientist.json").read_text())
    assert document["status"] == "archived"
    Role.objects.filter(pk=scientist.pk).update(status=Role.Status.PUBLISHED)
    call_command("loadcontent", dir=tmp_path, verbosity=0, stdout=io.StringIO())
    scientist.refresh_from_db()
    assert scientist.status == Role.Status.ARCHIVED


def test_a_role_that_lost_a_level_while_archived_comes_back_a_draft(editor_client, scientist):
    archive(editor_client, scientist)
    scientist.role_levels.filter(level__slug="lead").delete()
    editor_client.post(reverse("admin:roles_role_restore", args=[scientist.pk]))
    scientist.refresh_from_db()
    assert scientist.status == Role.Status.DRAFT


def test_the_status_field_leaves_archiving_to_archive(editor_client, scientist):
    """Archived is not a status to pick: Archive remembers what the role was and tells the roles linking to it."""
    form = editor_client.get(change_url(scientist)).content.decode()
    assert '<option value="published" selected>' in form and 'value="archived"' not in form
    data = current_form(editor_client, scientist)
    data["status"] = ["archived"]
    assert "Select a valid choice" in post(editor_client, scientist, data).content.decode()

    archive(editor_client, scientist)
    form = editor_client.get(change_url(scientist)).content.decode()
    assert '<select name="status" disabled' in form
    assert "“Restore from the archive” above brings it back" in form
    # An archived role can still be corrected; the save keeps it archived, whatever status is posted.
    data = current_form(editor_client, scientist)
    data.update(summary=["Corrected while archived."], status=["published"])
    assert post(editor_client, scientist, data).status_code == 302
    scientist.refresh_from_db()
    assert scientist.status == Role.Status.ARCHIVED and scientist.archived_from == Role.Status.PUBLISHED
    assert scientist.summary == "Corrected while archived."


def test_a_form_opened_before_the_role_was_archived_cannot_bring_it_back(editor_client, other_client, scientist):
    mine = current_form(editor_client, scientist)
    archive(other_client, scientist)
    mine["summary"] = ["Mine."]
    page = post(editor_client, scientist, mine).content.decode()
    assert "Not saved" in page and "Archived" in page
    scientist.refresh_from_db()
    assert scientist.status == Role.Status.ARCHIVED and scientist.summary != "Mine."
