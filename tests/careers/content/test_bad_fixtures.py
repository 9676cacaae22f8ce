"""Broken content files, one per folder of bad_fixtures/: each is refused, naming the file and the problem,
and the database stays exactly as it was.

bad_fixtures/_good is a small, valid content directory (loaded first, so the database has something to
lose); each other folder holds the file(s) to drop into a copy of it, at the same relative path.
bad_fixtures/_control holds the unbroken role the cases start from: it loads, so each case fails for
its one reason. One case is made at run time instead of kept: a file larger than the 2 MB limit.
"""

from __future__ import annotations

import json
import re
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from careers.content.load import load_content
from careers.content.reader import MAX_FILE_BYTES, ContentError
from roles.models import Role

from .helpers import snapshot

BAD = Path(__file__).parent / "bad_fixtures"
GOOD = BAD / "_good"
ROLE = "roles/broken-role.json"

# case -> (the file the message must name, the JSON path it must name or "" for the whole file, the reason).
EXPECTED: dict[str, tuple[str, str, str]] = {
    "invalid-json": (ROLE, "", r"is not valid JSON: .+ at line \d+, column \d+"),
    "truncated-file": (ROLE, "", r"is not valid JSON: .* at line \d+"),
    "empty-file": (ROLE, "", r"is not valid JSON: Expecting value at line 1, column 1"),
    "array-not-object": (ROLE, "", r"valid dictionary"),
    "not-utf8": (ROLE, "", r"is not UTF-8 text \(byte \d+\)"),
    "wrong-type-title": (ROLE, "title", r"valid string"),
    "wrong-type-flag": (ROLE, "featured", r"valid boolean"),
    "wrong-type-pay": (ROLE, "salaries.bands[0].low", r"valid integer"),
    "null-summary": (ROLE, "summary", r"valid string"),
    "missing-summary": (ROLE, "summary", r"Field required"),
    "missing-levels": (ROLE, "levels", r"Field required"),
    "unknown-key": (ROLE, "salary_notes", r"Extra inputs are not permitted"),
    "unknown-skill": (ROLE, "levels[1].skills[2]", r"unknown skill 'cobol-on-mars'"),
    "unknown-family": (ROLE, "family", r"unknown family 'astrology'"),
    "unknown-location": (ROLE, "salaries.bands[2].location", r"unknown location 'atlantis'"),
    "unknown-level": (ROLE, "levels[0].level", r"unknown level 'apprentice'"),
    "unknown-relation": (ROLE, "relations[1].to", r"no role has the slug 'no-such-role'"),
    "relation-to-itself": (ROLE, "", r"relations\[1\] points at the role itself"),
    "negative-pay": (ROLE, "salaries.bands[0].low", r"greater than or equal to 0"),
    "swapped-pay": (
        ROLE,
        "salaries.bands[1]",
        r"pay must satisfy low <= median <= high \(got 2000000, 1500000, 1200000\)",
    ),
    "bad-date": (ROLE, "salaries.as_of", r"'2026-13-45' is not a date in the form YYYY-MM-DD"),
    "date-in-words": (ROLE, "salaries.bands[0].as_of", r"'last October' is not a date"),
    "duplicate-slug": ("roles/data-scientist-copy.json", "slug", r"'data-scientist' does not match the file name"),
    # Files are read in name order: the second holder of the title is named, with the first.
    "duplicate-title": (
        "roles/data-scientist.json",
        "title",
        r"'Data Scientist' is already the title of .*roles/broken-role.json",
    ),
    "duplicate-skill-slug": ("reference/skills.json", "skills", r"duplicate skill slug 'python'"),
    "bad-slug": (ROLE, "slug", r"should match pattern"),
    "missing-level": (ROLE, "levels", r"a published role needs every level; missing lead"),
    "level-years-backwards": ("reference/levels.json", "levels[1]", r"max_years must be greater than min_years"),
    "bad-currency": (ROLE, "salaries.currency", r"should match pattern"),
    "duplicate-level": (ROLE, "levels", r"duplicate level 'junior'"),
    "too-long-title": (ROLE, "title", r"at most 120 characters"),
    "too-large": (ROLE, "", rf"file is larger than {MAX_FILE_BYTES // 1024} KB"),
    # Rules once run only by checkcontent, or by nothing (issue 13).
    "currency-not-local": (ROLE, "salaries.bands[2].currency", r"^USD is not the currency of india \(INR\)$"),
    "currency-unknown-country": (
        "reference/locations.json",
        "locations[1].country_code",
        r"no currency is known for the country 'ZZ'",
    ),
    "medians-equal": (ROLE, "salaries.bands", r"median-rises: in india the mid median is not above the junior"),
    "next-circle": (
        ROLE,
        "relations[0]",
        r"^next moves go round in a circle: broken-role → data-scientist → broken-role$",
    ),
    "repeated-key": (ROLE, "title", r"the key 'title' appears more than once in this object"),
    "nul-in-text": (ROLE, "summary", r"holds a character no database can store \(a NUL character\)"),
    "huge-number": (ROLE, "", r"holds a number too long to read"),
    "nested-deep": (ROLE, "", r"is nested too deeply to read"),
    "old-slug-is-live": (ROLE, "old_slugs[0]", r"'data-engineer' is the slug of .*roles/data-engineer.json"),
    # Pay by employer type and places of their own (issue 16).
    "employer-type-unknown": (ROLE, "salaries.bands[4].employer_type", r"^unknown employer type 'consultancy'$"),
    "employer-pay-incomplete": (
        ROLE,
        "salaries.bands",
        r"^pay-by-employer: a published role needs product pay in india at lead, or product listed in "
        r"salaries.rarely_hired_by$",
    ),
    "employer-banded-and-rarely": (ROLE, "salaries.rarely_hired_by[0]", r"^product has bands of this role"),
    "employer-median-falls": (
        ROLE,
        "salaries.bands",
        r"^median-rises: in india for product the senior median is not above the mid median$",
    ),
    "city-copies-country": (
        ROLE,
        "salaries.bands[4]",
        r"^same-as-another-place: every figure in bengaluru is the one in india; give bengaluru figures of its own$",
    ),
    "removed-is-live": (
        "reference/removed.json",
        "removed[0].slug",
        r"'data-scientist' is removed, yet .*roles/data-scientist.json uses it",
    ),
}
# Made at run time rather than kept in the repository.
GENERATED = {"too-large", "nested-deep"}


