"""A change made in the admin shows, in words and dated in Kolkata, on the role's career path, /changes/ and the
feed; a draft's or an archived role's changes show nowhere, nor does who made a change or their note."""

import datetime
import xml.etree.ElementTree as ET

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.urls import reverse
from reversion.models import Revision

from careers.changes.models import RoleChange
from roles.models import Role
from tests.html import element, elements, text_of

from .conftest import EDITOR, SAVED_AT
from .helpers import EXPECTED, edit_in_admin

ATOM = "{http://www.w3.org/2005/Atom}"
CAREER_PATH = "/roles/data-scientist/career-path/"
DAY = "3 Nov 2026"  # SAVED_AT in Kolkata


def feed(client) -> ET.Element:
    response = client.get(reverse("changes_feed"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content)


def test_the_career_path_says_when_it_was_last_reviewed_and_what_changed(client, changed):
    page = client.get(CAREER_PATH)
    assert f"Last reviewed {DAY} " in text_of(page, "header", class_="page-head")
    section = element(page, "section", aria_labelledby="changes")
    assert [item.text for item in section.find_all("li")] == [f"{line} on {DAY}" for line in EXPECTED]
    assert {time["datetime"] for time in section.find_all("time")} == {"2026-11-03"}
    assert element(page, "link", rel="alternate", type="application/atom+xml")["href"] == reverse("changes_feed")


def test_a_role_without_changes_is_reviewed_when_it_was_published(client, scientist):
    with time_machine.travel(SAVED_AT, tick=False):
        Revision.objects.update(date_created=SAVED_AT)
    from careers.changes.models import RoleChange

    RoleChange.objects.update(recorded_at=SAVED_AT)
    page = client.get(CAREER_PATH)
    assert f"Last reviewed {DAY} " in text_of(page, "header", class_="page-head")
    assert text_of(page, "section", aria_labelledby="changes").startswith(
        "Changes to this career path No changes since"
    )


def test_changes_lists_the_change_linked_to_its_career_path(client, changed):
    page = client.get(reverse("changes"))
    entries = elements(page, "ol", class_="changes")[0].child_elements
    assert len(entries) == 1
    assert entries[0].find("a")["href"] == CAREER_PATH and entries[0].find("a").text == "Data Scientist"
    assert entries[0].find("time")["datetime"] == "2026-11-03" and entries[0].find("time").text == DAY
    assert [li.text for li in entries[0].find("ul").find_all("li")] == EXPECTED
    assert element(page, "link", rel="alternate", type="application/atom+xml")


def test_the_feed_is_atom_with_the_change_in_words(client, changed):
    root = feed(client)
    assert root.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        assert root.find(f"{ATOM}{name}") is not None and root.find(f"{ATOM}{name}").text, name
    assert root.find(f"{ATOM}link[@rel='self']").get("href").endswith("/changes/feed/")
    (entry,) = root.findall(f"{ATOM}entry")
    for name in ("id", "title", "updated"):
        assert entry.find(f"{ATOM}{name}").text, name
    assert entry.find(f"{ATOM}title").text == "Data Scientist: Summary rewritten and 2 more changes"
    assert entry.find(f"{ATOM}summary").text == "; ".join(EXPECTED) + f" (on {DAY})."
    assert entry.find(f"{ATOM}link").get("href").endswith(CAREER_PATH)
    assert datetime.datetime.fromisoformat(entry.find(f"{ATOM}updated").text) == SAVED_AT
    assert entry.find(f"{ATOM}id").text.startswith("tag:")


def test_an_entrys_id_stays_the_same_when_more_changes_come(client, editor_client, changed):
    first = feed(client).find(f"{ATOM}entry/{ATOM}id").text
    editor_client.force_login(get_user_model().objects.get(username=EDITOR))  # signed out by ``changed``
    edit_in_admin(editor_client, changed, summary="Written a third time.", median=2600000, add_skill=None)
    editor_client.logout()
    ids = [entry.text for entry in feed(client).findall(f"{ATOM}entry/{ATOM}id")]
    assert len(ids) == 2 and ids[1] == first


def test_no_editor_name_nor_note_is_shown(client, changed):
    notes = [note for note in Revision.objects.values_list("comment", flat=True) if note]
    assert notes, "the admin's save left a note in the history"
    for url in (CAREER_PATH, reverse("changes"), reverse("changes_feed")):
        body = client.get(url).content.decode()
        assert EDITOR not in body, url
        for note in notes:
            assert note not in body, url


@pytest.mark.parametrize("status", [Role.Status.DRAFT, Role.Status.ARCHIVED])
def test_a_role_no_longer_public_leaves_changes_and_the_feed(client, changed, status):
    Role.objects.filter(pk=changed.pk).update(status=status)
    assert "Data Scientist" not in text_of(client.get(reverse("changes")))
    assert feed(client).findall(f"{ATOM}entry") == []


@pytest.mark.parametrize(
    ("instant", "day", "iso"),
    [
        (datetime.datetime(2026, 11, 3, 18, 29, 50, tzinfo=datetime.UTC), "3 Nov 2026", "2026-11-03"),  # 23:59:50 IST
        (datetime.datetime(2026, 11, 3, 18, 30, 10, tzinfo=datetime.UTC), "4 Nov 2026", "2026-11-04"),  # 00:00:10 IST
        (datetime.datetime(2026, 11, 3, 23, 59, 50, tzinfo=datetime.UTC), "4 Nov 2026", "2026-11-04"),  # UTC midnight
        (datetime.datetime(2026, 11, 4, 0, 0, 10, tzinfo=datetime.UTC), "4 Nov 2026", "2026-11-04"),
    ],
)
def test_dates_are_the_day_in_kolkata_near_midnight(client, editor_client, scientist, instant, day, iso):
    with time_machine.travel(instant, tick=False):
        edit_in_admin(editor_client, scientist)
    editor_client.logout()
    for url in (CAREER_PATH, reverse("changes")):
        times = elements(client.get(url), "main")[0].find_all("time")
        assert times and {(t["datetime"], t.text) for t in times} == {(iso, day)}, url


def test_changes_come_a_page_at_a_time_each_page_its_own(client, changed):
    change = RoleChange.objects.get(kind="changed")
    RoleChange.objects.bulk_create(
        RoleChange(role=change.role, recorded_at=change.recorded_at, kind="changed", lines=[f"Line {i}"])
        for i in range(45)
    )
    first, second = client.get(reverse("changes")), client.get(reverse("changes"), {"page": "2"})
    assert len(elements(first, "ol", class_="changes")[0].child_elements) == 20
    assert element(first, "a", rel="next")["href"] == "?page=2"
    assert element(second, "a", rel="prev")["href"] == "?page=1"
    assert element(first, "title").text != element(second, "title").text
    descriptions = [element(page, "meta", name="description")["content"] for page in (first, second)]
    assert descriptions[0] != descriptions[1]
    assert element(second, "link", rel="canonical")["href"].endswith("/changes/?page=2")
    for bad in ("0", "x", "999", "-1"):
        assert client.get(reverse("changes"), {"page": bad}).status_code == 200, bad
    assert len(feed(client).findall(f"{ATOM}entry")) == 46  # all of them: fewer than the feed's fifty
