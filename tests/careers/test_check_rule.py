"""The skills check's rule (careers/pages/check.py): the level that fits at each boundary, and reading the address."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from careers.pages import check
from careers.pages.check import (
    MAX_FIELDS,
    MAX_YEARS,
    Rung,
    enough,
    fitting_level,
    read_answers,
    read_years,
    rule_in_words,
)

# --- the rule, on a ladder of four levels asking ten new skills each (10, 20, 30, 40 so far) ----------------------

LADDER = [
    Rung("Junior", 0, tuple(f"a{i}" for i in range(10))),
    Rung("Mid", 2, tuple(f"b{i}" for i in range(10))),
    Rung("Senior", 5, tuple(f"c{i}" for i in range(10))),
    Rung("Lead", 8, tuple(f"d{i}" for i in range(10))),
]


def held(*counts: int) -> set[str]:
    """The first ``counts[n]`` skills of level n: held(10, 4) is all of Junior's and four of Mid's."""
    return {f"{'abcd'[level]}{i}" for level, count in enumerate(counts) for i in range(count)}


def test_enough_is_the_share_rounded_up():
    assert Fraction(7, 10) == check.SHARE
    assert [enough(n) for n in (1, 2, 3, 4, 5, 9, 10, 13, 20, 30, 40)] == [1, 2, 3, 3, 4, 7, 7, 10, 14, 21, 28]


@pytest.mark.parametrize(
    ("skills", "expected"),
    [
        (held(), None),
        (held(6), None),  # 6 of 10: one below the share
        (held(7), 0),  # 7 of 10: exactly the share
        (held(10, 3), 0),  # 13 of 20: one below Mid's 14
        (held(10, 4), 1),  # 14 of 20: exactly
        (held(10, 10, 0), 1),
        (held(10, 10, 0) | {"c0"}, 2),  # 21 of 30: exactly Senior's share
        (held(10, 10, 7), 2),  # 27 of 30 at Senior; 27 of 40 is one below Lead's 28
        (held(10, 10, 8), 3),  # 28 of 40: exactly Lead's share
    ],
)
def test_the_share_at_each_level_boundary(skills, expected):
    assert fitting_level(LADDER, skills, None) == expected


@pytest.mark.parametrize(
    ("years", "expected"),
    [
        (Decimal(0), 0),
        (Decimal("1.99"), 0),  # below Mid's first year
        (Decimal(2), 1),  # at it
        (Decimal("4.5"), 1),
        (Decimal(5), 2),
        (Decimal("7.99"), 2),
        (Decimal(8), 3),
        (Decimal(MAX_YEARS), 3),
        (None, 3),  # left blank: by skills alone
    ],
)
def test_years_at_each_level_boundary(years, expected):
    assert fitting_level(LADDER, held(10, 10, 10, 10), years) == expected


def test_the_highest_level_that_fits_wins_even_over_a_gap_below():
    # Four of Junior's ten (not enough there) and all of Mid's: 14 of 20 so far, so Mid fits.
    skills = held(4, 10)
    assert fitting_level(LADDER[:1], skills, None) is None
    assert fitting_level(LADDER, skills, Decimal(3)) == 1


def test_a_skill_asked_twice_counts_once():
    ladder = [Rung("Junior", 0, ("a", "b")), Rung("Mid", 2, ("b", "c"))]
    assert check.skills_up_to(ladder, 1) == ["a", "b", "c"]
    assert fitting_level(ladder, {"a", "b", "c"}, None) == 1  # 3 of 3, not 3 of 4
    assert fitting_level(ladder, {"b", "c"}, None) is None  # 2 of 3 is under 70%


def test_the_words_come_from_the_rule(monkeypatch):
    words = " ".join(rule_in_words(LADDER))
    assert "at least 70% of the skills" in words
    assert "Junior from 0 years, Mid from 2 years, Senior from 5 years and Lead from 8 years" in words
    assert f"at most {MAX_YEARS} years" in words
    # Change the constant and both the arithmetic and the sentence follow.
    monkeypatch.setattr(check, "SHARE", Fraction(1, 2))
    assert "at least 50% of the skills" in " ".join(rule_in_words(LADDER))
    assert fitting_level(LADDER, held(5), None) == 0


# --- reading the address -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("values", "years", "noted"),
    [
        ([], None, False),
        ([""], None, False),
        (["  "], None, False),
        (["4"], Decimal(4), False),
        ([" 6 "], Decimal(6), False),
        (["4.5"], Decimal("4.5"), False),
        (["4.129"], Decimal("4.12"), False),
        (["0"], Decimal(0), False),
        ([str(MAX_YEARS)], Decimal(MAX_YEARS), False),
        (["50.5"], Decimal(MAX_YEARS), True),
        (["120"], Decimal(MAX_YEARS), True),
        (["9" * 5000], Decimal(MAX_YEARS), True),
        (["-3"], None, True),
        (["abc"], None, True),
        (["1e3"], None, True),
        (["nan"], None, True),
        (["inf"], None, True),
        (["٣"], None, True),  # a digit, but not one the form sends
        (["4,5"], None, True),
        (["", "7", "9"], Decimal(7), False),  # the first value given counts
    ],
)
def test_years_are_read_or_set_aside_with_a_note(values, years, noted):
    value, note = read_years(values)
    assert value == years
    assert bool(note) == noted


def test_repeated_skills_count_once_in_the_order_given():
    answers = read_answers("skill=sql&skill=python&skill=sql&skill=&skill=%20&years=3")
    assert answers.skills == ("sql", "python")
    assert answers.years == Decimal(3)
    assert answers.given and not answers.notes


def test_ten_thousand_fields_are_read_up_to_the_limit():
    answers = read_answers("&".join(f"skill=s{i}" for i in range(10_000)) + "&years=4")
    assert len(answers.skills) == MAX_FIELDS
    assert answers.years is None  # beyond the fields read
    assert [f"more than {MAX_FIELDS} values" in note for note in answers.notes] == [True]


@pytest.mark.parametrize("query", ["", "&&&", "=", "%zz", "skill", "skill=%ff%fe", "years=%00", "skill[]=x;years=2"])
def test_odd_query_strings_read_as_something(query):
    read_answers(query)
