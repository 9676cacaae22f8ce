"""What a load changes, in words: pay grouped by place and level, skills named, moves, aliases, questions, dates of
figures; never a field's name. Written from the loader's revisions (in bulk), as after a deploy's ``loadcontent``."""

import copy

import pytest

from careers.changes.models import RoleChange
from roles.models import Role
from tests.factories import load_roles, role_doc

pytestmark = pytest.mark.django_db


def docs() -> tuple[dict, dict]:
    scientist = role_doc(
        "data-scientist",
        "Data Scientist",
        relations=[{"to": "data-engineer", "kind": "lateral", "note": "Both work with data."}],
        faqs=[{"question": "Is it fun?", "answer": "Often."}],
    )
    engineer = role_doc("data-engineer", "Data Engineer")
    return scientist, engineer


def lines_after(tmp_path, change) -> list[str]:
    scientist, engineer = docs()
    load_roles(tmp_path / "first", scientist, engineer)
    changed = copy.deepcopy(scientist)
    change(changed)
    load_roles(tmp_path / "second", changed, engineer)
    role = Role.objects.get(slug="data-scientist")
    found = list(RoleChange.objects.filter(role=role, kind="changed").values_list("lines", flat=True))
    assert len(found) <= 1
    return found[0] if found else []


def test_many_kinds_of_change_in_one_load(tmp_path):
    def change(doc):
        for band in doc["salaries"]["bands"]:
            if band["location"] == "bengaluru":
                band.update(low=band["low"] + 100_000, median=band["median"] + 100_000, high=band["high"] + 100_000)
        doc["salaries"]["as_of"] = "2026-11-01"
        doc["levels"][0]["what_you_do"] = "You learn, and you ship."
        doc["levels"][3]["skills"] = ["mentoring", "python"]
        doc["aliases"] = ["Data Wrangler"]
        doc["faqs"][0]["answer"] = "Most days."
        doc["relations"][0]["note"] = "Both shape data, from two ends."

    assert lines_after(tmp_path, change) == [
        "What the Entry / Junior level does rewritten",
        "Skills for Lead / Principal / Manager: Python added; Strategy removed",
        "Pay for Entry / Junior, Mid-level, Senior and Lead / Principal / Manager in Bengaluru raised",
        "Pay figures dated November 2026",
        "Related move to Data Engineer explained anew",
        "Also known as “Data Wrangler” added",
        "Question “Is it fun?” answered anew",
    ]


@pytest.mark.parametrize(
    ("where", "factor", "line"),
    [
        (("india", "bengaluru"), 1.05, "Pay for Senior in India and Bengaluru raised"),
        (("bengaluru",), 0.99, "Pay for Senior in Bengaluru lowered"),
    ],
)
def test_pay_for_one_level_in_places(tmp_path, where, factor, line):
    def change(doc):
        for band in doc["salaries"]["bands"]:
            if band["level"] == "senior" and band["location"] in where:
                band["median"] = round(band["median"] * factor)

    assert lines_after(tmp_path, change) == [line]


def test_a_range_that_moved_around_the_same_median(tmp_path):
    def change(doc):
        band = next(b for b in doc["salaries"]["bands"] if b["level"] == "mid" and b["location"] == "india")
        band["high"] += 50_000

    assert lines_after(tmp_path, change) == ["Pay range for Mid-level in India adjusted"]


def test_texts_questions_and_moves_added_and_removed(tmp_path):
    def change(doc):
        doc["body"] = "A new first paragraph.\n\nA second."
        doc["faqs"] = [{"question": "Is it hard?", "answer": "Sometimes."}]
        doc["relations"] = []
        doc["levels"][3]["manager_track"] = ""

    assert lines_after(tmp_path, change) == [
        "Overview rewritten",
        "Management track for Lead / Principal / Manager removed",
        "Related move to Data Engineer removed",
        "Question “Is it hard?” added",
        "Question “Is it fun?” removed",
    ]


def test_a_load_that_changes_nothing_records_nothing(tmp_path):
    assert lines_after(tmp_path, lambda doc: None) == []
    assert RoleChange.objects.filter(kind="added").count() == 2


def test_no_line_names_a_field(tmp_path):
    def change(doc):
        doc["summary"] = "Rewritten."
        doc["levels"][1]["title"] = "Data Scientist II"
        doc["levels"][2]["specialist_track"] = "Staff Data Scientist"

    lines = lines_after(tmp_path, change)
    assert lines == [
        "Summary rewritten",
        "Title for Mid-level changed to Data Scientist II",
        "Specialist track for Senior added",
    ]
    for raw in ("what_you_do", "manager_track", "specialist_track", "_id", "median", "as_of", "role_level"):
        assert not any(raw in line for line in lines), raw
