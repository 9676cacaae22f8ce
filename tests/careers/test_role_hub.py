"""The role hub /roles/<role>/: what the role does, skills, levels at a glance, links, and the compare picker."""

from __future__ import annotations

import pytest

from tests.careers.helpers import breadcrumbs
from tests.factories import load_roles, role_doc
from tests.html import element, elements, hx, text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def hub_roles(two_roles, tmp_path):
    load_roles(tmp_path, role_doc("ml-engineer", "ML Engineer"), role_doc("draft-role", "Draft Role", status="draft"))
    return two_roles


def test_hub_shows_the_role_its_skills_and_levels(client, hub_roles):
    response = client.get("/roles/data-scientist/")
    assert response.status_code == 200
    html, text = response.content.decode(), text_of(response)
    assert html.count("<h1") == 1
    assert "Data Scientists do useful things with data." in text
    assert "First paragraph." in text and "Second paragraph." in text
    assert "Senior Data Scientist 5–8 years ₹20L–₹30L" in text
    assert "Lead Data Scientist 8+ years ₹28L–₹35L" in text
    for skill in ("python", "sql", "statistics", "mlops", "strategy", "mentoring"):
        assert f'href="/skills/{skill}/"' in html


def test_hub_links_to_career_path_salary_levels_and_moves(client, hub_roles):
    html = client.get("/roles/data-scientist/").content.decode()
    for href in (
        "/roles/data-scientist/career-path/",
        "/roles/data-scientist/salary/",
        "/roles/data-scientist/career-path/junior/",
        "/roles/data-scientist/career-path/lead/",
        "/roles/data-scientist/to/data-engineer/",
    ):
        assert f'href="{href}"' in html, href
    assert "Both work with data." in text_of(client.get("/roles/data-scientist/"))


def test_hub_breadcrumbs(client, hub_roles):
    html = client.get("/roles/data-scientist/").content.decode()
    assert breadcrumbs(html) == [("Home", "/"), ("Roles", "/roles/"), ("Data Scientist", None)]


def test_compare_picker_is_a_text_field_and_a_few_roles_of_the_same_field(client, hub_roles):
    html = client.get("/roles/data-scientist/").content.decode()
    form = element(html, "form", class_="compare")
    assert form["action"] == "/roles/data-scientist/compare/" and form["method"] == "get"
    assert form.find("label", for_="compare-to").text
    field = form.find("input", id="compare-to")
    assert field["name"] == "q" and field["type"] == "search"
    assert not elements(html, "select")
    assert 'href="/roles/data-scientist/to/data-engineer/"' in html


def test_compare_page_lists_matching_roles_as_moves(client, hub_roles):
    response = client.get("/roles/data-scientist/compare/", {"q": "engineer"})
    assert response.status_code == 200
    html = response.content.decode()
    for other in ("data-engineer", "ml-engineer"):
        assert f'href="/roles/data-scientist/to/{other}/"' in html
    assert "draft-role" not in html
    assert element(html, "meta", name="robots")["content"] == "noindex"


@pytest.mark.parametrize("typed", ["ML Engineer", "ml engineer", "ml-engineer"])
def test_compare_page_goes_straight_to_an_exact_match(client, hub_roles, typed):
    response = client.get("/roles/data-scientist/compare/", {"q": typed})
    assert response.status_code == 302 and response["Location"] == "/roles/data-scientist/to/ml-engineer/"


def test_the_picker_asks_htmx_for_matches_as_you_type_and_keeps_its_plain_form(client, hub_roles):
    form = element(client.get("/roles/data-scientist/").content.decode(), "form", class_="compare")
    assert hx(form, "get") == form["action"] == "/roles/data-scientist/compare/"
    assert hx(form, "target") == "#compare-matches"
    # Typing asks htmx; Enter is the form's own submit, so an exact title still goes straight to the move.
    trigger = hx(form, "trigger") or ""
    assert "submit" not in trigger and "from:#compare-to" in trigger


@pytest.mark.parametrize("typed", ["engineer", "ML Engineer"])
def test_htmx_gets_the_matches_alone_and_an_exact_title_among_them(client, hub_roles, typed):
    response = client.get("/roles/data-scientist/compare/", {"q": typed}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html and "<form" not in html
    assert 'href="/roles/data-scientist/to/ml-engineer/"' in html
    assert "HX-Request" in response["Vary"]
    plain = client.get("/roles/data-scientist/compare/", {"q": "engineer"}).content.decode()
    assert element(plain, "h2", id="matches").text == "Roles matching “engineer”"


def test_htmx_with_an_empty_field_gets_nothing_to_show(client, hub_roles):
    response = client.get("/roles/data-scientist/compare/", {"q": ""}, headers={"HX-Request": "true"})
    assert response.status_code == 200 and not response.content.decode().strip()


@pytest.mark.parametrize("typed", ["", "astronaut", "<script>", "a\x00b", "x" * 500, "Data Scientist"])
def test_compare_page_answers_anything_typed_with_a_page(client, hub_roles, typed):
    response = client.get("/roles/data-scientist/compare/", {"q": typed})
    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("</head>")[1]


@pytest.mark.parametrize("url", ["/roles/astronaut/compare/", "/roles/draft-role/compare/?q=data"])
def test_compare_page_of_an_unknown_or_draft_role_is_404(client, hub_roles, url):
    assert client.get(url).status_code == 404


def test_compare_picker_redirects_to_the_move(client, hub_roles):
    response = client.get("/roles/data-scientist/", {"to": "ml-engineer"})
    assert response.status_code == 302
    assert response["Location"] == "/roles/data-scientist/to/ml-engineer/"
    assert client.get(response["Location"]).status_code == 200


@pytest.mark.parametrize("to", ["astronaut", "draft-role", "data-scientist", "<script>", "a\x00b", "x" * 500])
def test_compare_picker_refuses_unknown_draft_or_same_role(client, hub_roles, to):
    assert client.get("/roles/data-scientist/", {"to": to}).status_code == 404


def test_compare_picker_with_an_empty_choice_shows_the_hub(client, hub_roles):
    assert client.get("/roles/data-scientist/", {"to": ""}).status_code == 200


@pytest.mark.parametrize("url", ["/roles/astronaut/", "/roles/draft-role/", "/roles/astronaut/?to=data-scientist"])
def test_unknown_or_draft_hub_is_404(client, hub_roles, url):
    assert client.get(url).status_code == 404