def case_folders() -> list[str]:
    return sorted(p.name for p in BAD.iterdir() if p.is_dir() and not p.name.startswith("_"))


def make_too_large(directory: Path) -> None:
    """A role file padded past the limit with a valid, very long body: refused for its size alone."""
    doc = json.loads((BAD / "_control" / ROLE).read_text(encoding="utf-8"))
    doc["body"] = "A paragraph pasted again and again. " * (MAX_FILE_BYTES // 30)
    path = directory / ROLE
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert path.stat().st_size > MAX_FILE_BYTES > 2_000_000


def make_nested_deep(directory: Path) -> None:
    """A body nested 100,000 arrays deep: once a RecursionError, in checkcontent too."""
    depth = 100_000
    (directory / ROLE).write_text(
        '{"slug": "broken-role", "body": ' + "[" * depth + "]" * depth + "}", encoding="utf-8"
    )


def content_with(case: str, tmp_path: Path) -> Path:
    directory = tmp_path / case
    shutil.copytree(GOOD, directory)
    if case in GENERATED:
        {"too-large": make_too_large, "nested-deep": make_nested_deep}[case](directory)
    else:
        shutil.copytree(BAD / case, directory, dirs_exist_ok=True)
    return directory


@pytest.fixture
def loaded(db):
    """The good content in the database, so a refused load has something it could have broken."""
    load_content(directory=GOOD)
    before = snapshot()
    assert before["Role"] and before["SalaryBand"]
    return before


def test_every_folder_has_its_expectation_and_there_are_enough():
    cases = sorted(set(case_folders()) | GENERATED)
    assert cases == sorted(EXPECTED)
    assert len(cases) >= 15


def test_the_control_loads(loaded, tmp_path):
    """The role every case breaks, unbroken: it loads (so each case is refused for its own reason)."""
    directory = tmp_path / "control"
    shutil.copytree(GOOD, directory)
    shutil.copytree(BAD / "_control", directory, dirs_exist_ok=True)
    load_content(directory=directory)
    assert Role.objects.filter(slug="broken-role").exists()


def test_every_bad_file_is_refused_naming_file_and_problem(loaded, tmp_path):
    refused = []
    for case, (file, json_path, reason) in EXPECTED.items():
        directory = content_with(case, tmp_path)
        with pytest.raises(ContentError) as caught:
            load_content(directory=directory)
        problems = caught.value.problems
        match = [p for p in problems if p.file.endswith(file) and p.path == json_path and re.search(reason, p.reason)]
        listing = "\n".join(map(str, problems))
        assert match, f"{case}: expected {file}: {json_path or '(whole document)'}: /{reason}/, got\n{listing}"
        # The message a person reads names both, on one line.
        assert re.search(rf"{re.escape(file)}: {re.escape(json_path or '(whole document)')}: ", listing), case
        assert snapshot() == loaded, f"{case}: the database changed"
        refused.append(case)
    assert len(refused) == len(EXPECTED) >= 15
    print(f"\n{len(refused)} bad content cases refused, the database unchanged each time")


@pytest.mark.parametrize(
    "case", ["invalid-json", "not-utf8", "unknown-skill", "swapped-pay", "too-large", "nested-deep", "medians-equal"]
)
def test_the_command_says_so_and_fails(loaded, tmp_path, case):
    """loadcontent, as an editor runs it: each problem on stderr, a failure exit, nothing written."""
    file, json_path, reason = EXPECTED[case]
    err = StringIO()
    with pytest.raises(CommandError, match="the database was not changed"):
        call_command("loadcontent", dir=content_with(case, tmp_path), stdout=StringIO(), stderr=err)
    line = next(line for line in err.getvalue().splitlines() if file in line)
    assert re.search(reason, line), line
    assert snapshot() == loaded


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_checkcontent_refuses_what_loadcontent_refuses(loaded, tmp_path, case):
    """One set of rules: every case the loader refuses, checkcontent refuses with the same line."""
    file, json_path, reason = EXPECTED[case]
    err = StringIO()
    with pytest.raises(CommandError, match="loadcontent would refuse it"):
        call_command("checkcontent", dir=content_with(case, tmp_path), stdout=StringIO(), stderr=err)
    prefix = f"{file}: {json_path or '(whole document)'}: "
    lines = err.getvalue().splitlines()
    assert any(prefix in line and re.search(reason, line.split(prefix, 1)[1]) for line in lines), err.getvalue()
