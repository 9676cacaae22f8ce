"""The skills check /roles/<role>/check/: the page with and without answers, what search engines are told, and
hostile input (the rule itself: test_check_rule.py)."""

from __future__ import annotations

import json
import re
from urllib.parse import urlencode
from urllib.robotparser import RobotFileParser

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from careers.pages.check import (
    MAX_FIELDS,
    MAX_YEARS,
)
from careers.pages.skills_check import read_check
from roles.models import Role
from salaries import money
from tests.html import text_of

CHECK = "/roles/data-scientist/check/"


# --- the page ----------------------------------------------------------------------------------------------------


def prose(response) -> str:
    """The page's text as read: no space before a comma left by a closing tag."""
    return re.sub(r" ([,.])", r"\1", text_of(response))


def answer(client, *skills: str, years: str | None = None, **headers):
    pairs = [("skill", s) for s in skills] + ([("years", years)] if years is not None else [])
    return client.get(f"{CHECK}?{urlencode(pairs)}", headers=headers)


def test_the_blank_check_groups_the_skills_by_level_and_invites_you_to_tick(client, two_roles):
    response = client.get(CHECK)
    assert response.status_code == 200
    html, text = response.content.decode(), text_of(response)
    assert html.count("<h1") == 1 and "<h1>Data Scientist skills check</h1>" in html
    # Each level's skills, in ladder order; SQL, asked again at mid-level, has one box (under junior).
    legends = re.findall(r"<legend>(.*?) <span", html)
    assert legends == ["Junior Data Scientist", "Data Scientist", "Senior Data Scientist", "Lead Data Scientist"]
    boxes = re.findall(r'<input type="checkbox" name="skill" value="([a-z-]+)"', html)
    assert boxes == ["python", "sql", "statistics", "mlops", "strategy", "mentoring"]
    assert "Also asks for more depth in SQL" in text
    assert 'type="number" name="years"' in html
    assert "Tick the skills you use and give your years of experience" in text
    for sentence in read_check("data-scientist", "").rule:
        assert sentence.replace("'", "&#x27;") in html


def test_the_form_works_with_and_without_htmx(client, two_roles):
    html = client.get(CHECK).content.decode()
    form = re.search(r"<form[^>]*>", html, re.S).group(0)
    assert f'action="{CHECK}"' in form and 'method="get"' in form
    assert f'data-hx-get="{CHECK}"' in form and 'data-hx-trigger="change, submit"' in form
    assert 'data-hx-target="#answer"' in form and 'data-hx-replace-url="true"' in form
    assert '<div id="answer"' in html


def test_an_answer_names_the_level_the_skills_held_and_what_to_add(client, two_roles):
    # Python, SQL and Statistics: 3 of the 4 skills up to senior (enough), but 3 years stop short of senior's 5.
    response = answer(client, "python", "sql", "statistics", years="3")
    text, html = prose(response), response.content.decode()
    assert "Your level: Data Scientist · Mid-level" in text
    assert "You use 3 of the 3 skills the ladder asks for up to Mid-level (100%; 70% is enough)" in text
    assert "your 3 years reach the start of its range (2 years)" in text
    assert f"median {money.format_short(1_500_000)}, typical range ₹12L–₹20L a year" in text
    assert "Next: Senior Data Scientist · 5–8 years" in text
    assert "You already use enough of the skills it asks for." in text
    assert "It starts at 5 years of experience: 2 years to go." in text
    assert "median ₹24L, typical range ₹20L–₹30L a year" in text
    assert "editorial estimate" in text
    for ticked in ("python", "sql", "statistics"):
        assert f'value="{ticked}" checked' in html
    assert 'value="mlops" checked' not in html
    assert 'value="3"' in html

    text = prose(answer(client, "python", "sql", "statistics", years="6"))
    assert "Your level: Senior Data Scientist · Senior" in text
    assert "Next: Lead Data Scientist" in text
    # 6 skills up to lead, 5 of them enough: add 2 of the 3 not ticked, each linked.
    assert "Add at least 2 of these 3 skills: MLOps Strategy Mentoring" in text
    html = answer(client, "python", "sql", "statistics", years="6").content.decode()
    for slug in ("mlops", "strategy", "mentoring"):
        assert f'<li><a href="/skills/{slug}/">' in html


def test_the_top_and_the_bottom_of_the_ladder(client, two_roles):
    everything = ("python", "sql", "statistics", "mlops", "strategy", "mentoring")
    text = text_of(answer(client, *everything, years="12"))
    assert "Your level: Lead Data Scientist" in text
    assert "This is the top of the Data Scientist ladder." in text
    text = text_of(answer(client, "python"))
    assert "No level fits yet" in text
    assert "The first level, Junior Data Scientist, asks you to use at least 2 of its 2 skills; you ticked 1." in text
    assert "Add this skill: SQL" in text
    text = text_of(answer(client, *everything))
    assert "you left years blank, so the check went by skills alone" in text


