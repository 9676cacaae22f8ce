"""Job titles as content: the rules (a bad titles.json is refused with file, path and reason, and the database is
left as it was), the load and export round trip, and an editor's change in the admin."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from django.urls import reverse

from careers.content.export import export_content
from careers.content.load import load_content
from careers.content.reader import ContentError
from careers.models import ContentVersion
from tests.admin.formdata import form_data
from tests.factories import reference, role_doc, write_content
from titles.models import JobTitle

pytestmark = pytest.mark.django_db

TITLES = [
    {
        "slug": "sde-1",
        "name": "SDE I",
        "level": "junior",
        "employer_type": "product",
        "family": "data",
        "next": "sde-2",
    },
    {"slug": "sde-2", "name": "SDE II", "level": "mid", "employer_type": "product", "family": "data"},
    {"slug": "associate", "name": "Associate", "level": "junior", "employer_type": "it-services", "note": "Freshers."},
    {"slug": "data-scientist", "name": "Data Scientist", "level": "mid", "roles": ["data-scientist"]},
]


def content(directory: Path, titles: list[dict]) -> Path:
    ref = reference(employer_types=True)
    ref["titles"] = {"titles": titles}
    return write_content(directory, [role_doc("data-scientist", "Data Scientist", status="draft")], ref)


@pytest.fixture
def loaded(tmp_path):
    load_content(directory=content(tmp_path / "good", TITLES))
    return tmp_path


def rows() -> list[tuple]:
    return list(JobTitle.objects.order_by("slug").values_list("slug", "name", "level__slug", "next_title__slug"))


def test_titles_load_with_their_references(loaded):
    sde = JobTitle.objects.get(slug="sde-1")
    assert (sde.level.slug, sde.employer_type.slug, sde.family.slug, sde.next_title.slug) == (
        "junior",
        "product",
        "data",
        "sde-2",
    )
    assert [r.slug for r in JobTitle.objects.get(slug="data-scientist").roles.all()] == ["data-scientist"]
    assert JobTitle.objects.get(slug="data-scientist").employer_type is None


def test_a_second_load_changes_nothing(loaded):
    version = ContentVersion.current()
    report = load_content(directory=loaded / "good")
    assert not report.changed and ContentVersion.current() == version


def change(titles: list[dict], index: int, **fields) -> list[dict]:
    out = copy.deepcopy(titles)
    out[index].update(fields)
    return out


BAD = {
    "unknown level": (change(TITLES, 0, level="apprentice"), "titles[0].level", "unknown level 'apprentice'"),
    "unknown role": (change(TITLES, 3, roles=["astronaut"]), "titles[3].roles[0]", "no role has the slug 'astronaut'"),
    "unknown family": (change(TITLES, 1, family="astrology"), "titles[1].family", "unknown family 'astrology'"),
    "unknown employer type": (
        change(TITLES, 2, employer_type="guild"),
        "titles[2].employer_type",
        "unknown employer type 'guild'",
    ),
    "same reading twice": (
        change(TITLES, 1, name="Software Development Engineer 1"),
        "titles[1].name",
        "'Software Development Engineer 1' reads the same as 'SDE I' (titles[0]) for employer type 'product'",
    ),
    "unknown next": (change(TITLES, 1, next="sde-9"), "titles[1].next", "no title has the slug 'sde-9'"),
    "next is lower": (change(TITLES, 1, next="sde-1"), "titles[1].next", "'SDE I' is a lower level than 'SDE II'"),
    "next is itself": (change(TITLES, 1, next="sde-2"), "titles[1].next", "a title cannot lead to itself"),
    "no letters": (change(TITLES, 2, name="!!!"), "titles[2].name", "'!!!' has no letters or digits to match"),
    "slug twice": (change(TITLES, 1, slug="sde-1", next=None), "titles", "duplicate title slug 'sde-1'"),
    "unknown key": (change(TITLES, 0, grade="C1"), "titles[0].grade", "Extra inputs are not permitted"),
    "wrong type": (change(TITLES, 0, roles="data-scientist"), "titles[0].roles", "valid list"),
}


@pytest.mark.parametrize("case", list(BAD))
def test_a_bad_titles_file_is_refused_and_the_database_is_unchanged(loaded, case):
    titles, path, reason = BAD[case]
    before, version = rows(), ContentVersion.current()
    with pytest.raises(ContentError) as refused:
        load_content(directory=content(loaded / case.replace(" ", "-"), titles))
    problems = [(Path(p.file).name, p.path, p.reason) for p in refused.value.problems]
    assert any(file == "titles.json" and where == path and reason in why for file, where, why in problems), problems
    assert rows() == before and ContentVersion.current() == version


def test_the_same_words_at_two_kinds_of_employer_are_allowed(loaded):
    titles = [*TITLES, {"slug": "associate-product", "name": "Associate", "level": "mid", "employer_type": "product"}]
    load_content(directory=content(loaded / "more", titles))
    assert JobTitle.objects.filter(name="Associate").count() == 2


def test_export_writes_back_what_was_loaded(loaded):
    export_content(directory=loaded / "out")
    exported = json.loads((loaded / "out" / "reference" / "titles.json").read_text())["titles"]
    assert sorted(exported, key=lambda t: t["slug"]) == sorted(TITLES, key=lambda t: t["slug"])
    load_content(directory=loaded / "out")  # and loads back without a change
    assert not load_content(directory=loaded / "out").changed


def test_a_title_left_out_of_the_file_is_deleted(loaded):
    load_content(directory=content(loaded / "fewer", TITLES[1:]))
    assert not JobTitle.objects.filter(slug="sde-1").exists()


def test_an_editor_changes_a_title_in_the_admin(loaded, editor_client):
    title = JobTitle.objects.get(slug="associate")
    url = reverse("admin:titles_jobtitle_change", args=[title.pk])
    page = editor_client.get(url).content.decode()
    assert 'name="opened_version"' in page  # edit conflicts are guarded, as on every content form
    data = form_data(page)
    data["note"] = ["The first grade after campus training."]
    version = ContentVersion.current()[0]
    assert editor_client.post(url, data).status_code == 302
    assert JobTitle.objects.get(pk=title.pk).note == "The first grade after campus training."
    assert ContentVersion.current()[0] > version  # cached pages show the change at once
    history = editor_client.get(reverse("admin:titles_jobtitle_history", args=[title.pk])).content.decode()
    assert "editor" in history


def test_the_admin_refuses_a_second_title_that_reads_the_same(loaded, editor_client):
    title = JobTitle.objects.get(slug="sde-2")
    url = reverse("admin:titles_jobtitle_change", args=[title.pk])
    data = form_data(editor_client.get(url).content.decode())
    data["name"] = ["Sr. SDE-I"]
    assert editor_client.post(url, data).status_code == 302  # another reading: fine
    data = form_data(editor_client.get(url).content.decode())
    data["name"] = ["Software Development Engineer 1"]
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert "reads the same as “SDE I”" in response.content.decode()
    assert JobTitle.objects.get(pk=title.pk).name == "Sr. SDE-I"
