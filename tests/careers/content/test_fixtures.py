"""The content check: a copy of the real fixtures broken in one place is refused with a message naming the file,
the place in it and the rule (the real fixtures themselves: test_real_content.py)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from careers.content.reader import Problem, read_content

from .helpers import FIXTURES, ContentCopy, all_problems, listing, role_files


def _first_published_role() -> str:
    for path in role_files():
        if json.loads(path.read_text(encoding="utf-8")).get("status", "published") == "published":
            return path.stem
    raise AssertionError("no published role in fixtures/roles")


ROLE = _first_published_role()
ROLE_FILE = f"roles/{ROLE}.json"
SKILLS_FILE = "reference/skills.json"
# The first city (not the whole country): where the "median falls" case breaks the ladder.
CITY = next(
    loc["slug"]
    for loc in json.loads((FIXTURES / "reference/locations.json").read_text(encoding="utf-8"))["locations"]
    if loc["kind"] == "city"
)


# --- one rule broken in a copy ------------------------------------------------------------------


def _band(doc: dict, location: str, level: str) -> dict:
    return next(
        b
        for b in doc["salaries"]["bands"]
        if b["location"] == location and b["level"] == level and "employer_type" not in b
    )


def _median_falls(doc: dict) -> None:
    mid, senior = _band(doc, CITY, "mid"), _band(doc, CITY, "senior")
    senior["median"] = mid["median"] - 1
    senior["low"] = min(senior["low"], senior["median"])  # keep low <= median: only the ladder is wrong


def _drop_last_all_employer_band(doc: dict) -> None:
    bands = doc["salaries"]["bands"]
    bands.remove([b for b in bands if "employer_type" not in b][-1])


def _employer_band(doc: dict, employer_type: str, level: str) -> dict:
    return next(b for b in doc["salaries"]["bands"] if b.get("employer_type") == employer_type and b["level"] == level)


def _index_of(doc: dict, band: dict) -> int:
    return next(i for i, b in enumerate(doc["salaries"]["bands"]) if b is band)


def _employer_median_falls(doc: dict) -> None:
    mid, senior = _employer_band(doc, "product", "mid"), _employer_band(doc, "product", "senior")
    senior.update(low=mid["low"], median=mid["median"] - 1)


def _drop_employer_type(doc: dict, employer_type: str) -> None:
    doc["salaries"]["bands"] = [b for b in doc["salaries"]["bands"] if b.get("employer_type") != employer_type]


def _city_copies_country(doc: dict) -> None:
    for band in doc["salaries"]["bands"]:
        if band["location"] == CITY and "employer_type" not in band:
            band.update({k: _band(doc, "india", band["level"])[k] for k in ("low", "median", "high")})


def _first_city_band(doc: dict) -> int:
    return next(i for i, b in enumerate(doc["salaries"]["bands"]) if b["location"] == CITY)


def _low_above_median(doc: dict) -> None:
    band = doc["salaries"]["bands"][0]
    band["low"] = band["median"] + 1


def _keep_relations(doc: dict, keep: Callable[[dict], bool]) -> None:
    doc["relations"] = [rel for rel in doc["relations"] if keep(rel)]


def _one_lateral(doc: dict) -> None:
    first = next(rel for rel in doc["relations"] if rel["kind"] == "lateral")
    _keep_relations(doc, lambda rel: rel["kind"] == "next" or rel is first)


def _add_skill(doc: dict, **skill: str) -> None:
    doc["skills"].append({"kind": "knowledge", "description": "Added by a test.", **skill})


def _duplicate_in_case(doc: dict) -> None:
    """Like adding "Pytorch" beside "PyTorch": the same name, differently capitalised."""
    existing = next(s for s in doc["skills"] if s["name"].swapcase() != s["name"])
    _add_skill(doc, slug=f"{existing['slug']}-again", name=existing["name"].swapcase())


ROLE_DOC = json.loads((FIXTURES / ROLE_FILE).read_text(encoding="utf-8"))
PRODUCT_LEAD = _index_of(ROLE_DOC, _employer_band(ROLE_DOC, "product", "lead"))
FIRST_CITY_BAND = _first_city_band(ROLE_DOC)


@dataclass(frozen=True)
class Broken:
    """One rule broken in one file: where the problem must be reported, and what it must say."""

    file: str
    change: Callable[[dict], object]
    path: str
    says: str

    def find(self, problems: list[Problem]) -> list[Problem]:
        return [p for p in problems if p.file.endswith(self.file) and p.path == self.path and self.says in p.reason]


CASES = {
    "relation to a missing role": Broken(
        ROLE_FILE, lambda d: d["relations"][0].update(to="no-such-role"), "relations[0].to", "'no-such-role'"
    ),
    "band with low above median": Broken(ROLE_FILE, _low_above_median, "salaries.bands[0]", "low <= median <= high"),
    "median falls with the level in one city": Broken(
        ROLE_FILE, _median_falls, "salaries.bands", f"median-rises: in {CITY} "
    ),
    "a band missing": Broken(ROLE_FILE, _drop_last_all_employer_band, "salaries.bands", "bands-complete:"),
    # Pay by employer type (issue 16).
    "an unknown employer type": Broken(
        ROLE_FILE,
        lambda d: d["salaries"]["bands"][PRODUCT_LEAD].update(employer_type="consultancy"),
        f"salaries.bands[{PRODUCT_LEAD}].employer_type",
        "unknown employer type 'consultancy'",
    ),
    "an unknown employer type said to rarely hire": Broken(
        ROLE_FILE,
        lambda d: d["salaries"].update(rarely_hired_by=["consultancy"]),
        "salaries.rarely_hired_by[0]",
        "unknown employer type 'consultancy'",
    ),
    "median falls with the level for one employer type": Broken(
        ROLE_FILE, _employer_median_falls, "salaries.bands", "median-rises: in india for product the senior median"
    ),
    "an employer type both banded and rarely hiring": Broken(
        ROLE_FILE,
        lambda d: d["salaries"].update(rarely_hired_by=["product"]),
        "salaries.rarely_hired_by[0]",
        "product has bands of this role, so it does hire it",
    ),
    "an employer type without pay": Broken(
        ROLE_FILE,
        lambda d: _drop_employer_type(d, "gcc"),
        "salaries.bands",
        "pay-by-employer: a published role needs gcc pay in india at junior, mid, senior, lead, or gcc listed",
    ),
    "an employer type without pay at one level": Broken(
        ROLE_FILE,
        lambda d: d["salaries"]["bands"].remove(_employer_band(d, "gcc", "lead")),
        "salaries.bands",
        "pay-by-employer: a published role needs gcc pay in india at lead, or",
    ),
    "an employer type's band in another currency": Broken(
        ROLE_FILE,
        lambda d: d["salaries"]["bands"][PRODUCT_LEAD].update(currency="USD"),
        f"salaries.bands[{PRODUCT_LEAD}].currency",
        "USD is not the currency of india (INR)",
    ),
    "a city with the country's figures": Broken(
        ROLE_FILE,
        _city_copies_country,
        f"salaries.bands[{FIRST_CITY_BAND}]",
        f"same-as-another-place: every figure in {CITY} is the one in india; give {CITY} figures of its own",
    ),
    "three levels": Broken(ROLE_FILE, lambda d: d["levels"].pop(), "levels", "four-levels:"),
    "three skills at a level": Broken(
        ROLE_FILE,
        lambda d: d["levels"][0].update(skills=d["levels"][0]["skills"][:3]),
        "levels[0].skills",
        "skills-per-level:",
    ),
    "top level without a specialist branch": Broken(
        ROLE_FILE,
        lambda d: d["levels"][-1].update(specialist_track=""),
        "levels[3].specialist_track",
        "top-level-branches:",
    ),
    "no next relation": Broken(
        ROLE_FILE,
        lambda d: _keep_relations(d, lambda rel: rel["kind"] != "next"),
        "relations",
        "relations: at least 1 next",
    ),
    "one lateral relation": Broken(ROLE_FILE, _one_lateral, "relations", "relations: at least 2 lateral"),
    "one FAQ": Broken(ROLE_FILE, lambda d: d.update(faqs=d["faqs"][:1]), "faqs", "faqs:"),
    "unknown skill": Broken(
        ROLE_FILE,
        lambda d: d["levels"][1]["skills"].__setitem__(0, "no-such-skill"),
        "levels[1].skills[0]",
        "unknown skill 'no-such-skill'",
    ),
    "unknown family": Broken(ROLE_FILE, lambda d: d.update(family="no-such-family"), "family", "unknown family"),
    "unknown location": Broken(
        ROLE_FILE,
        lambda d: d["salaries"]["bands"][0].update(location="atlantis"),
        "salaries.bands[0].location",
        "unknown location 'atlantis'",
    ),
    "a skill no role uses": Broken(
        SKILLS_FILE, lambda d: _add_skill(d, slug="cobol-on-mars", name="COBOL on Mars"), "cobol-on-mars", "skill-used:"
    ),
    "a skill name twice, differing in case": Broken(SKILLS_FILE, _duplicate_in_case, "skills", "duplicate skill name"),
}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_a_broken_copy_is_refused_naming_the_file_and_the_rule(content_copy: ContentCopy, case: Broken):
    content_copy.edit(case.file, case.change)
    problems = all_problems(content_copy.root)
    found = case.find(problems)
    assert found, f"expected {case.file}: {case.path}: …{case.says}… among:\n{listing(problems)}"
    message = str(found[0])
    assert case.file in message and case.path in message and case.says in message


def test_only_the_broken_city_is_reported(content_copy: ContentCopy):
    content_copy.edit(ROLE_FILE, _median_falls)
    rises = [p for p in all_problems(content_copy.root) if p.reason.startswith("median-rises:")]
    assert [p.reason for p in rises] == [f"median-rises: in {CITY} the senior median is not above the mid median"]


def test_a_new_role_file_that_breaks_a_rule_is_named(content_copy: ContentCopy):
    doc = content_copy.read(ROLE_FILE)
    doc.update(slug="quantum-plumber", title="Quantum Plumber", faqs=doc["faqs"][:1])
    (content_copy.root / "roles/quantum-plumber.json").write_text(json.dumps(doc), encoding="utf-8")
    problems = all_problems(content_copy.root)
    named = [p for p in problems if p.file.endswith("roles/quantum-plumber.json")]
    assert [(p.path, p.reason.split(":")[0]) for p in named] == [("faqs", "faqs")], listing(problems)
    assert "roles/quantum-plumber.json: faqs: faqs:" in str(named[0])


def test_a_draft_role_need_not_be_complete(content_copy: ContentCopy):
    content_copy.edit(ROLE_FILE, lambda d: d.update(status="draft", faqs=[], relations=[]))
    problems = all_problems(content_copy.root)
    assert not [p for p in problems if p.file.endswith(ROLE_FILE)], listing(problems)


def test_an_employer_type_that_rarely_hires_the_role_needs_no_pay(content_copy: ContentCopy):
    def rarely_gcc(doc: dict) -> None:
        _drop_employer_type(doc, "gcc")
        doc["salaries"]["rarely_hired_by"] = ["gcc"]

    content_copy.edit(ROLE_FILE, rarely_gcc)
    assert all_problems(content_copy.root) == []


def test_pay_by_employer_type_is_asked_of_published_roles_only(content_copy: ContentCopy):
    def draft_without_gcc(doc: dict) -> None:
        _drop_employer_type(doc, "gcc")
        doc["status"] = "draft"

    content_copy.edit(ROLE_FILE, draft_without_gcc)
    assert not [p for p in all_problems(content_copy.root) if "pay-by-employer" in p.reason]


def test_every_published_role_is_paid_by_every_employer_type_that_hires_it():
    """The content of issue 16: India figures by employer type at every level, or "rarely hires"; the all-employer
    figure sits within the employer types' spread; IT services pays least and a product company most to freshers."""
    content = read_content(FIXTURES)
    types = {e.slug for e in content.employer_types}
    assert types == {"it-services", "product", "gcc", "startup"}
    gaps: dict[str, float] = {}
    for rf in content.roles:
        salaries = rf.doc.salaries
        assert salaries is not None
        hiring = types - set(salaries.rarely_hired_by)
        india = {(b.employer_type, b.level): b.median for b in salaries.bands if b.location == "india"}
        for level in ("junior", "mid", "senior", "lead"):
            medians = [india[t, level] for t in hiring]
            assert min(medians) <= india[None, level] <= max(medians), (rf.path, level)
        if {"it-services", "product"} <= hiring:
            gaps[rf.doc.slug] = india["product", "junior"] / india["it-services", "junior"]
    assert all(1.5 <= gap <= 5 for gap in gaps.values()), gaps
    # A fresher writing software earns three times as much or more at a product company as at an IT-services firm.
    assert all(gaps[slug] >= 3 for slug in ("backend-developer", "machine-learning-engineer", "devops-engineer"))
