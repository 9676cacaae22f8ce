"""/roles/<role>/salary/: each level's pay in one location, as a table and a chart, city by city."""

import pytest
from django.urls import reverse

from salaries import chart
from salaries.models import Location, SalaryBand
from salaries.money import format_full
from tests.factories import load_roles, load_us_role, role_doc
from tests.html import element, hx
from tests.security.helpers import inline_problems

from .helpers import SVG_NS, bars, canonical, html, svg, table_rows

ML = "machine-learning-engineer"
ML_URL = reverse("role_salary", args=[ML])
ML_LOCATIONS = ["india", "bengaluru", "hyderabad", "pune", "mumbai", "delhi-ncr", "chennai"]


def bands_in(role: str, location: str) -> dict[str, SalaryBand]:
    bands = SalaryBand.objects.all_employers().filter(role__slug=role, location__slug=location).select_related("level")
    return {b.level.slug: b for b in bands}


@pytest.mark.parametrize("location", ML_LOCATIONS)
def test_every_level_of_every_location_shows_its_figures_in_full(client, site_content, location):
    response = client.get(ML_URL, {"location": location})
    assert response.status_code == 200
    text = html(response)
    expected = bands_in(ML, location)
    assert len(expected) == 4
    assert table_rows(text) == {
        level: [format_full(b.low), format_full(b.median), format_full(b.high)] for level, b in expected.items()
    }
    assert list(table_rows(text)) == ["junior", "mid", "senior", "lead"]  # ladder order
    name = Location.objects.get(slug=location).name
    assert f"Machine Learning Engineer pay in {name}" in text
    assert f"<title>Machine Learning Engineer salary in {name} by level</title>" in text
    # Each city's page is headed with its city; the country's is the page by level and city.
    heading = "Machine Learning Engineer salary by level and city" if location == "india" else f"salary in {name}"
    assert heading in element(text, "h1").text


@pytest.mark.parametrize("location", ML_LOCATIONS)
def test_the_chart_bars_match_the_figures(client, site_content, location):
    drawing = svg(html(client.get(ML_URL, {"location": location})))
    expected = bands_in(ML, location)
    axis_max, _ = chart.axis_end(max(b.high for b in expected.values()))
    drawn = bars(drawing)
    assert [g.get("data-level") for g in drawn] == ["junior", "mid", "senior", "lead"]
    for g in drawn:
        band = expected[g.get("data-level")]
        assert (int(g.get("data-low")), int(g.get("data-median")), int(g.get("data-high"))) == (
            band.low,
            band.median,
            band.high,
        )
        rect, line = g.find(f"{SVG_NS}rect"), g.find(f"{SVG_NS}line")
        x, width = float(rect.get("x")), float(rect.get("width"))
        assert x == chart.scale(band.low, axis_max)
        assert x + width == pytest.approx(chart.scale(band.high, axis_max), abs=0.11)
        assert float(line.get("x1")) == float(line.get("x2")) == chart.scale(band.median, axis_max)


def test_the_chart_has_a_text_alternative(client, site_content):
    text = html(client.get(ML_URL))
    drawing = svg(text)
    assert drawing.get("role") == "img"
    title = drawing.find(f"{SVG_NS}title")
    desc = drawing.find(f"{SVG_NS}desc")
    assert drawing.get("aria-labelledby") == title.get("id")
    assert drawing.get("aria-describedby") == desc.get("id")
    assert title.text == "Machine Learning Engineer pay by level in India"
    assert "Entry / Junior: ₹7L–₹12L, median ₹9L." in desc.text
    assert "Lead / Principal / Manager: ₹28L–₹35L, median ₹31L." in desc.text
    # The axis is in lakh, with tick labels.
    ticks = [t.text for t in drawing.iter(f"{SVG_NS}text") if t.get("class") == "pay-chart__tick"]
    assert ticks == ["₹0", "₹10L", "₹20L", "₹30L", "₹40L"]
    # The table beside it is the full alternative.
    assert "<caption" in text and 'scope="row"' in text


def test_india_is_the_default_and_each_level_shows_its_years(client, site_content):
    text = html(client.get(ML_URL))
    assert table_rows(text)["junior"] == ["₹7,00,000", "₹9,00,000", "₹12,00,000"]
    assert table_rows(text)["lead"] == ["₹28,00,000", "₹31,00,000", "₹35,00,000"]
    for years in ["0–2 years", "2–5 years", "5–8 years", "8+ years"]:
        assert years in text
    assert "Senior Machine Learning Engineer" in text
    assert text.count("<h1") == 1
    assert '<span class="pay-headline__figure">₹7L–₹35L</span>' in text


def test_source_date_currency_and_period_are_stated_plainly(client, site_content):
    text = html(client.get(ML_URL))
    source = "Career Paths editorial estimate from publicly reported pay (not survey data)"
    assert f"Source: {source}, as of October 2026." in text
    assert "editorial estimates" in text
    assert "Amounts are in INR, a year." in text


def test_links_to_every_other_location_swap_the_region(client, site_content):
    text = html(client.get(ML_URL, {"location": "pune"}))
    for slug in ML_LOCATIONS:
        # The home location's page is the plain one: its link names no place.
        href = ML_URL if slug == "india" else f"{ML_URL}?location={slug}"
        if slug == "pune":
            assert f'href="{href}"' not in text
            here = element(text, id="place-pune")
            assert (here.tag, here.get("aria-current"), here.text) == ("span", "page", "Pune")
            continue
        link = element(text, id=f"place-{slug}")
        assert (link.tag, link["href"]) == ("a", href), slug
        assert hx(link, "get") == href and hx(link, "target") == "#pay-region" and hx(link, "push-url") == "true"
    assert element(text, "div", id="pay-region")


