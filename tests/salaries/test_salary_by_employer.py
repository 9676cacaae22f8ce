"""/roles/<role>/salary/ by kind of employer: the table and grouped chart of every kind, a page per kind of employer
(?employer=<slug>), switched like cities, and a kind that rarely hires the role saying so in words."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from salaries import chart
from salaries.models import EmployerType, Location, RarelyHiring, SalaryBand
from salaries.money import format_full, format_short
from tests.factories import employer_bands, load_roles, reference, role_doc

from .helpers import SVG_NS, html, table_rows

ML = "machine-learning-engineer"
ML_URL = reverse("role_salary", args=[ML])
RS_URL = reverse("role_salary", args=["research-scientist"])
KINDS = ["it-services", "product", "gcc", "startup"]


def by_employer(role: str, employer: str, location: str = "india") -> dict[str, SalaryBand]:
    bands = SalaryBand.objects.filter(role__slug=role, employer_type__slug=employer, location__slug=location)
    return {b.level.slug: b for b in bands.select_related("level")}


def employer_rows(text: str) -> dict[str, list[str]]:
    """The table by kind of employer: employer slug ("all" for all employers) -> its cells' text, tags dropped."""
    body = re.search(r'<table class="pay-table by-employer">.*?<tbody>(.*?)</tbody>', text, re.S).group(1)
    rows = {}
    for slug, row in re.findall(r'<tr data-employer="([^"]+)">(.*?)</tr>', body, re.S):
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
        rows[slug] = [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", cell)).strip() for cell in cells]
    return rows


def grouped_svg(text: str) -> ET.Element:
    match = re.search(r'<figure class="pay-chart pay-chart--grouped">\s*(<svg\b.*?</svg>)', text, re.S)
    assert match, "no chart by kind of employer on the page"
    return ET.fromstring(match.group(1))


def test_every_kind_of_employer_is_in_the_table_at_every_level(client, site_content):
    text = html(client.get(ML_URL))
    rows = employer_rows(text)
    assert list(rows) == ["all", *KINDS]  # all employers first, then the kinds in their order
    for kind in KINDS:
        bands = by_employer(ML, kind)
        assert rows[kind] == [
            f"{format_short(b.median)} {format_short(b.low)}–{format_short(b.high)}"
            for b in sorted(bands.values(), key=lambda b: b.level.order)
        ]
    assert "Machine Learning Engineer pay by kind of employer in India" in text
    assert "Career Paths editorial estimate from publicly reported pay" in text.split("by-employer-heading")[-1]


def test_the_grouped_chart_draws_every_figure_and_names_every_bar(client, site_content):
    text = html(client.get(ML_URL))
    drawing = grouped_svg(text)
    assert drawing.get("role") == "img"
    title, desc = drawing.find(f"{SVG_NS}title"), drawing.find(f"{SVG_NS}desc")
    assert drawing.get("aria-labelledby") == title.get("id") and drawing.get("aria-describedby") == desc.get("id")
    assert title.text == "Machine Learning Engineer pay by kind of employer and level in India"
    groups = [g for g in drawing.iter(f"{SVG_NS}g") if g.get("class") == "employer-chart__level"]
    assert [g.get("data-level") for g in groups] == ["junior", "mid", "senior", "lead"]
    highest = max(b.high for kind in KINDS for b in by_employer(ML, kind).values())
    axis_max, _ = chart.axis_end(highest)
    names = dict(EmployerType.objects.values_list("slug", "name"))
    for group in groups:
        bars = [g for g in group.iter(f"{SVG_NS}g") if g.get("class") == "employer-chart__bar"]
        assert [g.get("data-employer") for g in bars] == KINDS
        for bar in bars:
            band = by_employer(ML, bar.get("data-employer"))[group.get("data-level")]
            assert int(bar.get("data-median")) == band.median
            rect, line = bar.find(f"{SVG_NS}rect"), bar.find(f"{SVG_NS}line")
            assert float(rect.get("x")) == chart.scale(band.low, axis_max)
            assert float(line.get("x1")) == chart.scale(band.median, axis_max)
            # Named in words, not told apart by colour.
            label = "".join(bar.find(f"{SVG_NS}text").itertext())
            assert label.startswith(f"{names[bar.get('data-employer')]}:") and format_short(band.median) in label
            assert f"{names[bar.get('data-employer')]} {format_short(band.low)}–" in desc.text
    assert "one bar per kind of employer, named above it" in text


def test_a_kind_of_employer_that_rarely_hires_the_role_says_so(client, site_content):
    assert RarelyHiring.objects.filter(role__slug="research-scientist", employer_type__slug="it-services").exists()
    text = html(client.get(RS_URL))
    rows = employer_rows(text)
    assert rows["it-services"] == ["Rarely hires Research Scientists"]
    assert "IT services and consulting rarely hires Research Scientists." in re.sub(r"\s+", " ", text)
    drawing = grouped_svg(text)
    assert not [g for g in drawing.iter(f"{SVG_NS}g") if g.get("data-employer") == "it-services"]
    assert "IT services and consulting rarely hires this role: no bars." in drawing.find(f"{SVG_NS}desc").text


def test_a_page_per_kind_of_employer(client, site_content):
    response = client.get(ML_URL, {"employer": "product"})
    assert response.status_code == 200
    text = html(response)
    bands = by_employer(ML, "product")
    assert table_rows(text) == {
        level: [format_full(b.low), format_full(b.median), format_full(b.high)] for level, b in bands.items()
    }
    product = EmployerType.objects.get(slug="product")
    assert "<title>Machine Learning Engineer salary: Product company</title>" in text
    assert "<h1>Machine Learning Engineer salary by level: Product company</h1>" in text
    assert (
        '<meta name="description" content="Machine Learning Engineer pay in India, Product company, level by level'
        in text
    )
    assert re.search(r'<link rel="canonical" href="[^"]*/salary/\?employer=product">', text)
    assert product.description in text and product.level_naming in text
    assert re.search(
        r'<span id="employer-product" class="chip--current" aria-current="page">Product company</span>', text
    )
    # Its chart is the one-bar-per-level chart of its own figures; the comparison is the all-employer page's.
    assert "Machine Learning Engineer pay by level in India, Product company" in text
    assert "by-employer-heading" not in text
    # Product companies have figures in India only: no place to switch to.
    assert 'id="place-bengaluru"' not in text
    assert "noindex" not in text


def test_the_page_of_a_kind_that_rarely_hires_the_role_says_so(client, site_content):
    response = client.get(RS_URL, {"employer": "it-services"})
    assert response.status_code == 200
    text = html(response)
    assert "<h1>Research Scientist salary by level: IT services and consulting</h1>" in text
    assert "Employers of this kind rarely hire Research Scientists, so we give no figures for them." in text
    assert "<svg" not in text and "<table" not in text
    # Nothing to index but a sentence; still a page of its own to link to.
    assert '<meta name="robots" content="noindex">' in text
    assert re.search(r'<link rel="canonical" href="[^"]*/salary/\?employer=it-services">', text)
    # It has figures in no place: naming one is a 404.
    assert client.get(RS_URL, {"employer": "it-services", "location": "india"}).status_code == 404


def test_links_switch_the_kind_of_employer_and_swap_the_region(client, site_content):
    text = html(client.get(ML_URL))
    assert re.search(r'<span id="employer-all" class="chip--current" aria-current="page">All employers</span>', text)
    for kind in KINDS:
        href = f"{ML_URL}?employer={kind}"
        link = re.search(rf'<a id="employer-{kind}" href="{re.escape(href)}"([^>]*)>', text)
        assert link, kind
        attrs = link.group(1)
        assert f'hx-get="{href}"' in attrs and 'hx-target="#pay-region"' in attrs and 'hx-push-url="true"' in attrs
    product = html(client.get(ML_URL, {"employer": "product"}))
    assert re.search(rf'<a id="employer-all" href="{re.escape(ML_URL)}"', product)


def test_a_chosen_city_is_kept_where_the_other_page_has_figures_for_it(client, site_content):
    text = html(client.get(ML_URL, {"location": "bengaluru"}))
    # Product companies have no Bengaluru figures: their link leads to their page (India).
    assert f'<a id="employer-product" href="{ML_URL}?employer=product"' in text
    # The place switch of the all-employer page keeps every city.
    assert f'<a id="place-pune" href="{ML_URL}?location=pune"' in text
    # The table by kind of employer is India's, and says so.
    assert "Machine Learning Engineer pay by kind of employer in India" in text
    assert re.search(rf'<th scope="row"><a href="{re.escape(ML_URL)}">All employers</a>', text)
    assert client.get(ML_URL, {"location": "bengaluru", "employer": "product"}).status_code == 404


def test_htmx_gets_the_region_with_its_own_title(client, site_content):
    full = client.get(ML_URL, {"employer": "gcc"})
    partial = client.get(ML_URL, {"employer": "gcc"}, headers={"HX-Request": "true"})
    assert "HX-Request" in partial["Vary"] and "HX-Request" in full["Vary"]
    text = html(partial)
    title = "Machine Learning Engineer salary: GCC | Career Paths"  # the name's short form, to fit in 60
    assert text.lstrip().startswith(f"<title>{title}</title>")
    assert "<html" not in text and "breadcrumbs" not in text
    region = re.search(r'<div id="pay-region".*?</figure>', html(full), re.S).group(0)
    assert region in text


@pytest.mark.parametrize(
    "value",
    ["nowhere", "PRODUCT", "../../x", "..%2Fx", "a" * 81, "b" * 5000, "प्रोडक्ट", "product\x00", " product", "<b>", "%"],
)
def test_unknown_or_malformed_employer_is_a_404(client, site_content, value):
    for headers in ({}, {"HX-Request": "true"}):
        assert client.get(ML_URL, {"employer": value}, headers=headers).status_code == 404


def test_repeated_employer_the_last_one_wins_and_empty_is_all_employers(client, site_content):
    assert "<h1>Machine Learning Engineer salary by level: Funded startup</h1>" in html(
        client.get(f"{ML_URL}?employer=gcc&employer=startup")
    )
    text = html(client.get(f"{ML_URL}?employer="))
    assert "<h1>Machine Learning Engineer salary by level and city</h1>" in text
    assert re.search(r'<link rel="canonical" href="[^"]*/salary/">', text)


def test_a_kind_of_employer_without_figures_or_marks_for_the_role_is_a_404(client, site_content):
    EmployerType.objects.create(slug="agency", name="Agency", description="-", level_naming="-", order=9)
    assert client.get(ML_URL, {"employer": "agency"}).status_code == 404
    assert 'id="employer-agency"' not in html(client.get(ML_URL))


@pytest.fixture
def city_figures(db, tmp_path):
    """Product companies' figures in India and in Bengaluru (cities by kind of employer are optional data)."""
    doc = role_doc("data-scientist")
    doc["salaries"]["bands"] += employer_bands() + employer_bands(shares={"product": 1.6}, location="bengaluru")
    load_roles(tmp_path, doc, ref=reference(employer_types=True))
    return reverse("role_salary", args=["data-scientist"])


def test_a_kind_of_employer_with_city_figures_offers_its_cities(client, city_figures):
    text = html(client.get(city_figures, {"employer": "product"}))
    assert f'<a id="place-bengaluru" href="{city_figures}?location=bengaluru&amp;employer=product"' in text
    city = html(client.get(city_figures, {"employer": "product", "location": "bengaluru"}))
    assert "Data Scientist pay in Bengaluru: Product company" in city
    assert re.search(r'<link rel="canonical" href="[^"]*\?location=bengaluru&amp;employer=product">', city)
    # From the all-employer Bengaluru page, the product link keeps the city; IT services has none there.
    everyone = html(client.get(city_figures, {"location": "bengaluru"}))
    assert f'<a id="employer-product" href="{city_figures}?location=bengaluru&amp;employer=product"' in everyone
    assert f'<a id="employer-it-services" href="{city_figures}?employer=it-services"' in everyone
    # The table by kind of employer is the city's own.
    assert "Data Scientist pay by kind of employer in Bengaluru" in everyone
    assert employer_rows(everyone)["it-services"] == ["No figures"] * 4


def test_a_role_without_pay_by_employer_type_shows_no_switch(client, two_roles):
    text = html(client.get(reverse("role_salary", args=["data-scientist"])))
    assert "employer-all" not in text and "by-employer" not in text
    assert client.get(reverse("role_salary", args=["data-scientist"]), {"employer": "product"}).status_code == 404


def test_query_count_does_not_grow_with_the_kinds_of_employer(
    client, site_content, no_page_cache, django_assert_num_queries
):
    india = Location.objects.get(slug="india")
    role = SalaryBand.objects.filter(role__slug=ML).first().role
    for n in range(3):
        kind = EmployerType.objects.create(slug=f"kind-{n}", name=f"Kind {n}", description="-", level_naming="-")
        for level in role.role_levels.select_related("level"):
            SalaryBand.objects.create(
                role=role,
                level=level.level,
                location=india,
                employer_type=kind,
                low=1_000_000,
                median=1_200_000 + level.level.order,
                high=1_500_000,
                source="t",
                as_of="2026-10-01",
            )
        for params in ({}, {"employer": kind.slug}):
            with django_assert_num_queries(6):
                assert client.get(ML_URL, params).status_code == 200
