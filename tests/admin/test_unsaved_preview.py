"""Preview before saving: the role screen's form, as it stands, rendered as the public pages; nothing written."""

import json
import subprocess

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse
from reversion.models import Revision, Version

from careers.models import ContentVersion
from roles.models import Role, RoleSlugHistory
from salaries.models import SalaryBand
from salaries.money import format_full, format_short
from tests.seo.test_html_valid import checker_or_skip

from .formdata import form_data, pay_input
from .test_role_screen import change_url, current_form

NEW_MEDIAN = 2_650_000  # senior, India: saved as ₹24,00,000 between ₹20,00,000 and ₹30,00,000


def preview_url(role):
    return reverse("admin:roles_role_preview", args=[role.pk])


@pytest.fixture
def scientist(two_roles):
    return Role.objects.get(slug="data-scientist")


def senior_india(role) -> SalaryBand:
    return SalaryBand.objects.get(role=role, level__slug="senior", location__slug="india")


def changed_form(client, role, **fields) -> dict:
    """The role screen's form with the senior median in India changed, and any other field given."""
    data = current_form(client, role)
    data[pay_input("senior", "india", "median")] = [str(NEW_MEDIAN)]
    data.update({name: [value] for name, value in fields.items()})
    return data


def snapshot() -> dict:
    """Everything a preview must leave as it was."""
    return {
        "version": ContentVersion.current(),
        "revisions": Revision.objects.count(),
        "versions": Version.objects.count(),
        "log": LogEntry.objects.count(),
        "roles": sorted(Role.objects.values_list("pk", "slug", "title", "status", "updated_at")),
        "bands": sorted(SalaryBand.objects.values_list("pk", "median")),
        "old_slugs": RoleSlugHistory.objects.count(),
    }


def test_the_role_screen_offers_a_preview_in_a_new_tab(editor_client, scientist):
    html = editor_client.get(change_url(scientist)).content.decode()
    assert f'formaction="{preview_url(scientist)}" formtarget="_blank"' in html
    html = editor_client.get(reverse("admin:roles_role_add")).content.decode()
    assert f'formaction="{reverse("admin:roles_role_preview_add")}" formtarget="_blank"' in html


