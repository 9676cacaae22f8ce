"""A small catalog with a draft: a published role that moves to the draft, and a draft nobody may see."""

from __future__ import annotations

import pytest

from tests.factories import load_roles, role_doc

from .helpers import DRAFT, PUBLISHED


@pytest.fixture
def with_draft(db, tmp_path):
    scientist = role_doc(
        PUBLISHED[0],
        "Data Scientist",
        relations=[
            {"to": PUBLISHED[1], "kind": "lateral", "note": "Both work with data."},
            {"to": DRAFT, "kind": "next", "note": "A secret step."},
        ],
        faqs=[{"question": "Is it fun?", "answer": "Often."}],
    )
    engineer = role_doc(PUBLISHED[1], "Data Engineer")
    draft = role_doc(DRAFT, "Secret Draft Role", status="draft", summary="Nobody may read this summary yet.")
    load_roles(tmp_path, scientist, engineer, draft)
