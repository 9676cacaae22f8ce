"""A level's skills on the role screen: the order of the list is the saved and public order; a skill picked
again is refused with a word, not silently dropped; the skill search puts name matches first."""

import json

import pytest
from django.urls import reverse

from roles.models import Role, RoleLevel, Skill

from .test_role_screen import current_form, errors_of, post


@pytest.fixture
def scientist(two_roles):
    return Role.objects.get(slug="data-scientist")


def ids() -> dict[str, str]:
    return {s.slug: str(s.pk) for s in Skill.objects.all()}


def test_the_list_order_is_the_saved_and_public_order(editor_client, client, scientist):
    data = current_form(editor_client, scientist)
    skill = ids()
    assert data["role_levels-0-skills"] == [skill["python"], skill["sql"]]
    data["role_levels-0-skills"] = [skill["sql"], skill["python"]]
    data["role_levels-0-skills_add"] = [skill["docker"]]
    assert post(editor_client, scientist, data).status_code == 302
    assert [s.slug for s in RoleLevel.objects.get(role=scientist, level__slug="junior").skills] == [
        "sql",
        "python",
        "docker",
    ]
    page = client.get("/roles/data-scientist/career-path/junior/").content.decode()
    assert page.index(">SQL<") < page.index(">Python<") < page.index(">Docker<")


def test_a_skill_can_be_removed(editor_client, scientist):
    data = current_form(editor_client, scientist)
    data["role_levels-0-skills_remove"] = [ids()["python"]]
    assert post(editor_client, scientist, data).status_code == 302
    assert [s.slug for s in RoleLevel.objects.get(role=scientist, level__slug="junior").skills] == ["sql"]


def test_a_skill_already_chosen_is_refused_with_a_word(editor_client, scientist):
    data = current_form(editor_client, scientist)
    data["role_levels-0-skills_add"] = [ids()["sql"]]
    html = errors_of(post(editor_client, scientist, data))
    assert "SQL is already chosen for this level (number 2): move it rather than adding it again." in html
    assert [s.slug for s in RoleLevel.objects.get(role=scientist, level__slug="junior").skills] == ["python", "sql"]


def test_the_skill_search_puts_names_first(editor_client, two_roles):
    Skill.objects.create(name="Systems thinking", slug="systems-thinking", kind="practice", description="Whole.")
    Skill.objects.create(name="Architecture", slug="architecture", kind="practice", description="System design.")
    Skill.objects.create(name="Design systems", slug="design-systems", kind="practice", description="UI kits.")
    Skill.objects.create(name="System design", slug="system-design", kind="practice", description="Big picture.")
    response = editor_client.get(
        reverse("admin:autocomplete"),
        {"term": "system", "app_label": "roles", "model_name": "rolelevelskill", "field_name": "skill"},
    )
    names = [r["text"] for r in json.loads(response.content)["results"]]
    assert names == ["System design", "Systems thinking", "Design systems", "Architecture"]
