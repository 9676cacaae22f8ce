"""careers.pages.role_rows: a role read through prepared reads is the role ``with_ladder()`` reads, with every
related row a page shows in place (no query when a page walks them), and the same drafts and archived roles hidden."""

from __future__ import annotations

import pytest
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext

from careers.models import FAQ
from careers.pages.role_rows import role_band_rows, role_faqs, visible_role
from roles.models import Role
from salaries.models import SalaryBand
from tests.factories import employer_bands, load_roles, reference, role_doc

pytestmark = pytest.mark.django_db


@pytest.fixture
def roles(tmp_path):
    scientist = role_doc(
        "data-scientist",
        aliases=["DS", "Applied Scientist"],
        relations=[
            {"to": "data-engineer", "kind": "lateral", "note": "Both work with data."},
            {"to": "ml-engineer", "kind": "next", "note": "A draft: not shown."},
        ],
        faqs=[{"question": "Is it fun?", "answer": "Often."}, {"question": "Is it hard?", "answer": "At first."}],
    )
    docs = [scientist, role_doc("data-engineer"), role_doc("ml-engineer", status="draft")]
    for doc in docs:
        doc["salaries"]["bands"] += employer_bands()
    load_roles(tmp_path, *docs, ref=reference(employer_types=True))


def as_shown(role: Role) -> dict:
    """What pages read of a role through its related rows."""
    return {
        "role": (role.pk, role.slug, role.title, role.status, role.summary, role.updated_at),
        "family": (role.family.slug, role.family.name),
        "ladder": [
            (rl.pk, rl.title, rl.what_you_do, rl.level.slug, rl.level.order, rl.role.slug, [s.slug for s in rl.skills])
            for rl in role.ladder
        ],
        "moves": [(rel.kind, rel.note, rel.to_role.slug, rel.to_role.title) for rel in role.relations_out.all()],
        "next": [r.slug for r in role.next_roles],
        "aliases": [alias.name for alias in role.aliases.all()],
        "top_skills": [s.slug for s in role.top_skills()],
    }


def test_a_role_is_the_role_with_ladder_reads(roles):
    expected = as_shown(Role.objects.published().with_ladder().get(slug="data-scientist"))
    with CaptureQueriesContext(connection) as reading:
        role = visible_role("data-scientist")
    # Walking what a page shows asks nothing more.
    with CaptureQueriesContext(connection) as walking:
        assert as_shown(role) == expected
    assert (len(reading), len(walking)) == (5, 0)
    assert expected["moves"] == [("lateral", "Both work with data.", "data-engineer", "Data Engineer")]
    assert expected["aliases"] == ["Applied Scientist", "DS"]


def test_drafts_only_in_preview_and_archived_roles_never(roles):
    with pytest.raises(Http404):
        visible_role("ml-engineer")
    assert visible_role("ml-engineer", preview=True).status == Role.Status.DRAFT
    Role.objects.filter(slug="data-engineer").update(status=Role.Status.ARCHIVED)
    for preview in (False, True):
        with pytest.raises(Http404):
            visible_role("data-engineer", preview=preview)
    with pytest.raises(Http404):
        visible_role("no-such-role")


def band_figures(band: SalaryBand) -> tuple:
    employer = band.employer_type.slug if band.employer_type else None
    return (
        band.pk,
        band.low,
        band.median,
        band.high,
        band.currency,
        band.source,
        band.as_of,
        band.level.slug,
        band.location.slug,
        employer,
    )


def test_bands_are_the_roles_bands_with_their_level_place_and_employer(roles):
    role = visible_role("data-scientist")
    bands = sorted(role_band_rows(role), key=lambda band: band.pk)
    expected = list(
        SalaryBand.objects.filter(role=role).select_related("level", "location", "employer_type").order_by("pk")
    )
    assert [band_figures(b) for b in bands] == [band_figures(b) for b in expected]
    assert {b.employer_type is None for b in bands} == {True, False}


def test_questions_in_their_order(roles):
    role = visible_role("data-scientist")
    assert role_faqs(role) == list(FAQ.objects.filter(role=role).order_by("order", "pk"))
    assert [faq.question for faq in role_faqs(role)] == ["Is it fun?", "Is it hard?"]
