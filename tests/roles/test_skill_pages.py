"""/skills/ and /skills/<skill>/: grouping, counts, the roles and levels listed, 404s, drafts, query counts."""

from __future__ import annotations

import pytest
from django.urls import reverse

from roles.models import Skill
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


# --- /skills/<skill>/ ---------------------------------------------------------------------------


def test_skill_page_lists_roles_and_the_levels_that_ask(tmp_path, client):
    catalog(tmp_path, role_doc("data-scientist"), engineer())
    response = client.get(reverse("skill_detail", args=["sql"]))
    assert response.status_code == 200
    roles = response.context["roles"]
    assert [(r.slug, [rl.level.slug for rl in r.levels_asking]) for r in roles] == [
        ("data-engineer", ["junior", "mid"]),
        ("data-scientist", ["junior", "mid"]),
    ]
    page = html(response)
    assert f'href="{reverse("career_path", args=["data-scientist"])}">Data Scientist</a>' in page
    assert f'href="{reverse("career_level", args=["data-scientist", "junior"])}">Junior Data Scientist</a>' in page
    assert f'href="{reverse("career_level", args=["data-engineer", "mid"])}">Data Engineer</a>' in page
    assert "About SQL." in page
    assert "SQL is asked for by Data Engineer and Data Scientist." in page


def test_skill_page_names_the_kind_and_links_back_to_it(tmp_path, client):
    catalog(tmp_path, role_doc("data-scientist"))
    page = html(client.get(reverse("skill_detail", args=["python"])))
    assert f'<a href="{reverse("skill_list")}#language">Languages</a>' in page


def test_related_skills_are_those_sharing_most_levels(tmp_path, client):
    catalog(tmp_path, role_doc("data-scientist"), engineer())
    related = client.get(reverse("skill_detail", args=["python"])).context["related"]
    # SQL shares both junior levels with Python, Docker one of them; nothing else shares a level.
    assert [(s.slug, s.shared) for s in related] == [("sql", 2), ("docker", 1)]


def test_related_skills_stop_at_eight(tmp_path, client):
    ref = reference()
    extra = [f"extra-{i}" for i in range(10)]
    ref["skills"]["skills"] += [{"slug": s, "name": s.title(), "kind": "tool", "description": "More."} for s in extra]
    doc = role_doc("data-scientist")
    doc["levels"][0]["skills"] = ["python", *extra]
    load_roles(tmp_path, doc, ref=ref)
    related = client.get(reverse("skill_detail", args=["python"])).context["related"]
    assert [s.slug for s in related] == sorted(extra, key=lambda s: s.title())[:8]


def test_drafts_are_invisible_on_a_skill_page(tmp_path, client):
    catalog(tmp_path, role_doc("data-scientist"), engineer("ml-engineer", title="ML Engineer", status="draft"))
    response = client.get(reverse("skill_detail", args=["python"]))
    assert [r.slug for r in response.context["roles"]] == ["data-scientist"]
    assert "ML Engineer" not in html(response)
    assert [s.slug for s in response.context["related"]] == ["sql"]  # docker shares a level only in the draft


def test_skill_detail_has_title_description_crumbs_and_one_h1(tmp_path, client):
    catalog(tmp_path, role_doc("data-scientist"))
    response = client.get(reverse("skill_detail", args=["python"]))
    page = html(response)
    assert page.count("<h1") == 1 and "<h1>Python</h1>" in page
    assert response.context["crumbs"] == [("Skills", reverse("skill_list")), ("Python", "")]
    assert "<title>Python: roles and levels that need it |" in page
    assert '<meta name="description" content="Python is asked for by Data Scientist.">' in page


@pytest.mark.parametrize("slug", ["no-such-skill", "docker", "spark"])
def test_unknown_draft_only_and_unused_skills_are_404(tmp_path, client, slug):
    catalog(tmp_path, role_doc("data-scientist"), engineer("data-engineer", status="draft"))
    assert client.get(reverse("skill_detail", args=[slug])).status_code == 404


@pytest.mark.parametrize("roles", [2, 6])
def test_skill_detail_queries_do_not_grow_with_the_catalog(
    tmp_path, client, view_queries, django_assert_num_queries, roles
):
    catalog(tmp_path, *[engineer(f"role-{i}") for i in range(roles)])
    # The skill, the roles, their levels, the related skills; the counts on the site's social card (careers/cards).
    with django_assert_num_queries(5):
        response = client.get(reverse("skill_detail", args=["python"]))
    assert len(response.context["roles"]) == roles


def test_content_is_escaped(tmp_path, client):
    catalog(tmp_path, role_doc("data-scientist"))
    Skill.objects.filter(slug="python").update(description="<script>alert(1)</script>")
    page = html(client.get(reverse("skill_detail", args=["python"])))
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)" in page


def test_every_skill_of_the_real_catalogue_has_a_page(site_content, client):
    failures = [
        f"{skill.slug}: {status}"
        for skill in Skill.objects.in_published_use()
        if (status := client.get(reverse("skill_detail", args=[skill.slug])).status_code) != 200
    ]
    assert not failures, "\n".join(failures)
    assert client.get(reverse("skill_list")).status_code == 200
