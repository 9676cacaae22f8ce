"""Level pages /roles/<role>/career-path/<level>/: the work, skills, tracks, pay by city, neighbours, moving up."""

from __future__ import annotations

import pytest

from tests.careers.helpers import breadcrumbs
from tests.html import element, elements, text_of

pytestmark = pytest.mark.django_db

MID = "/roles/data-scientist/career-path/mid/"


def test_level_page_shows_the_work_and_linked_skills(client, two_roles):
    response = client.get(MID)
    assert response.status_code == 200
    html, text = response.content.decode(), text_of(response)
    # The level's title is the role's: the heading names the level, unlike the hub's.
    assert element(html, "h1").text == "Mid-level Data Scientist"
    assert "Data Scientist · Mid-level · 2–5 years" in text
    assert "You own work." in text
    assert 'href="/skills/statistics/"' in html and 'href="/skills/sql/"' in html


def test_level_page_shows_pay_in_every_city_in_full_figures(client, two_roles):
    text = text_of(client.get(MID))
    # The factory pays mid-level 12 / 15 / 20 lakh in India and 10% more in Bengaluru.
    assert "India ₹12,00,000 ₹15,00,000 ₹20,00,000" in text
    assert "Bengaluru ₹13,20,000 ₹16,50,000 ₹22,00,000" in text
    assert "₹12L–₹20L a year in India, median ₹15L" in text


def test_level_page_links_the_level_before_and_after(client, two_roles):
    html = client.get(MID).content.decode()
    before, after = element(html, "a", rel="prev"), element(html, "a", rel="next")
    assert (before["href"], before.text) == (
        "/roles/data-scientist/career-path/junior/",
        "Level before: Junior Data Scientist",
    )
    assert (after["href"], after.text) == (
        "/roles/data-scientist/career-path/senior/",
        "Level after: Senior Data Scientist",
    )
    junior = client.get("/roles/data-scientist/career-path/junior/")
    assert not elements(junior, rel="prev") and elements(junior, "a", rel="next")


def test_how_to_move_up_comes_from_the_next_levels_new_skills(client, two_roles):
    # junior asks for Python and SQL, mid for Statistics and SQL: add Statistics, keep deepening SQL.
    text = text_of(client.get("/roles/data-scientist/career-path/junior/"))
    assert "The next step is a Data Scientist (2–5 years of experience)." in text
    assert "To get there, add Statistics to what you use today. Keep deepening SQL." in text
    assert "rises from ₹9L to ₹15L a year" in text
    assert "Skills to add Statistics" in text
    text = text_of(client.get("/roles/data-scientist/career-path/senior/"))
    assert "The next step is a Lead Data Scientist" in text
    assert "add Strategy and Mentoring" in text


def test_top_level_shows_its_tracks_and_moves_instead_of_a_next_level(client, two_roles):
    response = client.get("/roles/data-scientist/career-path/lead/")
    text, html = text_of(response), response.content.decode()
    assert "Management track: Data Scientist Manager" in text
    assert "Specialist track: Principal Data Scientist" in text
    assert "Lead Data Scientist is the top of the Data Scientist ladder." in text
    assert 'href="/roles/data-scientist/to/data-engineer/"' in html
    assert 'rel="next"' not in html


def test_level_breadcrumbs(client, two_roles):
    html = client.get(MID).content.decode()
    assert breadcrumbs(html) == [
        ("Home", "/"),
        ("Roles", "/roles/"),
        ("Data Scientist", "/roles/data-scientist/"),
        ("Career path", "/roles/data-scientist/career-path/"),
        ("Mid-level", None),
    ]


def test_each_level_has_its_own_title_and_description(client, two_roles):
    heads = set()
    for level in ("junior", "mid", "senior", "lead"):
        page = client.get(f"/roles/data-scientist/career-path/{level}/")
        heads.add((element(page, "title").text, element(page, "meta", name="description")["content"]))
    assert len({t for t, _ in heads}) == 4 and len({d for _, d in heads}) == 4


@pytest.mark.parametrize(
    "url",
    [
        "/roles/data-scientist/career-path/principal/",
        "/roles/data-scientist/career-path/JUNIOR/",
        "/roles/astronaut/career-path/junior/",
    ],
)
def test_unknown_level_or_role_is_404(client, two_roles, url):
    assert client.get(url).status_code == 404


def test_level_page_query_count_is_fixed(client, two_roles, view_queries, django_assert_num_queries):
    # The role with family, its levels, their skills, its relations, its aliases; then its bands.
    with django_assert_num_queries(6):
        client.get(MID)
