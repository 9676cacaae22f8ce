"""Employer types and pay by employer type through the loader, the exporter and the loaded revisions: loaded once,
exported as written, kept in the role's history with its pay."""

from __future__ import annotations

import json

import pytest
from reversion.models import Version

from careers.content.export import export_content
from roles.models import Role
from salaries.models import EmployerType, RarelyHiring, SalaryBand
from tests.factories import EMPLOYER_TYPES, employer_bands, load_roles, reference, role_doc, write_content

pytestmark = pytest.mark.django_db


def paid_roles() -> list[dict]:
    scientist = role_doc("data-scientist")
    scientist["salaries"]["bands"] += employer_bands()
    engineer = role_doc("data-engineer")
    engineer["salaries"]["bands"] += employer_bands(shares={"product": 1.3})
    engineer["salaries"]["rarely_hired_by"] = ["it-services"]
    return [scientist, engineer]


def test_employer_types_bands_and_rarely_hiring_are_loaded_once(tmp_path):
    report = load_roles(tmp_path, *paid_roles(), ref=reference(employer_types=True))
    assert report.counts["employer types"] == [2, 0, 0]
    assert report.counts["rarely hiring"] == [1, 0, 0]
    product = EmployerType.objects.get(slug="product")
    assert (product.name, product.order) == ("Product company", 1)
    scientist = Role.objects.get(slug="data-scientist")
    assert scientist.salary_bands.count() == 8 + 8
    assert scientist.salary_bands.filter(employer_type=product, location__slug="india").count() == 4
    assert list(RarelyHiring.objects.values_list("role__slug", "employer_type__slug")) == [
        ("data-engineer", "it-services")
    ]
    again = load_roles(tmp_path, *paid_roles(), ref=reference(employer_types=True))
    assert not again.changed and again.revisions == 0


def test_a_file_that_no_longer_lists_a_type_loses_its_bands_and_marks(tmp_path):
    load_roles(tmp_path, *paid_roles(), ref=reference(employer_types=True))
    # Drafts: a published role must be paid by every employer type that hires it.
    scientist, engineer = role_doc("data-scientist", status="draft"), role_doc("data-engineer", status="draft")
    report = load_roles(tmp_path, scientist, engineer, ref=reference(employer_types=True))
    assert report.counts["salary bands"][2] == 12 and report.counts["rarely hiring"][2] == 1
    assert not SalaryBand.objects.filter(employer_type__isnull=False).exists()
    assert not RarelyHiring.objects.exists()
    assert EmployerType.objects.count() == 2, "reference data is never deleted by a load"


def test_export_gives_back_the_files_as_written(tmp_path):
    source = write_content(tmp_path / "in", paid_roles(), reference(employer_types=True))
    load_roles(tmp_path / "in", *paid_roles(), ref=reference(employer_types=True))
    export_content(directory=tmp_path / "out")
    exported = json.loads((tmp_path / "out/reference/employer_types.json").read_text())
    assert exported == {"employer_types": EMPLOYER_TYPES}
    for name in ("data-scientist", "data-engineer"):
        written = json.loads((source / "roles" / f"{name}.json").read_text())
        assert json.loads((tmp_path / "out/roles" / f"{name}.json").read_text()) == written, name
    # A role that no employer type rarely hires says nothing about it.
    assert "rarely_hired_by" not in (tmp_path / "out/roles/data-scientist.json").read_text()


def test_the_loaded_revision_holds_the_bands_by_employer_type_and_the_marks(tmp_path):
    load_roles(tmp_path / "fixtures", *paid_roles(), ref=reference(employer_types=True))
    engineer = Role.objects.get(slug="data-engineer")
    [version] = Version.objects.get_for_object(engineer)
    held = [v for v in version.revision.version_set.all() if v.content_type.model in ("salaryband", "rarelyhiring")]
    assert sum(v.content_type.model == "salaryband" for v in held) == 8 + 4
    assert [v.object_repr for v in held if v.content_type.model == "rarelyhiring"] == [
        "Data Engineer · rarely hired by IT services and consulting"
    ]
    assert "Data Engineer · Senior · India · Product company" in {v.object_repr for v in held}

    # Restoring the loaded version brings back a mark and a band removed since.
    RarelyHiring.objects.filter(role=engineer).delete()
    SalaryBand.objects.filter(role=engineer, employer_type__slug="product", level__slug="lead").delete()
    version.revision.revert(delete=True)
    assert RarelyHiring.objects.filter(role=engineer, employer_type__slug="it-services").exists()
    assert SalaryBand.objects.filter(role=engineer, employer_type__slug="product").count() == 4
