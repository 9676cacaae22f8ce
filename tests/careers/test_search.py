"""Search on /roles/?q=: ranking, case and accents, odd input, htmx partials, robots and query counts."""

from __future__ import annotations

import pytest

from careers.search import MAX_QUERY_LENGTH, clean_query, forget_index, normalise
from roles.models import Role, RoleAlias
from tests.careers.helpers import breadcrumbs, closest_titles, ranked_titles, zoo_reference
from tests.factories import load_roles, role_doc
from tests.html import element, hx, text_of

pytestmark = pytest.mark.django_db


def test_normalise_folds_case_accents_and_separators():
    assert normalise("DÉVOPS") == "devops"
    assert normalise("  Full-Stack   Développeur ") == "full stack developpeur"
    assert normalise("Straße") == "strasse"


@pytest.mark.parametrize(
    ("typed", "plain"),
    [
        ("Dev\u200dOps", "devops"),  # zero-width joiner
        ("Dev\u200cOps", "devops"),  # zero-width non-joiner
        ("Soft\u00adware", "software"),  # soft hyphen
        ("\ufeffData\u2060 Engineer\u200e", "data engineer"),  # BOM, word joiner, left-to-right mark
        ("ഡെവ്\u200cഓപ്സ്", normalise("ഡെവ്ഓപ്സ്")),  # Malayalam, where editors type the joiners
    ],
)
def test_normalise_drops_format_characters(typed, plain):
    assert normalise(typed) == plain


def test_clean_query_strips_control_characters_and_caps_length():
    assert clean_query("Zebra\x00 Keeper\x1b\u200b") == "Zebra Keeper"
    assert clean_query("a\tb\nc") == "a b c"
    assert clean_query("x" * 10_000) == "x" * MAX_QUERY_LENGTH


def test_title_beats_alias_beats_skill_beats_summary(client, zoo):
    response = client.get("/roles/", {"q": "zebra"})
    assert response.status_code == 200
    assert ranked_titles(response) == ["Zebra Keeper", "Cat Trainer", "Bison Herder", "Aardvark Vet"]
    text = text_of(response)
    assert "4 roles match “zebra”" in text
    assert "Also called Zebra Trainer" in text
    assert "Asks for Zebra Care" in text


def test_an_exact_alias_beats_a_title_that_only_starts_with_the_query(client, zoo, tmp_path):
    load_roles(tmp_path, role_doc("zebra-trainer-assistant", "Zebra Trainer Assistant"), ref=zoo_reference())
    assert ranked_titles(client.get("/roles/", {"q": "zebra trainer"})) == ["Cat Trainer", "Zebra Trainer Assistant"]


@pytest.mark.parametrize("query", ["ZEBRA", "zébra", "ZÉBRÁ", "  zebra  "])
def test_search_ignores_case_and_accents(client, zoo, query):
    assert ranked_titles(client.get("/roles/", {"q": query})) == [
        "Zebra Keeper",
        "Cat Trainer",
        "Bison Herder",
        "Aardvark Vet",
    ]


def test_accented_capitals_find_devops(client, zoo):
    assert ranked_titles(client.get("/roles/", {"q": "DÉVOPS"}))[0] == "DevOps Engineer"


def test_aliases_are_searched(client, zoo):
    assert ranked_titles(client.get("/roles/", {"q": "build and release"})) == ["DevOps Engineer"]


def test_results_show_title_family_and_pay_range(client, zoo):
    text = text_of(client.get("/roles/", {"q": "zebra keeper"}))
    assert "1 role matches “zebra keeper”" in text
    assert "Zebra Keeper Data · ₹7L–₹35L /yr in India · 4 levels" in text


def test_real_catalog_devops_sde_and_skills(client, site_content):
    assert ranked_titles(client.get("/roles/", {"q": "DÉVOPS"}))[0] == "DevOps Engineer"
    assert "Backend Developer" in ranked_titles(client.get("/roles/", {"q": "sde"}))
    assert "Machine Learning Engineer" in ranked_titles(client.get("/roles/", {"q": "pytorch"}))


def test_misspellings_suggest_the_closest_roles(client, site_content):
    response = client.get("/roles/", {"q": "machin lerning"})
    assert response.status_code == 200
    assert "No roles match “machin lerning”" in text_of(response)
    assert closest_titles(response)[0] == "Machine Learning Engineer"
    developers = closest_titles(client.get("/roles/", {"q": "devloper"}))
    assert len(developers) == 6 and all(title.endswith("Developer") for title in developers)
    assert closest_titles(client.get("/roles/", {"q": "andriod"}))[0] == "Android Developer"


def test_no_match_shows_popular_roles(client, zoo):
    text = text_of(client.get("/roles/", {"q": "qqqqxxxx"}))
    assert "No roles match “qqqqxxxx”" in text
    assert "Popular career paths" in text
    popular = text.split("Popular career paths", 1)[1]
    assert "DevOps Engineer" in popular and "Data Scientist" in popular


def test_an_empty_query_shows_the_catalog(client, zoo):
    response = client.get("/roles/", {"q": "   "})
    assert response.status_code == 200
    assert "All career paths" in text_of(response)
    assert b'name="robots"' not in response.content


