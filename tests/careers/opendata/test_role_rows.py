"""The catalog's roles built from plain rows are the content files' documents, byte for byte."""

from __future__ import annotations

import pytest

from careers.content.export import document_data
from careers.opendata.documents import published_documents
from careers.opendata.role_rows import published_role_data
from roles.models import Role, RoleSlugHistory
from salaries.models import SalaryBand
from tests.factories import load_roles, role_doc

pytestmark = pytest.mark.django_db


def both() -> tuple[list[dict], list[dict]]:
    published = set(Role.objects.published().values_list("slug", flat=True))
    return list(published_role_data(published)), [document_data(doc) for doc in published_documents()]


def test_the_real_content(site_content):
    rows, documents = both()
    assert len(rows) == Role.objects.published().count() > 40
    assert rows == documents


def test_a_band_of_its_own_an_old_slug_rarely_hired_and_a_move_to_a_draft(db, tmp_path):
    first = role_doc(
        "data-scientist",
        "Data Scientist",
        aliases=["Quant", "analyst of data"],
        relations=[
            {"to": "secret-draft", "kind": "next", "note": "Hidden."},
            {"to": "data-engineer", "kind": "lateral", "note": "Shown."},
        ],
        faqs=[{"question": "Q1?", "answer": "A1."}, {"question": "Q0?", "answer": "A0."}],
        old_slugs=["data-person"],
    )
    first["salaries"]["bands"][0] |= {"source": "An editor's correction", "as_of": "2026-11-01"}
    load_roles(
        tmp_path,
        first,
        role_doc("data-engineer", "Data Engineer"),
        role_doc("secret-draft", "Secret Draft", status="draft"),
    )
    rows, documents = both()
    assert rows == documents
    scientist = rows[1]
    assert scientist["slug"] == "data-scientist" and scientist["old_slugs"] == ["data-person"]
    assert [r["to"] for r in scientist["relations"]] == ["data-engineer"]
    assert scientist["salaries"]["bands"][0]["source"] == "An editor's correction"
    assert RoleSlugHistory.objects.filter(slug="data-person").exists()
    assert SalaryBand.objects.filter(source="An editor's correction").count() == 1


def test_pay_by_kind_of_employer_and_rarely_hired(client, site_content):
    """The real content has pay by employer type and roles some employer types rarely hire."""
    rows, _ = both()
    assert any("rarely_hired_by" in r["salaries"] for r in rows)
    assert any("employer_type" in b for r in rows for b in r["salaries"]["bands"])
