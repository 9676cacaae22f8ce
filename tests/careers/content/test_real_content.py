"""The real fixtures pass every rule of the content check, and make a catalog worth browsing."""

from __future__ import annotations

from careers.content.reader import read_content
from careers.content.validate import editorial_problems, reference_problems

from .helpers import FIXTURES, listing


def test_the_real_fixtures_have_no_reference_problems():
    problems = reference_problems(read_content(FIXTURES))  # read_content raises, listing every schema problem
    assert not problems, listing(problems)


def test_the_real_fixtures_have_no_editorial_problems():
    problems = editorial_problems(read_content(FIXTURES))
    assert not problems, listing(problems)


def test_the_real_fixtures_are_a_catalog_worth_browsing():
    content = read_content(FIXTURES)
    published = [rf for rf in content.roles if rf.doc.status == "published"]
    assert len(published) >= 40
    assert len({rf.doc.family for rf in published}) >= 8
