"""The sentences of a skill's page (roles/narrative.py) from its reach (roles/skill_reach.py): the same words with
three roles asking or ten thousand, every role counted, a few named. No database: the reach is built by hand."""

from __future__ import annotations

from roles import narrative
from roles.models import Level, Role, Skill
from roles.skill_reach import NAMED, Deepest, FirstAsked, SkillReach

JUNIOR = Level(pk=1, slug="junior", name="Junior", short_name="junior", order=1, min_years=0, max_years=2)
MID = Level(pk=2, slug="mid", name="Mid-level", short_name="mid-level", order=2, min_years=2, max_years=5)
PYTHON = Skill(name="Python", slug="python", kind="language", description="A language.")


def roles(prefix: str, count: int) -> list[Role]:
    return [Role(title=f"{prefix} {i:05d}") for i in range(count)]


def reach(start: int, later: int, deepening: int = 0) -> SkillReach:
    firsts = [FirstAsked(JUNIOR, start, roles("Starter", min(start, NAMED)))] if start else []
    firsts += [FirstAsked(MID, later, roles("Joiner", min(later, NAMED)))] if later else []
    deepest = Deepest(Role(title="Starter 00000"), 2, "Junior Starter", "Starter") if deepening else None
    return SkillReach(start + later, start + later + deepening, firsts, deepening, deepest, JUNIOR)


def test_a_few_roles_are_all_named():
    few = reach(start=2, later=1)
    assert narrative.start_and_deepen(PYTHON, few)[:2] == [
        "2 roles ask for Python from the first level: Starter 00000 and Starter 00001. People are expected to bring "
        "it to their first job in them.",
        "1 role adds it further up the ladder: Joiner 00000 at the mid-level level.",
    ]
    assert narrative.skill_summary(PYTHON, few.first_titles(narrative.NAMED_ROLES), few.roles) == (
        "Python is asked for by Joiner 00000, Starter 00000 and Starter 00001."
    )
    assert narrative.how_people_learn(PYTHON, few).startswith(
        "2 of the 3 roles that ask for it first ask for Python at the junior level (Starter 00000 and Starter 00001)"
    )


def test_ten_thousand_roles_are_counted_and_a_few_named():
    many = reach(start=6_000, later=4_000, deepening=2_500)
    start, later, deepen = narrative.start_and_deepen(PYTHON, many)
    assert start.startswith("6,000 roles ask for Python from the first level: Starter 00000, Starter 00001,")
    assert "Starter 00009 and 5,990 more. People are expected" in start
    named = ", ".join(f"Joiner {i:05d} at the mid-level level" for i in range(NAMED))
    assert later == f"4,000 roles add it further up the ladder: {named} and 3,990 more."
    assert deepen.startswith("In 2,500 roles it is not a box ticked once but a skill to deepen: Starter 00000, for one")
    assert narrative.skill_summary(PYTHON, many.first_titles(narrative.NAMED_ROLES), many.roles) == (
        "Python is asked for by 10,000 roles, among them Joiner 00000, Joiner 00001, Joiner 00002 and 9,997 more."
    )
    assert narrative.how_people_learn(PYTHON, many).startswith(
        "6,000 of the 10,000 roles that ask for it first ask for Python at the junior level "
        "(Starter 00000, Starter 00001 and Starter 00002 and others)"
    )
    assert narrative.skill_description(PYTHON, many) == (
        "A language. Python is asked for by 10,000 roles at 12,500 levels: when, and what it pays."
    )


def test_roles_joining_at_several_levels_are_counted_by_level_when_not_all_named():
    later = [FirstAsked(MID, 30, roles("Joiner", NAMED)), FirstAsked(Level(pk=3, short_name="senior", order=3), 5, [])]
    sentence = narrative.start_and_deepen(PYTHON, SkillReach(35, 35, later, 0, None, JUNIOR))[0]
    assert sentence.startswith(
        "35 roles add it further up the ladder: 30 at the mid-level level and 5 at the senior level; among them "
    )
    assert sentence.endswith("and 25 more.")
