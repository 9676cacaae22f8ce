"""Moves /roles/<from>/to/<to>/: shared skills, skills to learn by level, the overlap figure, pay side by side."""

from __future__ import annotations

from itertools import pairwise

import pytest

from careers.pages.moves import overlap_percent
from tests.careers.helpers import breadcrumbs
from tests.factories import bands, load_roles, role_doc
from tests.html import element, text_of

pytestmark = pytest.mark.django_db

SCIENTIST_TO_ENGINEER = "/roles/data-scientist/to/data-engineer/"


@pytest.fixture
def move_roles(db, tmp_path):
    """Data Scientist (factory skills) and a Data Engineer with skills and pay of its own, plus a draft."""
    scientist = role_doc(
        "data-scientist",
        "Data Scientist",
        relations=[{"to": "data-engineer", "kind": "lateral", "note": "Both work with data."}],
    )
    engineer = role_doc("data-engineer", "Data Engineer")
    # Data Engineer asks for 7 skills: SQL, Docker | Spark, Python | Statistics, Strategy | Mentoring.
    ladder = [["sql", "docker"], ["spark", "python"], ["docker", "spark", "statistics", "strategy"], ["mentoring"]]
    for level, skills in zip(engineer["levels"], ladder, strict=True):
        level["skills"] = skills
    pay = {"junior": (8, 10, 13), "mid": (12, 15, 20), "senior": (18, 22, 28), "lead": (28, 31, 35)}
    engineer["salaries"]["bands"] = bands(pay)
    load_roles(tmp_path, scientist, engineer, role_doc("draft-role", "Draft Role", status="draft"))


@pytest.mark.parametrize(
    ("shared", "total", "percent"),
    [(5, 7, 71), (5, 6, 83), (1, 8, 13), (1, 3, 33), (0, 4, 0), (4, 4, 100), (0, 0, None)],
)
def test_overlap_percent_rounds_half_up(shared, total, percent):
    assert overlap_percent(shared, total) == percent


def test_move_shows_shared_skills_and_the_overlap_figure(client, move_roles):
    response = client.get(SCIENTIST_TO_ENGINEER)
    assert response.status_code == 200
    html, text = response.content.decode(), text_of(response)
    assert html.count("<h1") == 1 and "From Data Scientist to Data Engineer" in text
    # Data Scientist asks for Python, SQL, Statistics, MLOps, Strategy, Mentoring. Shared with the
    # engineer's 7: SQL, Python, Statistics, Strategy, Mentoring = 5; 5 / 7 = 71.4% -> 71%.
    assert "A Data Scientist already uses 5 of the 7 skills a Data Engineer asks for: a skill overlap of 71%." in text
    assert "71% skill overlap" in text
    assert "divided by every skill the Data Engineer role asks for" in text
    shared = element(html, "section", aria_labelledby="overlap").find("ul", class_="chips")
    assert [a["href"] for a in shared.find_all("a")] == [
        f"/skills/{slug}/" for slug in ("sql", "python", "statistics", "strategy", "mentoring")
    ]


def test_skills_to_learn_are_grouped_by_the_targets_lowest_level(client, move_roles):
    html = client.get(SCIENTIST_TO_ENGINEER).content.decode()
    # Each group: a heading naming the level (linked), then the list of its skills.
    groups = []
    for heading, chips in pairwise(element(html, "section", aria_labelledby="learn").child_elements):
        if heading.tag == "h3" and "skill-group" in heading.classes:
            assert chips.tag == "ul" and "chips" in chips.classes, chips
            groups.append((heading.find("a")["href"], [a["href"] for a in chips.find_all("a")]))
    assert groups == [
        ("/roles/data-engineer/career-path/junior/", ["/skills/docker/"]),
        ("/roles/data-engineer/career-path/mid/", ["/skills/spark/"]),
    ]


def test_the_reverse_move_has_its_own_figures(client, move_roles):
    text = text_of(client.get("/roles/data-engineer/to/data-scientist/"))
    # The scientist's 6 skills; the engineer holds 5 of them (not MLOps): 5 / 6 = 83.3% -> 83%.
    assert "A Data Engineer already uses 5 of the 6 skills a Data Scientist asks for: a skill overlap of 83%." in text
    assert (
        "Senior Data Scientist" in text.split("Skills to learn", 1)[1]
        and "MLOps" in text.split("Skills to learn", 1)[1]
    )
    assert "Why people make this move" not in text  # the engineer has no relation to the scientist here


def test_pay_is_compared_level_by_level(client, move_roles):
    text = text_of(client.get(SCIENTIST_TO_ENGINEER))
    # India medians: scientist 9, 15, 24, 31 lakh; engineer 10, 15, 22, 31 lakh.
    assert "Entry / Junior ₹9L ₹10L ₹1L more" in text
    assert "Mid-level ₹15L ₹15L Same" in text
    assert "Senior ₹24L ₹22L ₹2L less" in text
    assert "A Junior Data Engineer earns a median of ₹1L more a year than a Junior Data Scientist in India." in text


def test_relation_note_is_shown_when_the_source_relates_to_the_target(client, move_roles):
    text = text_of(client.get(SCIENTIST_TO_ENGINEER))
    assert "Why people make this move Sideways move Both work with data." in text


def test_only_a_described_move_is_indexed(client, move_roles):
    """The sitemap lists the described moves (careers.web.indexing.move_is_indexable); the others say noindex."""
    described = client.get(SCIENTIST_TO_ENGINEER).content.decode()
    undescribed = client.get("/roles/data-engineer/to/data-scientist/").content.decode()
    assert 'name="robots"' not in described
    assert '<meta name="robots" content="noindex">' in undescribed


def test_move_links_and_breadcrumbs(client, move_roles):
    html = client.get(SCIENTIST_TO_ENGINEER).content.decode()
    for href in (
        "/roles/data-engineer/career-path/",
        "/roles/data-engineer/",
        "/roles/data-engineer/to/data-scientist/",
    ):
        assert f'href="{href}"' in html
    assert breadcrumbs(html) == [
        ("Home", "/"),
        ("Roles", "/roles/"),
        ("Data Scientist", "/roles/data-scientist/"),
        ("To Data Engineer", None),
    ]


def test_related_role_links_on_career_path_and_hub_lead_to_moves(client, move_roles):
    for page in ("/roles/data-scientist/career-path/", "/roles/data-scientist/"):
        html = client.get(page).content.decode()
        assert f'href="{SCIENTIST_TO_ENGINEER}"' in html, page
    assert client.get(SCIENTIST_TO_ENGINEER).status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/roles/data-scientist/to/data-scientist/",
        "/roles/data-scientist/to/astronaut/",
        "/roles/astronaut/to/data-scientist/",
        "/roles/data-scientist/to/draft-role/",
        "/roles/draft-role/to/data-scientist/",
    ],
)
def test_same_unknown_or_draft_role_is_404(client, move_roles, url):
    assert client.get(url).status_code == 404


def test_move_query_count_is_fixed(client, move_roles, view_queries, django_assert_num_queries):
    # Both roles with family, their levels, skills, relations and aliases; then both roles' bands.
    with django_assert_num_queries(6):
        client.get(SCIENTIST_TO_ENGINEER)
