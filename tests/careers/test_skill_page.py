"""/skills/<skill>/: who asks for the skill and from which level, what those levels pay, the skills alongside, where
people learn it; thin pages noindex and out of the sitemap; 404s, drafts, query counts."""

from __future__ import annotations

import pytest
from django.urls import reverse

from roles.models import Skill
from tests.factories import load_roles, reference, role_doc
from tests.html import element, text_of
from tests.roles.test_skill_pages import catalog, engineer, html
from tests.seo.helpers import sitemap

pytestmark = pytest.mark.django_db


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
    assert "<title>Python: who asks for it, from when, what it pays</title>" in page
    description = element(page, "meta", name="description")["content"]
    assert description.startswith("About Python. Python is asked for by 1 role at "), description


@pytest.mark.parametrize("slug", ["no-such-skill", "docker", "spark"])
def test_unknown_draft_only_and_unused_skills_are_404(tmp_path, client, slug):
    catalog(tmp_path, role_doc("data-scientist"), engineer("data-engineer", status="draft"))
    assert client.get(reverse("skill_detail", args=[slug])).status_code == 404


@pytest.mark.parametrize("roles", [2, 6])
def test_skill_detail_queries_do_not_grow_with_the_catalog(
    tmp_path, client, view_queries, django_assert_num_queries, roles
):
    catalog(tmp_path, *[engineer(f"role-{i}") for i in range(roles)])
    # The skill, the ladder, the home location, the counts per level, the roles named in sentences, the pay, the
    # related skills, one page of roles, their levels with their pay, the site card's counts.
    with django_assert_num_queries(10):
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


def test_the_page_says_where_the_skill_starts_and_deepens_and_what_it_pays(tmp_path, client):
    catalog(tmp_path, role_doc("data-scientist"), engineer())
    text = text_of(client.get(reverse("skill_detail", args=["python"])))
    assert "2 roles ask for Python from the first level: Data Engineer and Data Scientist." in text
    assert "Each role asks for it at one level only" in text
    assert "The 2 levels in India that ask for Python have the same median pay: ₹9L a year." in text
    assert "How people usually learn it Every role that asks for it first asks for Python at the junior level" in text


def test_a_thin_skill_page_is_noindex_and_out_of_the_sitemap(tmp_path, client):
    """Docker: one role, one level (careers.web.indexing.skill_is_indexable); Python: two roles."""
    catalog(tmp_path, role_doc("data-scientist"), engineer())
    thin = html(client.get(reverse("skill_detail", args=["docker"])))
    full = html(client.get(reverse("skill_detail", args=["python"])))
    assert '<meta name="robots" content="noindex">' in thin
    assert 'name="robots"' not in full
    listed = sitemap(client.get("/sitemap-skills.xml"))
    assert any(url.endswith("/skills/python/") for url in listed)
    assert not any(url.endswith("/skills/docker/") for url in listed)
