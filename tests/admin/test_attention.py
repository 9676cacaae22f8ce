"""The admin home lists what needs attention: drafts, old pay, content-check problems, the latest changes."""

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from reversion.models import Revision

from careers.admin import attention
from careers.content.reader import read_content
from careers.content.validate import editorial_problems, reference_problems
from roles.models import Role, RoleLevelSkill
from salaries.models import SalaryBand

from .test_role_screen import change_url, current_form

BANDS_AS_OF = datetime.date(2026, 10, 1)  # tests/factories.py


@pytest.fixture
def scientist(two_roles):
    return Role.objects.get(slug="data-scientist")


def home(client) -> str:
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    return response.content.decode()


def section(html: str, caption: str) -> str:
    """One table of the "needs attention" block, from its caption to its end."""
    return html.split(f"<caption>{caption}", 1)[1].split("</table>", 1)[0]


def freeze_site_today(monkeypatch, day: datetime.date) -> None:
    monkeypatch.setattr(attention, "site_today", lambda: day)


def test_drafts_are_listed_with_links(editor_client, scientist):
    assert "No drafts: every role is published." in home(editor_client)
    scientist.status = Role.Status.DRAFT
    scientist.save()
    drafts = section(home(editor_client), "Drafts (1)")
    assert f'<a href="{change_url(scientist)}">Data Scientist</a>' in drafts
    assert "Data Engineer" not in drafts


def test_long_lists_show_the_first_and_say_how_many_more(editor_client, two_roles, monkeypatch):
    monkeypatch.setattr(attention, "SHOWN", 1)
    for role in Role.objects.all():
        role.status = Role.Status.DRAFT
        role.save()
    drafts = section(home(editor_client), "Drafts (2)")
    assert drafts.count("not public until published") == 1
    assert f'<a href="{reverse("admin:roles_role_changelist")}?status__exact=draft">and 1 more</a>' in drafts


def test_pay_older_than_twelve_months(editor_client, scientist, monkeypatch):
    freeze_site_today(monkeypatch, datetime.date(2027, 10, 1))  # exactly twelve months: not yet old
    assert "Pay more than a year old (0)" in home(editor_client)
    freeze_site_today(monkeypatch, datetime.date(2027, 10, 2))
    old = section(home(editor_client), "Pay more than a year old (2)")
    assert f'<a href="{change_url(scientist)}">Data Scientist</a>' in old and "pay as of 1 October 2026" in old
    # One band brought up to date is not enough: the oldest figure counts.
    SalaryBand.objects.filter(role=scientist).exclude(level__slug="junior").update(as_of=datetime.date(2027, 9, 1))
    assert "Data Scientist" in section(home(editor_client), "Pay more than a year old (2)")


def test_today_is_the_site_s_today(monkeypatch):
    """19:00 UTC on 1 October is already 2 October in India (UTC+5:30), whatever the server's zone."""
    monkeypatch.setattr(timezone, "now", lambda: datetime.datetime(2027, 10, 1, 19, 0, tzinfo=datetime.UTC))
    assert attention.site_today() == datetime.date(2027, 10, 2)
    monkeypatch.setattr(timezone, "now", lambda: datetime.datetime(2027, 10, 1, 18, 0, tzinfo=datetime.UTC))
    assert attention.site_today() == datetime.date(2027, 10, 1)


def test_months_before_keeps_the_day_or_the_month_s_last():
    assert attention.months_before(datetime.date(2028, 2, 29), 12) == datetime.date(2027, 2, 28)
    assert attention.months_before(datetime.date(2027, 1, 15), 12) == datetime.date(2026, 1, 15)
    assert attention.months_before(datetime.date(2027, 3, 31), 1) == datetime.date(2027, 2, 28)


def test_a_content_problem_made_in_the_database_shows(editor_client, scientist):
    reason = "median-rises: in india the senior median is not above the mid median"
    assert reason not in home(editor_client)  # the check is cached now: the save below must move it on
    band = SalaryBand.objects.get(role=scientist, level__slug="senior", location__slug="india")
    band.low, band.median = 1_400_000, 1_500_000
    band.save()
    problems = section(home(editor_client), "Content check")
    assert (
        f'<a href="{change_url(scientist)}">Data Scientist</a></th><td><code>salaries.bands</code>: {reason}'
        in problems
    )


def test_a_row_the_document_format_cannot_hold_is_a_problem_of_its_role(editor_client, scientist):
    """A level left without skills cannot be exported; the role is reported and the others are still checked."""
    engineer = [p for p in attention.database_problems() if p.file == "roles/data-engineer.json"]
    assert engineer, "the small catalog breaks some editorial rule for Data Engineer too"
    RoleLevelSkill.objects.filter(role_level__role=scientist, role_level__level__slug="mid").delete()
    Role.objects.get(slug="data-engineer").save()  # a bulk delete sends no signal; any save moves the version on
    problems = section(home(editor_client), "Content check")
    expected = f'<a href="{change_url(scientist)}">Data Scientist</a></th><td><code>skills</code>: List should have'
    assert expected in problems
    after = attention.database_problems()
    assert [p for p in after if p.file == "roles/data-engineer.json"] == engineer


def test_the_same_rules_as_checkcontent(scientist, tmp_path):
    """The database checked in memory finds what checkcontent finds in the exported files."""
    band = SalaryBand.objects.get(role=scientist, level__slug="lead", location__slug="bengaluru")
    band.low, band.median = 1_000_000, 1_000_000
    band.save()
    call_command("exportcontent", "--dir", str(tmp_path), stdout=io.StringIO())
    content = read_content(tmp_path)
    from_files = {
        (p.file.rsplit("/", 2)[-2:][-1], p.path, p.reason)
        for p in reference_problems(content) + editorial_problems(content)
    }
    from_database = {(p.file.rsplit("/", 1)[-1], p.path, p.reason) for p in attention.database_problems()}
    assert from_database == from_files and any("median-rises: in bengaluru" in p[2] for p in from_database)


def test_latest_changes_name_who_and_when(editor_client, editor, scientist):
    data = current_form(editor_client, scientist)
    data["summary"] = ["Finds answers in data, and says how sure they are."]
    assert editor_client.post(change_url(scientist), data).status_code == 302
    changes = section(home(editor_client), "Latest changes")
    assert f'<a href="{change_url(scientist)}">Data Scientist</a></th><td>Changed Summary' in changes
    when = timezone.localtime(Revision.objects.get(user=editor).date_created)
    assert f'<span class="mini">by editor, <time datetime="{when.isoformat()}">' in changes


def test_who_may_not_see_roles_sees_no_list(client, two_roles):
    staff = get_user_model().objects.create_user("staff", password="a-long-staff-password", is_staff=True)
    client.force_login(staff)
    assert 'id="needs-attention"' not in home(client)


def test_the_check_is_read_once_per_content_version(editor_client, scientist, django_assert_max_num_queries):
    home(editor_client)
    with django_assert_max_num_queries(20):
        home(editor_client)


def test_the_real_content_checked_in_the_database_finds_nothing(site_content):
    """Pay by employer type and the "rarely hires" marks, read back from the database, pass the same rules."""
    assert attention.database_problems() == []
