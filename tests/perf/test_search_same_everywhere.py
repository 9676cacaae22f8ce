"""The search ranks the same on SQLite and PostgreSQL (CI runs this module on both).

Ranking happens in Python (careers/search/); what could still differ between databases is the order
rows come back in (collations sort case and punctuation differently). These tests pin, through the page
a visitor sees, the ranking of a few queries on the real content and the suggestions for a misspelling,
and check that the ranking ignores the order in which the database returns the roles.
"""

from __future__ import annotations

import random

import pytest
from django.db import connection

from careers.search import build_index, search
from roles.models import Role
from tests.careers.helpers import closest_titles, ranked_cards

pytestmark = pytest.mark.django_db

# Query -> (title, why it matched) in rank order; the first few results are enough to pin the order.
EXPECTED = {
    "data": [
        ("Data Analyst", ""),
        ("Data Engineer", ""),
        ("Data Scientist", ""),
        ("Database Administrator", ""),
        ("Analytics Engineer", "Also called Data Modeller"),
        ("AI Engineer", "Asks for Vector databases"),
    ],
    "ml": [
        ("MLOps Engineer", ""),
        ("Machine Learning Engineer", "Also called ML Developer"),
        ("Research Scientist", "Also called ML Researcher"),
        ("AI Engineer", "Asks for ML strategy"),
    ],
    "DÉVOPS": [("DevOps Engineer", "Also called DevOps"), ("MLOps Engineer", "Mentioned in what the role does")],
    "manager": [
        ("Engineering Manager", ""),
        ("Product Manager", ""),
        ("Technical Program Manager", ""),
        ("Tech Lead", "Mentioned in what the role does"),
    ],
    "sde": [
        ("Backend Developer", "Also called SDE (Backend)"),
        ("Full-Stack Developer", "Also called SDE (Full Stack)"),
        ("QA Automation Engineer", "Also called SDET"),
    ],
    "secur": [
        ("Security Analyst", ""),
        ("Security Engineer", ""),
        ("Cloud Security Engineer", ""),
        ("Penetration Tester", "Also called Offensive Security Engineer"),
        ("Android Developer", "Asks for Secure coding"),
        ("iOS Developer", "Asks for Secure coding"),
    ],
}


@pytest.mark.parametrize("query", list(EXPECTED))
def test_real_content_ranks_the_same_on_every_database(client, site_content, query):
    response = client.get("/roles/", {"q": query})
    assert response.status_code == 200
    found = ranked_cards(response)
    assert found[: len(EXPECTED[query])] == EXPECTED[query], f"on {connection.vendor}"


def test_misspelling_suggestions_are_the_same_on_every_database(client, site_content):
    titles = closest_titles(client.get("/roles/", {"q": "machin lerning"}))
    assert titles[:3] == ["Machine Learning Engineer", "Data Scientist", "Research Scientist"]


def test_ranking_ignores_the_order_rows_come_back_in(site_content):
    """A database with another collation returns the roles in another order: the ranking must not care."""
    rows = list(Role.objects.published().order_by("pk").values_list("pk", "title", "summary"))

    def outcome(query: str, index) -> tuple[list, list]:
        result = search(query, popular=list, index=index)
        return [(h.role.pk, h.why) for h in result.hits], [r.pk for r in result.suggestions]

    in_order = build_index(rows)
    for seed in range(3):
        shuffled = rows[:]
        random.Random(seed).shuffle(shuffled)
        index = build_index(shuffled)
        for query in [*EXPECTED, "engineer", "python", "machin lerning"]:
            assert outcome(query, index) == outcome(query, in_order), query
