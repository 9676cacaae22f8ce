"""/salaries/: every published role at one level in one location, sorted and filtered through GET."""

import re

import pytest
from django.urls import reverse

from roles.models import Role
from salaries.models import RarelyHiring, SalaryBand
from salaries.money import format_short
from tests.factories import load_roles, role_doc
from tests.html import element, hx
from tests.security.helpers import inline_problems

from .helpers import canonical, compare_rows, html

URL = reverse("salary_compare")


def expected_rows(location: str = "india", level: str = "mid", family: str | None = None) -> list[tuple]:
    """(title, median, range, median amount) for each published role with a band there (all employers), from the
    database."""
    bands = (
        SalaryBand.objects.all_employers()
        .filter(location__slug=location, level__slug=level, role__status=Role.Status.PUBLISHED)
        .select_related("role__family")
    )
    if family:
        bands = bands.filter(role__family__slug=family)
    return [
        (b.role.title, format_short(b.median), f"{format_short(b.low)}–{format_short(b.high)}", b.median) for b in bands
    ]


def test_default_is_mid_level_in_india_highest_median_first(client, site_content):
    response = client.get(URL)
    assert response.status_code == 200
    expected = sorted(expected_rows(), key=lambda r: (-r[3], r[0].casefold()))
    assert len(expected) == Role.objects.published().count() == 41
    assert compare_rows(html(response)) == [r[:3] for r in expected]
    assert "Mid-level pay in India" in html(response)


@pytest.mark.parametrize(
    ("sort", "key"), [("median", lambda r: (r[3], r[0].casefold())), ("title", lambda r: r[0].casefold())]
)
def test_sorts_by_median_or_name(client, site_content, sort, key):
    rows = compare_rows(html(client.get(URL, {"sort": sort})))
    assert rows == [r[:3] for r in sorted(expected_rows(), key=key)]


@pytest.mark.parametrize("sort", ["bogus", "", "-title", "median;drop", "x" * 5000])
def test_an_unknown_sort_is_the_default_order(client, site_content, sort):
    response = client.get(URL, {"sort": sort})
    assert response.status_code == 200
    assert compare_rows(html(response)) == compare_rows(html(client.get(URL)))


def test_a_location_and_level_show_their_own_figures(client, site_content):
    rows = compare_rows(html(client.get(URL, {"location": "bengaluru", "level": "senior"})))
    assert ("Machine Learning Engineer", "₹28.3L", "₹23.6L–₹35.4L") in rows
    assert rows == [r[:3] for r in sorted(expected_rows("bengaluru", "senior"), key=lambda r: (-r[3], r[0].casefold()))]


@pytest.mark.parametrize("level", ["junior", "mid", "senior", "lead"])
def test_every_level_compares(client, site_content, level):
    rows = compare_rows(html(client.get(URL, {"level": level, "location": "chennai"})))
    assert sorted(rows) == sorted(r[:3] for r in expected_rows("chennai", level))


def test_family_filter_narrows_and_empty_means_all(client, site_content):
    rows = compare_rows(html(client.get(URL, {"family": "design"})))
    assert sorted(r[0] for r in rows) == ["Product Designer", "UI Designer", "UX Designer", "UX Researcher"]
    assert len(compare_rows(html(client.get(URL, {"family": ""})))) == 41


def test_the_form_works_without_javascript(client, site_content):
    text = html(client.get(URL, {"location": "pune", "level": "lead", "family": "security", "sort": "title"}))
    form = element(text, "form", class_="compare__form")
    assert form["method"] == "get" and form["action"] == URL
    assert hx(form, "get") == URL and hx(form, "target") == "#compare-results" and hx(form, "push-url") == "true"
    for name in ("location", "level", "family", "sort"):
        assert form.find("label", for_=f"compare-{name}").text and form.find(id=f"compare-{name}")["name"] == name
    assert [option["value"] for option in form.find_all("option", selected=True)] == [
        "pune",
        "lead",
        "security",
        "title",
    ]
    assert form.find("button", type="submit")
    assert "Lead / Principal / Manager pay in Pune: Security" in text


def test_each_role_links_to_its_salary_page_in_that_location(client, site_content):
    text = html(client.get(URL, {"location": "mumbai"}))
    assert f'href="{reverse("role_salary", args=["machine-learning-engineer"])}?location=mumbai"' in text


def test_htmx_gets_the_results_alone_and_responses_vary(client, site_content):
    full = client.get(URL, {"level": "senior"})
    partial = client.get(URL, {"level": "senior"}, headers={"HX-Request": "true"})
    assert "HX-Request" in full["Vary"] and "HX-Request" in partial["Vary"]
    text = html(partial)
    assert "<html" not in text and "<form" not in text and "<h1" not in text
    assert 'id="compare-results"' in text and compare_rows(text) == compare_rows(html(full))
    assert text.lstrip().startswith("<title>Senior tech salaries in India, role by role | Career Paths</title>")
    assert html(full).count("<h1") == 1


@pytest.mark.parametrize(
    "params",
    [
        {"location": "atlantis"},
        {"location": "../../x"},
        {"location": "é"},
        {"location": "a" * 200},
        {"level": "principal"},
        {"level": "MID"},
        {"level": "<b>"},
        {"family": "cooking"},
        {"family": "../design"},
        {"family": "d" * 81},
    ],
)
def test_unknown_or_malformed_location_level_or_family_is_a_404(client, site_content, params):
    for headers in ({}, {"HX-Request": "true"}):
        assert client.get(URL, params, headers=headers).status_code == 404


