"""What a typed title is read as: the table of real titles, abbreviations, numerals, punctuation, employer types,
years, ambiguous and unknown titles."""

from decimal import Decimal

import pytest

from titles.matching import match_title
from titles.normalise import normalise

# typed, employer type ("" any), years (None), the level it answers with
ANSWERS = [
    ("SDE II", "", None, "mid"),
    ("SDE 2", "", None, "mid"),
    ("sde-2", "", None, "mid"),
    ("SDE2", "", None, "mid"),
    ("Software Development Engineer II", "", None, "mid"),
    ("sde ii", "product", None, "mid"),
    ("SDE-II", "startup", None, "mid"),
    ("SDE I", "", None, "junior"),
    ("SDE1", "", None, "junior"),
    ("SDE III", "", None, "senior"),
    ("SDE-3", "product", None, "senior"),
    ("Software Engineer I", "product", None, "junior"),
    ("Software Engineer III", "product", None, "senior"),
    ("MTS", "", None, "mid"),
    ("Member of Technical Staff", "", None, "mid"),
    ("SMTS", "", None, "senior"),
    ("Sr. MTS", "", None, "senior"),
    ("Senior Member of Technical Staff", "product", None, "senior"),
    ("LMTS", "", None, "lead"),
    ("PMTS", "", None, "lead"),
    ("AMTS", "", None, "junior"),
    ("Assistant System Engineer", "", None, "junior"),
    ("ASE", "it-services", None, "junior"),
    ("Asst. Systems Engineer", "", None, "junior"),
    ("Systems Engineer", "", None, "junior"),
    ("System Engineer", "it-services", None, "junior"),
    ("Senior Systems Engineer", "", None, "mid"),
    ("Sr Systems Engg", "", None, "mid"),
    ("Technology Analyst", "", None, "mid"),
    ("Technology Lead", "", None, "senior"),
    ("Technology Architect", "", None, "lead"),
    ("Graduate Engineer Trainee", "", None, "junior"),
    ("GET", "", None, "junior"),
    ("Programmer Analyst Trainee", "", None, "junior"),
    ("IT Analyst", "", None, "mid"),
    ("Assistant Consultant", "", None, "senior"),
    ("Associate Consultant", "", None, "senior"),
    ("Assoc. Consultant", "", None, "senior"),
    ("Consultant", "", None, "senior"),
    ("Senior Consultant", "", None, "lead"),
    ("Principal Consultant", "", None, "lead"),
    ("Project Manager", "", None, "lead"),
    ("Project Mgr", "it-services", None, "lead"),
    ("Delivery Manager", "", None, "lead"),
    ("Module Lead", "", None, "senior"),
    ("Test Engineer", "", None, "junior"),
    ("Staff Engineer", "product", None, "lead"),
    ("Staff Engineer", "startup", None, "senior"),
    ("Principal Engineer", "", None, "lead"),
    ("Distinguished Engineer", "", None, "lead"),
    ("SDET II", "", None, "mid"),
    ("Senior SDET", "", None, "senior"),
    ("Associate", "gcc", None, "mid"),
    ("Associate", "it-services", None, "junior"),
    ("associate", "", Decimal(1), "junior"),
    ("ASSOCIATE", "", Decimal(3), "mid"),
    ("Senior Associate", "gcc", None, "senior"),
    ("AVP", "", None, "senior"),
    ("Assistant Vice President", "gcc", None, "senior"),
    ("VP", "gcc", None, "lead"),
    ("Analyst", "gcc", None, "junior"),
    ("Senior Analyst", "", None, "mid"),
    ("Manager", "gcc", None, "lead"),
    ("Senior Engineer", "gcc", None, "senior"),
    ("Senior Engineer", "startup", None, "mid"),
    ("Senior Software Engineer", "product", None, "senior"),
    ("Senior Software Engineer", "gcc", None, "mid"),
    ("SSE", "product", None, "senior"),
    ("SSE", "it-services", None, "mid"),
    ("Sr. Software Engineer", "gcc", None, "mid"),
    ("Founding Engineer", "", None, "senior"),
    ("Head of Engineering", "", None, "lead"),
    ("VP Engineering", "", None, "lead"),
    ("Chief Technology Officer", "", None, "lead"),
    ("Senior Backend Developer", "", None, "senior"),
    ("Sr. Backend Dev", "", None, "senior"),
    ("Junior Data Analyst", "", None, "junior"),
    ("Jr Data Analyst", "", None, "junior"),
    ("Data Scientist", "", None, "mid"),
    ("Lead Data Engineer", "", None, "lead"),
    ("Principal Machine Learning Engineer", "", None, "lead"),
    ("Principal ML Engineer", "", None, "lead"),
    ("Senior Site Reliability Engineer", "", None, "senior"),
    ("Sr. SRE", "", None, "senior"),
    ("Full Stack Developer", "", None, "mid"),
    ("full-stack dev", "", None, "mid"),
    ("Tech Lead", "product", None, "mid"),
    ("TL", "it-services", None, "senior"),
    ("Engineering Manager", "", None, "mid"),
    ("Software Development Manager", "", None, "mid"),
    ("SDM", "product", None, "mid"),
    ("IT Support Engineer (L2)", "", None, "mid"),
    ("it support engineer l2", "", None, "mid"),
    ("  Senior   UX   Designer!! ", "", None, "senior"),
    ("Senior\x00 UI Designer", "", None, "senior"),
]


