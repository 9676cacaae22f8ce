"""loadcontent keeps a history: one revision for each role it creates or changes, none for a load that changes
nothing; the loaded version can be restored, and a role deleted before anyone edited it recovered."""

from __future__ import annotations

import pytest
from reversion.models import Version

from careers.models import FAQ
from roles.editing import delete_roles
from roles.models import Role, RoleLevel
from salaries.models import SalaryBand
from tests.factories import load_roles, role_doc

pytestmark = pytest.mark.django_db


def _versions(slug: str) -> list[Version]:
    role = Role.objects.get(slug=slug)
    return list(Version.objects.get_for_object(role).select_related("revision").order_by("pk"))


def test_a_loaded_role_has_one_revision_naming_its_file(tmp_path):
    report = load_roles(tmp_path / "fixtures", role_doc("data-scientist"), role_doc("data-engineer"))
    assert report.revisions == 2
    [version] = _versions("data-scientist")
    assert version.revision.get_comment() == "Loaded from fixtures/roles/data-scientist.json"
    # The revision holds the role with what the admin shows on its screen: levels with their skills, pay, questions.
    held = {v.content_type.model for v in version.revision.version_set.all()}
    assert {"role", "rolelevel", "rolelevelskill", "salaryband"} <= held


def test_a_load_that_changes_nothing_records_nothing(tmp_path):
    doc = role_doc("data-scientist")
    load_roles(tmp_path / "fixtures", doc)
    report = load_roles(tmp_path / "fixtures", doc)
    assert report.revisions == 0
    assert len(_versions("data-scientist")) == 1


def test_a_changed_file_adds_one_revision_only_for_its_role(tmp_path):
    scientist, engineer = role_doc("data-scientist"), role_doc("data-engineer")
    load_roles(tmp_path / "fixtures", scientist, engineer)
    scientist["salaries"]["bands"][0]["high"] = 1_300_000
    report = load_roles(tmp_path / "fixtures", scientist, engineer)
    assert report.revisions == 1
    assert len(_versions("data-scientist")) == 2 and len(_versions("data-engineer")) == 1


def test_restoring_the_first_revision_brings_the_loaded_values_back(tmp_path):
    doc = role_doc("data-scientist", faqs=[{"question": "Is it fun?", "answer": "Often."}])
    load_roles(tmp_path / "fixtures", doc)
    doc.update(summary="A new summary.", faqs=[])
    doc["levels"][0]["what_you_do"] = "Something else."
    doc["salaries"]["bands"][0]["median"] = 950_000
    load_roles(tmp_path / "fixtures", doc)
    first, second = _versions("data-scientist")
    assert second.revision.get_comment() == "Loaded from fixtures/roles/data-scientist.json"

    first.revision.revert(delete=True)
    role = Role.objects.get(slug="data-scientist")
    assert role.summary == "Data Scientists do useful things with data."
    assert RoleLevel.objects.get(role=role, level__slug="junior").what_you_do == "You learn."
    assert SalaryBand.objects.get(role=role, level__slug="junior", location__slug="india").median == 900_000
    assert list(FAQ.objects.filter(role=role).values_list("question", flat=True)) == ["Is it fun?"]


def test_a_role_deleted_before_anyone_edited_it_can_be_recovered(tmp_path):
    load_roles(tmp_path / "fixtures", role_doc("data-scientist"), role_doc("data-engineer"))
    delete_roles(roles=Role.objects.filter(slug="data-engineer"))
    [deleted] = Version.objects.get_deleted(Role)
    deleted.revision.revert()
    role = Role.objects.get(slug="data-engineer")
    assert role.role_levels.count() == 4
    assert [s.slug for s in role.role_levels.get(level__slug="junior").skills] == ["python", "sql"]
    assert SalaryBand.objects.filter(role=role).count() == 8
