"""The skill page's cost does not grow with the roles asking for the skill (issue 20, point 5): the same queries at
3 roles and at 300, and sentences of the same length (they count every role and name a few).

Every generated role (tests/perf/generate.py) asks for Python, so /skills/python/ is the skill of many roles.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from roles.models import Level, Skill
from roles.skill_reach import read_skill_reach
from tests.html import element
from tests.perf.generate import load_generated

pytestmark = pytest.mark.django_db

URLS = ["/skills/python/", "/skills/python/?page=2", "/skills/python/?page=3"]
SENTENCES = ("start", "pay", "related", "learn")  # the sections written over every role asking


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def sentence_bytes(client) -> dict[str, int]:
    response = client.get(URLS[0])
    return {name: len(element(response, "section", aria_labelledby=name).text.encode()) for name in SENTENCES}


def test_the_skill_page_reads_the_same_queries_and_writes_as_much_at_3_and_300_roles(client, tmp_path, settings):
    settings.PAGE_CACHE_ENABLED = False
    load_generated(tmp_path, 3)
    few = [queries(client, url) for url in URLS]
    load_generated(tmp_path, 120)
    some = sentence_bytes(client)
    load_generated(tmp_path, 300)  # the same directory: the first roles are updated, the rest added
    many = [queries(client, url) for url in URLS]
    assert few == many == [10, 10, 10]
    # The sentences name the same first roles at 120 and 300 roles; only the counts in them gain a digit or two.
    grown = {name: n - some[name] for name, n in sentence_bytes(client).items()}
    assert all(0 <= extra <= 24 for extra in grown.values()), grown


def test_the_reach_of_a_skill_is_two_queries_whatever_the_roles(tmp_path, django_assert_num_queries):
    load_generated(tmp_path, 150)
    skill = Skill.objects.get(slug="python")
    levels = list(Level.objects.order_by("order"))
    with django_assert_num_queries(2):
        reach = read_skill_reach(skill, levels)
    assert reach.roles == 150
    assert sum(first.count for first in reach.firsts) == 150
    assert all(len(first.named) <= 10 for first in reach.firsts)
