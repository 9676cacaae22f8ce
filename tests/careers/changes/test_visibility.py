"""Archiving, restoring and unpublishing in the admin: what changed follows what the public may see."""

from django.contrib.auth import get_user_model
from django.urls import reverse

from careers.changes.models import RoleChange
from roles.models import Role
from tests.html import elements, text_of

from .conftest import EDITOR
from .helpers import EXPECTED


def sign_in(client) -> None:
    client.force_login(get_user_model().objects.get(username=EDITOR))


def listed_on_changes(client) -> str:
    return text_of(client.get(reverse("changes")))


def test_archive_in_the_admin_takes_the_changes_off_and_restore_brings_them_back(client, changed):
    sign_in(client)
    assert client.post(reverse("admin:roles_role_archive", args=[changed.pk])).status_code == 302
    client.logout()
    assert Role.objects.get(pk=changed.pk).status == Role.Status.ARCHIVED
    assert "Data Scientist" not in listed_on_changes(client)
    assert client.get("/roles/data-scientist/career-path/").status_code == 410
    sign_in(client)
    assert client.post(reverse("admin:roles_role_restore", args=[changed.pk])).status_code == 302
    client.logout()
    # Archiving is no change a reader sees; coming back is a first public version again, not a change.
    assert list(RoleChange.objects.filter(role=changed).values_list("kind", flat=True)) == ["added", "changed", "added"]
    assert EXPECTED[0] in listed_on_changes(client)


def test_a_staff_preview_of_a_draft_shows_no_changes(client, changed):
    Role.objects.filter(pk=changed.pk).update(status=Role.Status.DRAFT)
    sign_in(client)
    page = client.get("/roles/data-scientist/career-path/")
    assert page.status_code == 200 and "Preview" in text_of(page, "body")
    assert "Last reviewed" not in text_of(page)
    assert not any(line in text_of(page) for line in EXPECTED)
    assert not elements(page, "time")
