"""The real titles of fixtures/reference/titles.json: enough of them, at every kind of employer, each explained."""

from collections import Counter
from pathlib import Path

from django.conf import settings

from careers.content.reader import read_content
from careers.content.validate import content_problems
from titles.narrative import DESCRIPTION_MAX, DESCRIPTION_MIN, TITLE_LIMIT, page_title


def real():
    return read_content(Path(settings.CONTENT_DIR))


def test_the_real_titles_pass_the_content_check():
    content = real()
    assert [str(p) for p in content_problems(content, None) if "titles.json" in p.file] == []


def test_there_are_enough_titles_at_every_kind_of_employer():
    content = real()
    by_type = Counter(t.employer_type for t in content.titles)
    assert len(content.titles) >= 150
    assert {et.slug for et in content.employer_types} <= set(by_type)
    assert all(by_type[et.slug] >= 15 for et in content.employer_types), by_type


def test_a_title_of_one_kind_of_employer_says_what_it_means_there():
    assert [t.slug for t in real().titles if t.employer_type and not t.note] == []


def test_every_published_role_has_its_own_titles():
    content = real()
    named = {slug for t in content.titles for slug in t.roles}
    assert [rf.doc.slug for rf in content.roles if rf.doc.status == "published" and rf.doc.slug not in named] == []


def test_titles_fit_the_head_limits():
    assert all(len(page_title(t.name)) <= TITLE_LIMIT for t in real().titles)
    assert DESCRIPTION_MIN < DESCRIPTION_MAX