def test_preview_shows_the_unsaved_figure_and_writes_nothing(editor_client, scientist):
    data = changed_form(editor_client, scientist, title="Data Scientist (renamed)", slug="data-scientist-2")
    before = snapshot()
    response = editor_client.post(preview_url(scientist), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert format_short(NEW_MEDIAN) in html and "Data Scientist (renamed)" in html
    assert "Preview of unsaved changes to Data Scientist (renamed)" in html
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    # htmx would swap the saved pages' fragments into this one: it is switched off for the page.
    assert "<body data-hx-disable>" in html
    assert snapshot() == before
    assert senior_india(scientist).median == 2_400_000


def test_the_salary_page_of_the_same_form(editor_client, scientist):
    data = changed_form(editor_client, scientist)
    response = editor_client.post(preview_url(scientist), {**data, "_preview": ["salary"]})
    html = response.content.decode()
    assert response.status_code == 200 and format_full(NEW_MEDIAN) in html
    # The banner carries the whole form, so the other page shows the same unsaved changes.
    carried = form_data(html.split('class="preview-tabs"', 1)[1].split("</form>", 1)[0])
    assert carried == {k: v for k, v in data.items()}
    assert '<button type="submit" name="_preview" value="career-path">Career path</button>' in html
    assert senior_india(scientist).median == 2_400_000


def test_a_preview_leaves_nothing_for_the_public_pages(editor_client, client, scientist):
    """The rolled-back save moved the content version on, then back: nothing rendered or memoised under the
    preview's version may be served once a real save brings the number back."""
    editor_client.post(preview_url(scientist), changed_form(editor_client, scientist))
    Role.objects.get(slug="data-engineer").save()  # a real save elsewhere moves the version on
    client.cookies.clear()
    for url in ["/roles/data-scientist/career-path/", "/roles/data-scientist/salary/", "/roles/?q=scientist"]:
        html = client.get(url).content.decode()
        assert format_short(NEW_MEDIAN) not in html and format_full(NEW_MEDIAN) not in html, url


def test_an_invalid_form_says_what_is_wrong_and_writes_nothing(editor_client, scientist):
    data = changed_form(editor_client, scientist, title="")
    data[pay_input("junior", "india", "low")] = ["1000000"]
    before = snapshot()
    response = editor_client.post(preview_url(scientist), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "The preview cannot be shown until these mistakes are corrected" in html
    assert "<strong>Role, Title</strong>: This field is required." in html
    assert "The low figure (₹10,00,000) is above the median (₹9,00,000)" in html
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert snapshot() == before


def test_a_new_role_can_be_previewed_before_it_exists(editor_client, scientist):
    data = form_data(editor_client.get(reverse("admin:roles_role_add")).content.decode())
    data.update(title=["Data Analyst"], slug=["data-analyst"], summary=["Turns data into answers."], body=["Reports."])
    data["family"] = [str(scientist.family_id)]
    before = snapshot()
    response = editor_client.post(reverse("admin:roles_role_preview_add"), data)
    assert response.status_code == 200
    assert "Preview of unsaved changes to Data Analyst" in response.content.decode()
    assert snapshot() == before and not Role.objects.filter(slug="data-analyst").exists()


def test_an_editor_who_may_not_change_roles_is_refused(client, scientist):
    viewer = get_user_model().objects.create_user("viewer", password="a-long-viewer-password", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_role"))
    client.force_login(viewer)
    data = form_data(client.get(change_url(scientist)).content.decode())
    assert 'name="_preview"' not in str(data)
    assert client.post(preview_url(scientist), data).status_code == 403


def test_a_visitor_is_sent_to_the_login(client, scientist):
    response = client.post(preview_url(scientist), {})
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_a_get_leads_back_to_the_role_screen(editor_client, scientist):
    response = editor_client.get(preview_url(scientist))
    assert response.status_code == 302 and response["Location"] == change_url(scientist)


def test_an_unknown_role_is_404(editor_client, scientist):
    assert editor_client.post(reverse("admin:roles_role_preview", args=["999999"]), {}).status_code == 404
    assert editor_client.post(reverse("admin:roles_role_preview", args=["abc"]), {}).status_code == 404


def test_both_preview_pages_are_valid_html(editor_client, scientist, tmp_path):
    command = checker_or_skip()
    data = changed_form(editor_client, scientist, body='Line one.\r\nLine two, with "quotes" & <angles>.')
    files = []
    for page in ["career-path", "salary"]:
        response = editor_client.post(preview_url(scientist), {**data, "_preview": [page]})
        assert response.status_code == 200
        path = tmp_path / f"{page}.html"
        path.write_text(response.content.decode(), encoding="utf-8")
        files.append(str(path))
    result = subprocess.run([*command, "--errors-only", "--format", "json", *files], capture_output=True, text=True)
    messages = json.loads(result.stderr or "{}").get("messages", [])
    assert [f"{m.get('lastLine')}: {m.get('message')}" for m in messages] == []


def test_a_form_opened_before_someone_elses_save_still_previews(editor_client, other_client, scientist):
    """The preview saves nothing, so it has nothing to refuse: the save itself is refused later, with their change."""
    data = changed_form(editor_client, scientist)
    theirs = current_form(other_client, scientist)
    theirs["summary"] = ["Their summary."]
    assert other_client.post(change_url(scientist), theirs).status_code == 302
    before = snapshot()
    response = editor_client.post(preview_url(scientist), data)
    html = response.content.decode()
    assert response.status_code == 200 and format_short(NEW_MEDIAN) in html and "Not saved" not in html
    assert snapshot() == before


def test_an_archived_role_previews_as_it_would_come_back(editor_client, scientist):
    assert editor_client.post(reverse("admin:roles_role_archive", args=[scientist.pk])).status_code == 302
    data = changed_form(editor_client, scientist)
    before = snapshot()
    response = editor_client.post(preview_url(scientist), data)
    assert response.status_code == 200 and format_short(NEW_MEDIAN) in response.content.decode()
    assert snapshot() == before
    assert Role.objects.get(pk=scientist.pk).status == Role.Status.ARCHIVED