def test_htmx_gets_the_region_alone_and_every_response_varies_on_it(client, site_content):
    full = client.get(ML_URL, {"location": "mumbai"})
    partial = client.get(ML_URL, {"location": "mumbai"}, headers={"HX-Request": "true"})
    for response in (full, partial):
        assert response.status_code == 200
        assert "HX-Request" in response["Vary"]
    assert html(full).lstrip().lower().startswith("<!doctype html>")
    text = html(partial)
    assert "<html" not in text and "breadcrumbs" not in text
    # The page's heading is in the region, as it names the kind of employer shown.
    assert text.count("<h1") == 1
    assert 'id="pay-region"' in text and "<svg" in text and table_rows(text)["mid"][1] == "₹16,70,000"
    # htmx takes the document title from a top-level <title> in the partial.
    assert text.lstrip().startswith("<title>Machine Learning Engineer salary in Mumbai by level</title>")
    # The partial is the same markup as the region of the full page.
    assert element(partial, "div", id="pay-region") == element(full, "div", id="pay-region")


def test_a_history_restore_gets_the_whole_page(client, site_content):
    headers = {"HX-Request": "true", "HX-History-Restore-Request": "true"}
    text = html(client.get(ML_URL, {"location": "pune"}, headers=headers))
    assert "<html" in text and text.count("<h1") == 1


def test_repeated_location_the_last_one_wins(client, site_content):
    text = html(client.get(f"{ML_URL}?location=india&location=bengaluru"))
    assert "Machine Learning Engineer pay in Bengaluru" in text


def test_an_empty_location_is_the_default(client, site_content):
    assert "Machine Learning Engineer pay in India" in html(client.get(f"{ML_URL}?location="))


@pytest.mark.parametrize(
    "value",
    [
        "atlantis",
        "INDIA",
        "../../x",
        "..%2F..%2Fx",
        "a" * 81,
        "b" * 5000,
        "बेंगलुरु",
        "india\x00",
        " india",
        "india/",
        "<script>",
        "%",
        "india;drop",
    ],
)
def test_unknown_or_malformed_location_is_a_404(client, site_content, value):
    for headers in ({}, {"HX-Request": "true"}):
        assert client.get(ML_URL, {"location": value}, headers=headers).status_code == 404


def test_a_location_without_figures_for_the_role_is_a_404(client, two_roles):
    Location.objects.create(slug="pune", name="Pune", kind="city", country_code="IN", order=3)
    url = reverse("role_salary", args=["data-scientist"])
    assert client.get(url, {"location": "pune"}).status_code == 404
    assert 'id="place-pune"' not in html(client.get(url))


def test_unknown_and_draft_roles_are_a_404(client, db, tmp_path):
    load_roles(tmp_path, role_doc("data-scientist"), role_doc("secret-role", status="draft"))
    assert client.get(reverse("role_salary", args=["secret-role"])).status_code == 404
    assert client.get(reverse("role_salary", args=["no-such-role"])).status_code == 404
    assert client.get(reverse("role_salary", args=["data-scientist"])).status_code == 200


def test_a_role_without_figures_says_so(client, two_roles):
    # The loader insists on pay for a published role; an editor can still delete it in the admin.
    SalaryBand.objects.filter(role__slug="data-scientist").delete()
    url = reverse("role_salary", args=["data-scientist"])
    response = client.get(url)
    assert response.status_code == 200
    assert "no pay figures" in html(response) and "<svg" not in html(response)
    assert client.get(url, {"location": "india"}).status_code == 404


def test_another_currency_renders_in_its_own_symbol(client, db, tmp_path):
    # Pay in dollars is quoted for places in the United States (a USD band in India is refused).
    load_us_role(tmp_path)
    text = html(client.get(reverse("role_salary", args=["data-scientist"])))
    assert table_rows(text)["junior"] == ["$700,000", "$900,000", "$1,200,000"]
    assert "Amounts are in USD, a year." in text
    assert "Pay a year, USD" in text and "$1.2M" in text


def test_bands_set_on_different_dates_say_so(client, two_roles):
    SalaryBand.objects.filter(role__slug="data-scientist", level__slug="lead").update(as_of="2026-03-01")
    text = html(client.get(reverse("role_salary", args=["data-scientist"])))
    assert "set between March 2026 and October 2026" in text


def test_canonical_names_the_location_unless_it_is_the_default(client, site_content):
    assert canonical(client.get(ML_URL)) == ML_URL
    assert canonical(client.get(ML_URL, {"location": "india"})) == ML_URL
    assert canonical(client.get(ML_URL, {"location": "chennai"})) == f"{ML_URL}?location=chennai"


def test_no_inline_styles_or_scripts(client, site_content):
    # Executable scripts come from files; JSON-LD is data, not script, and CSP does not run it.
    assert inline_problems(html(client.get(ML_URL))) == []


# Role (with family), its level titles, its bands; the employer types, its bands by employer type and the types that
# rarely hire it (salaries.employer_pay): 6 queries, for the real content and a small one alike.


def test_query_count_is_fixed(client, site_content, no_page_cache, django_assert_num_queries):
    for headers in ({}, {"HX-Request": "true"}):
        with django_assert_num_queries(6):
            assert client.get(ML_URL, {"location": "bengaluru"}, headers=headers).status_code == 200


def test_query_count_is_the_same_for_a_small_catalog(client, two_roles, no_page_cache, django_assert_num_queries):
    with django_assert_num_queries(6):
        assert client.get(reverse("role_salary", args=["data-scientist"]), {"location": "bengaluru"}).status_code == 200