def test_the_blank_check_is_indexed_and_answers_are_not(client, two_roles, settings):
    settings.SITE_URL = "https://careers.example"
    blank = client.get(CHECK).content.decode()
    assert 'name="robots"' not in blank
    assert '<link rel="canonical" href="https://careers.example/roles/data-scientist/check/">' in blank
    assert "<title>Data Scientist skills check: which level are you?</title>" in blank
    assert re.search(r'<meta name="description" content="Tick the Data Scientist skills you use', blank)
    [crumbs] = [
        json.loads(block)
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', blank, re.S)
        if '"BreadcrumbList"' in block
    ]
    assert [item["name"] for item in crumbs["itemListElement"]] == ["Home", "Roles", "Data Scientist", "Skills check"]
    for query in ("skill=python", "years=4", "skill=cobol", "years=abc", "utm_source=x"):
        html = client.get(f"{CHECK}?{query}").content.decode()
        assert '<meta name="robots" content="noindex">' in html, query
        assert '<link rel="canonical" href="https://careers.example/roles/data-scientist/check/">' in html, query


def test_robots_txt_lets_crawlers_read_the_noindex(client, two_roles):
    robots = RobotFileParser()
    robots.parse(client.get("/robots.txt").content.decode().splitlines())
    site = settings.SITE_URL
    assert robots.can_fetch("*", f"{site}{CHECK}")
    assert robots.can_fetch("*", f"{site}{CHECK}?skill=python&years=4")
    assert robots.can_fetch("*", f"{site}/roles/?q=data")  # search results say noindex: crawlers must read it


def test_the_blank_check_is_in_the_sitemap_and_linked_from_the_career_path_and_hub(client, two_roles):
    checks = client.get("/sitemap-checks.xml").content.decode()
    assert re.findall(r"<loc>[^<]*?(/roles/[^<]+)</loc>", checks) == [
        "/roles/data-engineer/check/",
        "/roles/data-scientist/check/",
    ]
    assert f'href="{CHECK}"' in client.get("/roles/data-scientist/career-path/").content.decode()
    assert f'href="{CHECK}"' in client.get("/roles/data-scientist/").content.decode()


def test_htmx_gets_the_answer_alone_with_its_title(client, two_roles):
    response = answer(client, "python", "sql", years="1", **{"HX-Request": "true"})
    html = response.content.decode()
    assert "<html" not in html and "<form" not in html
    assert "<title>Data Scientist skills check: Entry / Junior fits | Career Paths</title>" in html
    assert "Your level: Junior Data Scientist" in html
    assert "HX-Request" in response["Vary"]
    whole = answer(client, "python", "sql", years="1")
    assert "<html" in whole.content.decode() and "HX-Request" in whole["Vary"]


def test_unknown_and_draft_roles_are_not_found(client, two_roles):
    assert client.get("/roles/no-such-role/check/").status_code == 404
    Role.objects.filter(slug="data-engineer").update(status="draft")
    assert client.get("/roles/data-engineer/check/?skill=python").status_code == 404


def test_the_answer_costs_the_same_queries_as_the_blank_check(client, two_roles, view_queries):
    counts = []
    for url in (CHECK, f"{CHECK}?skill=python&skill=sql&years=3", f"{CHECK}?" + "&".join(["skill=x"] * 5000)):
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        counts.append(len(ctx.captured_queries))
    assert counts == [6, 6, 6]


# --- hostile input -----------------------------------------------------------------------------------------------


HOSTILE = {
    "unknown skills": "skill=cobol&skill=python&skill=" + "z" * 5000,
    "ten thousand fields": "&".join(f"skill=s{i}" for i in range(10_000)),
    "ten thousand of one skill": "&".join(["skill=python"] * 10_000),
    "huge years": "years=" + "9" * 10_000,
    "negative years": "years=-4&skill=python",
    "years not a number": "years=four&skill=sql",
    "years NaN": "years=NaN",
    "missing values": "skill=&years=&skill",
    "repeated years": "years=1&years=30&years=-1",
    "null bytes and markup": "skill=%00%3Cscript%3Ealert(1)%3C/script%3E&years=%00",
    "not UTF-8": "skill=%ff%fe&years=%c0%af",
    "brackets and semicolons": "skill[]=python;years=3",
    "a huge value": "skill=" + "x" * 100_000,
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_input_gets_a_normal_page(client, two_roles, name):
    response = client.get(f"{CHECK}?{HOSTILE[name]}")
    assert response.status_code == 200, name
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert "\x00" not in html and "<script>alert" not in html
    assert len(html) < 40_000, "what is quoted back is bounded"


def test_what_was_set_aside_is_said(client, two_roles):
    text = text_of(client.get(f"{CHECK}?skill=cobol&skill=fortran&skill=python&skill=basic&skill=ada&years=4"))
    assert "The check left out 4 skills that the Data Scientist ladder does not list" in text
    assert "“cobol”, “fortran” and “basic” and 1 more" in text
    text = text_of(client.get(f"{CHECK}?years=" + "9" * 50))
    assert f"The check counted {MAX_YEARS} years, the most it reads." in text
    text = text_of(client.get(f"{CHECK}?years=-4"))
    assert "“-4” is not a number of years" in text
    text = text_of(client.get(f"{CHECK}?" + "&".join(["skill=python"] * 10_000)))
    assert f"the check read the first {MAX_FIELDS}" in text