@pytest.mark.parametrize(("typed", "employer", "years", "level"), ANSWERS)
def test_a_known_title_answers_with_its_level(known_titles, typed, employer, years, level):
    found = match_title(typed, known_titles, employer_type=employer, years=years)
    assert found.answer is not None, (typed, [t.name for t in found.candidates], [t.name for t in found.nearest])
    assert found.answer.level.slug == level


def test_there_are_enough_cases():
    assert len(ANSWERS) >= 90


@pytest.mark.parametrize("typed", ["Associate", "Senior Engineer", "Staff Engineer", "SSE", "Senior Software Engineer"])
def test_an_ambiguous_title_lists_each_reading(known_titles, typed):
    found = match_title(typed, known_titles)
    assert found.answer is None
    assert len({t.level_id for t in found.candidates}) > 1
    assert all(t.employer_type is not None for t in found.candidates)


def test_years_settle_an_ambiguous_title(known_titles):
    found = match_title("Associate", known_titles, years=Decimal("3.5"))
    assert found.answer.employer_type.slug == "gcc"
    assert found.chosen_by_years


@pytest.mark.parametrize(
    ("typed", "near"),
    [
        ("Sr Sofware Enginer", "Senior Software Engineer"),
        ("Senior Systms Engineer", "Senior System Engineer"),
        ("Data Scientst", "Data Scientist"),
        ("Backend Developer - Payments", "Backend Developer"),
        ("Associate Consultant Trainee", "Associate Consultant"),
    ],
)
def test_an_unknown_title_gets_the_nearest_known_ones(known_titles, typed, near):
    found = match_title(typed, known_titles)
    assert found.answer is None and not found.candidates
    assert normalise(near) in [normalise(t.name) for t in found.nearest]


@pytest.mark.parametrize("typed", ["", "   ", "!!!", "\x00", "qwxzzv"])
def test_nothing_to_match_is_no_error(known_titles, typed):
    found = match_title(typed, known_titles)
    assert found.answer is None and not found.candidates


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("Sr. SDE-II", "senior software development engineer 2"),
        ("Assoc. Mgr", "associate manager"),
        ("Engg Lead", "engineer lead"),
        ("Full-Stack Dev", "full stack developer"),
        ("SMTS", "senior member of technical staff"),
        ("Software Engineer III", "software engineer 3"),
        ("UI/UX Designer", "ui ux designer"),
        ("Déveloper\u200d", "developer"),
    ],
)
def test_normalise(written, read):
    assert normalise(written) == read
