"""What a published role must have (roles.rules): every level of the ladder, asked one way by every caller."""

from __future__ import annotations

import pytest

from careers.content.schema import LevelDoc
from roles.models import Level, Role
from roles.rules import missing_level_names, missing_levels
from tests.factories import LEVELS

LADDER = [LevelDoc(**level) for level in LEVELS]  # junior, mid, senior, lead


def slugs(levels) -> list[str]:
    return [level.slug for level in levels]


@pytest.mark.parametrize(
    ("present", "missing"),
    [
        ({"junior", "mid", "senior", "lead"}, []),
        ({"lead", "junior"}, ["mid", "senior"]),  # in ladder order, whatever order they were given in
        (set(), ["junior", "mid", "senior", "lead"]),
        ({"junior", "mid", "senior", "lead", "intern"}, []),  # a level off the ladder fills no gap, and asks none
    ],
)
def test_the_missing_levels_are_the_ladders_levels_a_role_lacks(present, missing):
    assert slugs(missing_levels(present, LADDER)) == missing


def test_a_level_present_many_times_counts_once():
    # A role's pay names each level once per place: the same level many times counts once.
    assert slugs(missing_levels(["junior", "junior", "mid", "mid"], LADDER)) == ["senior", "lead"]


def test_the_sites_ladder_is_named_as_editors_know_it(two_roles):
    assert missing_level_names({"junior", "mid"}) == ["Senior", "Lead / Principal / Manager"]
    assert missing_level_names(set(Level.objects.values_list("slug", flat=True))) == []


def test_a_saved_role_is_checked_against_the_database_ladder(two_roles):
    role = Role.objects.get(slug="data-scientist")
    role.role_levels.filter(level__slug="mid").delete()
    present = role.role_levels.values_list("level__slug", flat=True)
    assert slugs(missing_levels(present, Level.objects.all())) == ["mid"]
