"""How the admin reads: titled for the site, the role screen's sections folded with counts, help where an
editor might doubt, an error summary linking each error to its field, and refusals that say why."""

import datetime as dt

import pytest
from django.urls import reverse

from careers.admin.refusals import duration
from roles.models import Role
from tests.html import elements

from .formdata import pay_input
from .test_role_screen import change_url, current_form, errors_of, post


@pytest.fixture
def scientist(two_roles):
    return Role.objects.get(slug="data-scientist")


def test_the_admin_is_titled_for_the_site(editor_client):
    html = editor_client.get(reverse("admin:index")).content.decode()
    assert "<title>Content of the site | Career Paths editors</title>" in html
    assert "Career Paths: editors" in html and "<h1>Content of the site</h1>" in html


def test_sections_fold_and_say_how_many_rows_they_hold(editor_client, scientist):
    html = editor_client.get(change_url(scientist)).content.decode()
    headings = elements(html, "h2", class_="inline-heading")
    assert [(h["id"].removesuffix("-heading"), h.text) for h in headings] == [
        ("role_levels", "Levels (4)"),
        ("salary_bands", "Pay (8 bands)"),
        ("relations_out", "Moves to other roles (1)"),
        ("faqs", "Questions (1)"),
        ("aliases", "Aliases (0)"),
    ]
    assert html.count("<details><summary>") >= 5


def test_fields_an_editor_might_doubt_say_what_they_do(editor_client, scientist):
    html = editor_client.get(change_url(scientist)).content.decode()
    for words in [
        "Renaming it is safe: the old addresses redirect to the new ones.",
        "Drafts are hidden from visitors and search engines",
        "Rupees a year",
        "say where the figures come from",
        "The date the figures describe",
    ]:
        assert words in html, words


def test_the_error_summary_links_every_error_to_its_field(editor_client, scientist):
    data = current_form(editor_client, scientist)
    data["title"] = [""]
    data[pay_input("mid", "india", "low")] = ["9900000"]
    html = errors_of(post(editor_client, scientist, data))
    summary = html[html.index('id="error-summary"') : html.index("</div>", html.index('id="error-summary"'))]
    assert "2 things to fix before this role is saved" in summary
    assert '<a href="#id_title" data-field="id_title">Title</a>: This field is required.' in summary
    assert 'href="#id_salary_bands-india-all-mid-low"' in summary and "Mid-level · India: low" in summary
    assert 'id="id_salary_bands-india-all-mid-low"' in html
    # A section with an error is shown open.
    pay = html[html.index('id="salary_bands-group"') :]
    assert "<details>" not in pay[: pay.index("</fieldset>")]


def test_an_editor_refused_users_gets_a_page_that_says_why(editor_client):
    response = editor_client.get(reverse("admin:auth_user_changelist"))
    html = response.content.decode()
    assert response.status_code == 403
    assert "Career Paths: editors" in html and "kept by the site’s administrators" in html
    assert f'href="{reverse("admin:index")}"' in html and "Back to the content" in html


def test_elsewhere_a_refusal_is_plain(client):
    from django.test import RequestFactory

    from careers.admin.refusals import permission_denied

    response = permission_denied(RequestFactory().get("/roles/"))
    assert response.status_code == 403 and b"Career Paths: editors" not in response.content


def test_the_lock_out_page_says_why_and_for_how_long(client, editor, settings):
    settings.AXES_COOLOFF_TIME = dt.timedelta(minutes=15)
    login = reverse("admin:login")
    for i in range(settings.AXES_FAILURE_LIMIT + 1):
        response = client.post(login, {"username": "editor", "password": f"wrong-{i}"})
    html = response.content.decode()
    assert response.status_code == 429
    assert "Career Paths: editors" in html and "locked" in html
    assert f"after {settings.AXES_FAILURE_LIMIT} sign-ins" in html and "<strong>15 minutes</strong>" in html
    assert f'href="{login}"' in html


@pytest.mark.parametrize(
    ("span", "said"),
    [
        (dt.timedelta(minutes=15), "15 minutes"),
        (dt.timedelta(hours=1), "1 hour"),
        (dt.timedelta(minutes=90), "1 hour 30 minutes"),
        (dt.timedelta(seconds=1), "1 second"),
    ],
)
def test_a_wait_is_said_as_people_say_it(span, said):
    assert duration(span) == said


def test_view_on_site_opens_the_career_path(editor_client, scientist):
    html = editor_client.get(change_url(scientist)).content.decode()
    assert 'href="/roles/data-scientist/career-path/" class="viewsitelink"' in html
