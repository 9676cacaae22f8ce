"""/skills/: grouping by kind, counts, drafts, query counts (a skill's own page: tests/careers/test_skill_page.py)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories import load_roles, reference, role_doc

pytestmark = pytest.mark.django_db

KINDS = {"python": "language", "sql": "language", "docker": "tool", "mentoring": "people", "strategy": "people"}


def catalog(tmp_path, *roles: dict) -> None:
    """Load these roles with the factory skills, some of them given kinds other than "practice"."""
    ref = reference()
    for skill in ref["skills"]["skills"]:
        skill["kind"] = KINDS.get(skill["slug"], skill["kind"])
    load_roles(tmp_path, *roles, ref=ref)


def engineer(slug: str = "data-engineer", **overrides) -> dict:
    """A role whose junior level asks for Docker as well: Docker then shares a level with Python and SQL."""
    doc = role_doc(slug, **overrides)
    doc["levels"][0]["skills"] = ["python", "sql", "docker"]
    return doc


def html(response) -> str:
    return response.content.decode()


# --- /skills/ -----------------------------------------------------------------------------------


def test_skills_are_grouped_by_kind_in_page_order(tmp_path, client):
    catalog(tmp_path, role_doc("data-scientist"), engineer())
    response = client.get(reverse("skill_list"))
    assert response.status_code == 200
    groups = response.context["groups"]
    assert [(g.heading, [s.slug for s in g.skills]) for g in groups] == [
        ("Languages", ["python", "sql"]),
        ("Tools and platforms", ["docker"]),
        ("Practices", ["mlops", "statistics"]),
        ("People skills", ["mentoring", "strategy"]),
    ]
    page = html(response)
    assert (
        page.index('id="language"') < page.index('id="tool"') < page.index('id="practice"') < page.index('id="people"')
    )
    assert "About Python." in page  # the one-line description


def test_each_skill_shows_how_many_published_roles_ask_for_it(tmp_path, client):
    catalog(tmp_path, role_doc("data-scientist"), engineer(), engineer("ml-engineer", status="draft"))
    skills = {s.slug: s for g in client.get(reverse("skill_list")).context["groups"] for s in g.skills}
    assert skills["python"].role_count == 2  # the draft's levels are not counted
    assert skills["docker"].role_count == 1
    page = html(client.get(reverse("skill_list")))
    assert '<span class="visually-hidden">asked for by </span>2 roles' in page
    assert '<span class="visually-hidden">asked for by </span>1 role<' in page


def test_skills_only_drafts_or_no_role_use_are_not_listed(tmp_path, client):
    catalog(tmp_path, role_doc("data-scientist"), engineer("data-engineer", status="draft"))
    listed = {s.slug for g in client.get(reverse("skill_list")).context["groups"] for s in g.skills}
    assert "docker" not in listed  # asked for by the draft only
    assert "spark" not in listed  # asked for by no role
    assert listed == {"python", "sql", "statistics", "mlops", "strategy", "mentoring"}


def test_skill_list_has_title_description_crumbs_and_one_h1(tmp_path, client):
    catalog(tmp_path, role_doc("data-scientist"))
    response = client.get(reverse("skill_list"))
    page = html(response)
    assert page.count("<h1") == 1
    assert response.context["crumbs"] == [("Skills", "")]
    summary = "The 6 skills our career paths ask for, by kind: 2 languages, 2 practices and 2 people skills."
    assert f'<meta name="description" content="{summary}">' in page
    assert "<title>Skills for tech careers in India, by kind |" in page


@pytest.mark.parametrize("roles", [2, 6])
def test_skill_list_queries_do_not_grow_with_the_catalog(
    tmp_path, client, view_queries, django_assert_num_queries, roles
):
    catalog(tmp_path, *[engineer(f"role-{i}") for i in range(roles)])
    with django_assert_num_queries(2):  # the skills, and the counts on the site's social card (careers/cards)
        assert client.get(reverse("skill_list")).status_code == 200