def test_empty_values_and_repeated_parameters(client, site_content):
    empty = html(client.get(f"{URL}?location=&level=&family=&sort="))
    assert compare_rows(empty) == compare_rows(html(client.get(URL)))
    text = html(client.get(f"{URL}?level=junior&level=lead"))
    assert "Lead / Principal / Manager pay in India" in text  # the last one wins


def test_roles_without_figures_come_last_and_drafts_never_show(client, db, tmp_path):
    load_roles(
        tmp_path,
        role_doc("data-scientist"),
        role_doc("data-engineer"),
        role_doc("zen-role", status="draft"),
        role_doc("analyst"),
    )
    SalaryBand.objects.filter(role__slug="analyst", location__slug="bengaluru").delete()
    rows = compare_rows(html(client.get(URL, {"location": "bengaluru", "sort": "median"})))
    assert [r[0] for r in rows] == ["Data Engineer", "Data Scientist", "Analyst"]
    assert rows[-1] == ("Analyst", "", "")
    assert "No figures yet" in html(client.get(URL, {"location": "bengaluru"}))


def test_source_and_estimate_are_stated(client, site_content):
    text = html(client.get(URL))
    assert "Career Paths editorial estimate from publicly reported pay (not survey data), as of October 2026." in text
    assert "editorial estimates" in text


def test_canonical_names_non_default_location_and_level(client, site_content):
    assert canonical(client.get(URL, {"sort": "title"})) == URL
    assert canonical(client.get(URL, {"location": "pune", "level": "lead"})) == f"{URL}?location=pune&level=lead"


def test_no_inline_styles(client, site_content):
    assert inline_problems(html(client.get(URL))) == []


# Locations, levels, families, employer types, how many roles (and how many with figures), then one page of roles
# with their bands: 6, whatever the catalog's size; the whole page counts the roles for the site's card too: 7.


def test_query_count_with_the_real_catalog(client, site_content, no_page_cache, django_assert_num_queries):
    for headers, queries in (({}, 7), ({"HX-Request": "true"}, 6)):
        with django_assert_num_queries(queries):
            assert client.get(URL, {"family": "design", "sort": "title"}, headers=headers).status_code == 200
    with django_assert_num_queries(7):
        client.get(URL)
    with django_assert_num_queries(7):
        assert client.get(URL, {"employer": "gcc", "level": "lead"}).status_code == 200


def test_query_count_with_a_small_catalog(client, two_roles, no_page_cache, django_assert_num_queries):
    with django_assert_num_queries(7):
        assert client.get(URL).status_code == 200


# By kind of employer (?employer=<slug>).


def expected_for(employer: str, level: str = "mid") -> dict[str, tuple[str, str]]:
    """title -> (median, range) of every published role's India band from this kind of employer at this level."""
    bands = SalaryBand.objects.filter(
        employer_type__slug=employer, location__slug="india", level__slug=level, role__status=Role.Status.PUBLISHED
    ).select_related("role")
    return {b.role.title: (format_short(b.median), f"{format_short(b.low)}–{format_short(b.high)}") for b in bands}


def test_filter_by_kind_of_employer_shows_its_figures(client, site_content):
    text = html(client.get(URL, {"employer": "product", "level": "senior"}))
    rows = {title: (median, span) for title, median, span in compare_rows(text)}
    assert {title: figures for title, figures in rows.items() if figures != ("", "")} == expected_for(
        "product", "senior"
    )
    assert "<title>Senior tech salaries in India, Product company, role by role</title>" in text
    assert re.search(r'<h2 id="compare-heading">Senior pay in India,\s+Product company</h2>', text)
    assert '<option value="product" selected>Product company</option>' in text
    assert '<option value="">All employers</option>' in text
    # A role links to its own page for that kind of employer, at its canonical address (the home location unnamed).
    assert 'href="/roles/machine-learning-engineer/salary/?employer=product"' in text


def test_a_role_that_kind_of_employer_rarely_hires_says_so(client, site_content):
    text = html(client.get(URL, {"employer": "it-services"}))
    rarely = RarelyHiring.objects.filter(employer_type__slug="it-services").values_list("role__title", flat=True)
    assert rarely
    for title in rarely:
        row = re.search(rf"<tr>\s*<th[^>]*><a href=\"([^\"]+)\">{re.escape(title)}</a></th>(.*?)</tr>", text, re.S)
        assert "Rarely hired by this kind of employer" in row.group(2), title
        # Its page for that kind of employer names no place: it has no figures anywhere.
        assert row.group(1).endswith("/salary/?employer=it-services")
        assert client.get(row.group(1)).status_code == 200


def test_canonical_names_the_kind_of_employer(client, site_content):
    canonical = re.compile(r'<link rel="canonical" href="[^"]*?(/salaries/[^"]*)">')
    assert canonical.search(html(client.get(URL, {"employer": "gcc"}))).group(1) == f"{URL}?employer=gcc"
    assert canonical.search(html(client.get(URL, {"employer": ""}))).group(1) == URL


@pytest.mark.parametrize("value", ["nowhere", "PRODUCT", "../x", "a" * 81, "product\x00", "<b>"])
def test_unknown_or_malformed_employer_is_a_404(client, site_content, value):
    for headers in ({}, {"HX-Request": "true"}):
        assert client.get(URL, {"employer": value}, headers=headers).status_code == 404


def test_repeated_employer_the_last_one_wins(client, site_content):
    text = html(client.get(f"{URL}?employer=gcc&employer=startup"))
    assert '<option value="startup" selected>' in text