@pytest.mark.parametrize(
    "query",
    [
        "x" * 10_000,
        "zebra\x00\x01\x07\x1b[31m",
        "'; DROP TABLE roles_role; --",
        '<script>alert("x")</script>',
        '"><img src=x onerror=alert(1)>',
        "%00%27 OR 1=1 --",
        "\u202e\ufeff",
    ],
)
def test_odd_input_returns_a_normal_page(client, zoo, query):
    response = client.get("/roles/", {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "\x00" not in html and "\x1b" not in html


def test_long_input_is_cut_to_a_hundred_characters(client, zoo):
    html = client.get("/roles/", {"q": "x" * 10_000}).content.decode()
    assert "x" * MAX_QUERY_LENGTH in html
    assert "x" * (MAX_QUERY_LENGTH + 1) not in html


def test_control_characters_are_stripped_before_matching(client, zoo):
    assert ranked_titles(client.get("/roles/", {"q": "Zebra\x00 Keeper\x1b"})) == ["Zebra Keeper"]


@pytest.mark.parametrize(
    ("alias", "query"),
    [
        ("Dev\u200dOps Lead", "devops lead"),  # the alias has the joiner, the query has not
        ("DevOps Lead", "Dev\u200dOps Lead"),  # and the reverse
        ("ഡെവ്\u200cഓപ്സ് എഞ്ചിനീയർ", "ഡെവ്ഓപ്സ്"),  # an alias in Malayalam, searched without its non-joiner
        ("ഡെവ്ഓപ്സ് എഞ്ചിനീയർ", "ഡെവ്\u200dഓപ്സ്"),
    ],
)
def test_invisible_format_characters_do_not_hide_an_alias(client, zoo, alias, query):
    RoleAlias.objects.create(role=Role.objects.get(slug="cat-trainer"), name=alias)
    forget_index()
    response = client.get("/roles/", {"q": query})
    assert ranked_titles(response) == ["Cat Trainer"]
    assert f"Also called {alias}" in text_of(response)


def test_sql_and_html_are_shown_escaped(client, zoo):
    html = client.get("/roles/", {"q": "'; DROP TABLE roles_role; --"}).content.decode()
    assert "No roles match “&#x27;; DROP TABLE roles_role; --”" in html
    assert 'value="&#x27;; DROP TABLE roles_role; --"' in html
    html = client.get("/roles/", {"q": "<script>alert(1)</script>"}).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_results_pages_are_not_indexed_and_point_to_the_catalog(client, zoo):
    html = client.get("/roles/", {"q": "zebra"}).content.decode()
    assert '<meta name="robots" content="noindex">' in html
    assert element(html, "link", rel="canonical")["href"].endswith("/roles/")
    assert b'name="robots"' not in client.get("/roles/").content


def test_the_form_works_with_and_without_htmx(client, zoo):
    html = client.get("/roles/").content.decode()
    form = element(html, "form", role="search")
    assert form["action"] == "/roles/" and form["method"] == "get"
    assert hx(form, "get") == "/roles/"
    assert hx(form, "trigger") == "input changed delay:300ms, search"
    assert hx(form, "target") == "#results" and hx(form, "push-url") == "true"
    assert form.find("label", for_="q").text and form.find("input", id="q")["name"] == "q"
    assert element(html, "div", id="results")


def test_htmx_gets_only_the_results_list(client, zoo):
    full = client.get("/roles/", {"q": "zebra"})
    partial = client.get("/roles/", {"q": "zebra"}, headers={"HX-Request": "true"})
    assert partial.status_code == 200
    body = partial.content.decode()
    assert "<html" not in body and "<h1" not in body and "<form" not in body
    assert (
        ranked_titles(partial) == ranked_titles(full) == ["Zebra Keeper", "Cat Trainer", "Bison Herder", "Aardvark Vet"]
    )
    for response in (full, partial):
        assert "HX-Request" in response.headers["Vary"]


def test_htmx_with_an_empty_query_gets_the_catalog_list(client, zoo):
    body = client.get("/roles/", {"q": ""}, headers={"HX-Request": "true"}).content.decode()
    assert "<html" not in body
    assert "Zebra Keeper" in body and "Data Scientist" in body


def test_htmx_history_restore_gets_the_whole_page(client, zoo):
    assert b"<html" not in client.get("/roles/", {"q": "zebra"}, headers={"HX-Request": "true"}).content
    headers = {"HX-Request": "true", "HX-History-Restore-Request": "true"}
    assert b"<html" in client.get("/roles/", {"q": "zebra"}, headers=headers).content


def test_search_query_count_is_fixed(client, zoo, tmp_path, view_queries, django_assert_max_num_queries):
    # The first search after a content change builds the index: the roles, their aliases, their skill names.
    with django_assert_max_num_queries(3 + 4):
        client.get("/roles/", {"q": "zebra"})
    # Then at most: the content version, the popular picks, the counts, the roles shown (none to read when
    # nothing matches and nothing is close) — however many roles there are.
    with django_assert_max_num_queries(4):
        client.get("/roles/", {"q": "zebra"})
    with django_assert_max_num_queries(4):
        client.get("/roles/", {"q": "machin lerning"})
    load_roles(
        tmp_path,
        *[role_doc(f"extra-{i}", f"Extra Role {i}", aliases=[f"X{i}"]) for i in range(10)],
        ref=zoo_reference(),
    )
    client.get("/roles/", {"q": "zebra"})
    with django_assert_max_num_queries(4):
        client.get("/roles/", {"q": "zebra"}, headers={"HX-Request": "true"})


def test_search_breadcrumbs(client, zoo):
    html = client.get("/roles/", {"q": "zebra"}).content.decode()
    assert breadcrumbs(html) == [("Home", "/"), ("Roles", "/roles/"), ("Search", None)]
