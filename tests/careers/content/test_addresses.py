"""Old slugs (301) and removed roles (410) live in the content files: export, load into an empty database,
and every old address answers as it did."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from careers.content.export import export_content
from careers.content.load import load_content
from roles.editing import delete_roles, record_rename
from roles.models import RemovedRole, Role, RoleSlugHistory
from tests.factories import load_roles, role_doc

pytestmark = pytest.mark.django_db

# Every model the site's content lives in, children first: emptied to stand for a fresh database.
FRESH = ["careers.FAQ", "salaries.SalaryBand", "roles.RoleSlugHistory", "roles.RemovedRole", "roles.Role"]


def _answers(client: Client) -> dict[str, tuple[int, str]]:
    paths = [
        "/roles/data-scientist/",
        "/roles/data-scientist/career-path/",
        "/roles/ml-scientist/salary/",
        "/roles/data-engineer/",
        "/roles/old-engineer/career-path/",
        "/roles/ml-researcher/",
        "/roles/platform-engineer/to/applied-scientist/",
    ]
    answers = {}
    for path in paths:
        response = client.get(path)
        answers[path] = (response.status_code, response.headers.get("Location", ""))
    return answers


def _empty_database() -> None:
    from django.apps import apps

    for label in FRESH:
        apps.get_model(label).objects.all().delete()
    assert not RoleSlugHistory.objects.exists() and not RemovedRole.objects.exists()


def test_every_301_and_410_survives_export_and_a_fresh_load(tmp_path):
    load_roles(tmp_path / "first", role_doc("data-scientist"), role_doc("data-engineer"), role_doc("ml-researcher"))
    # In the admin: Data Scientist renamed twice, Data Engineer renamed then deleted, ML Researcher deleted.
    for old, new in [("data-scientist", "ml-scientist"), ("ml-scientist", "applied-scientist")]:
        role = Role.objects.get(slug=old)
        role.slug = new
        role.save()
        record_rename(role=role, old_slug=old)
    engineer = Role.objects.get(slug="data-engineer")
    engineer.slug = "old-engineer"
    engineer.save()
    record_rename(role=engineer, old_slug="data-engineer")
    engineer.slug = "platform-engineer"
    engineer.save()
    record_rename(role=engineer, old_slug="old-engineer")
    delete_roles(roles=Role.objects.filter(slug__in=["platform-engineer", "ml-researcher"]))

    client = Client()
    before = _answers(client)
    assert before["/roles/data-scientist/career-path/"] == (301, "/roles/applied-scientist/career-path/")
    assert before["/roles/ml-scientist/salary/"] == (301, "/roles/applied-scientist/salary/")
    assert before["/roles/data-engineer/"][0] == 410 and before["/roles/old-engineer/career-path/"][0] == 410
    assert before["/roles/ml-researcher/"][0] == 410
    assert before["/roles/platform-engineer/to/applied-scientist/"][0] == 410

    export_content(directory=tmp_path / "export")
    scientist = json.loads((tmp_path / "export/roles/applied-scientist.json").read_text(encoding="utf-8"))
    assert scientist["old_slugs"] == ["data-scientist", "ml-scientist"]
    removed = json.loads((tmp_path / "export/reference/removed.json").read_text(encoding="utf-8"))
    assert [r["slug"] for r in removed["removed"]] == [
        "data-engineer",
        "ml-researcher",
        "old-engineer",
        "platform-engineer",
    ]

    _empty_database()
    report = load_content(directory=tmp_path / "export")
    assert report.counts["old slugs"] == [2, 0, 0] and report.counts["removed roles"] == [4, 0, 0]
    assert _answers(Client()) == before
    # And loading the same files again changes nothing.
    assert not load_content(directory=tmp_path / "export").changed


def test_an_old_slug_moves_with_the_files(tmp_path):
    """Two roles in the files: an old slug listed by the second now redirects there (the files say so)."""
    load_roles(tmp_path / "a", role_doc("data-scientist", old_slugs=["analyst"]), role_doc("data-engineer"))
    load_roles(tmp_path / "b", role_doc("data-scientist"), role_doc("data-engineer", old_slugs=["analyst"]))
    assert RoleSlugHistory.objects.get(slug="analyst").role.slug == "data-engineer"
    assert Client().get("/roles/analyst/").headers["Location"] == "/roles/data-engineer/"


def test_a_role_file_on_a_removed_slug_brings_the_role_back(tmp_path):
    """A file for a slug that answered 410 makes it a live role again: it must no longer answer 410."""
    load_roles(tmp_path / "a", role_doc("data-scientist"), role_doc("data-engineer"))
    delete_roles(roles=Role.objects.filter(slug="data-engineer"))
    assert Client().get("/roles/data-engineer/").status_code == 410
    report = load_roles(tmp_path / "b", role_doc("data-scientist"), role_doc("data-engineer"))
    assert report.counts["removed roles"] == [0, 0, 1]
    assert Client().get("/roles/data-engineer/").status_code == 200
    assert not RemovedRole.objects.exists()
