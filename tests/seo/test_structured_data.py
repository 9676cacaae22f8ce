"""JSON-LD matches what each page shows."""

import pytest

from careers.models import FAQ
from roles.models import Role
from tests.html import json_ld, text_of

pytestmark = pytest.mark.usefixtures("two_roles")


def blocks(response) -> dict[str, dict]:
    return {data["@type"]: data for data in json_ld(response)}


def test_career_path_has_occupation_and_faq_page(client, settings):
    settings.SITE_URL = "https://careers.example"
    response = client.get("/roles/data-scientist/career-path/")
    data = blocks(response)
    assert set(data) == {"BreadcrumbList", "Occupation", "FAQPage"}
    occupation = data["Occupation"]
    assert occupation["name"] == "Data Scientist"
    assert occupation["url"] == "https://careers.example/roles/data-scientist/career-path/"
    assert occupation["experienceRequirements"]["monthsOfExperience"] == 0
    assert occupation["occupationLocation"] == [{"@type": "Country", "name": "India"}]
    pay = occupation["estimatedSalary"]
    assert [(p["percentile10"], p["median"], p["percentile90"]) for p in pay] == [
        (700_000, 900_000, 1_200_000),
        (1_200_000, 1_500_000, 2_000_000),
        (2_000_000, 2_400_000, 3_000_000),
        (2_800_000, 3_100_000, 3_500_000),
    ]
    assert all(p["currency"] == "INR" and p["duration"] == "P1Y" for p in pay)
    assert occupation["skills"].startswith("Python, SQL, Statistics")
    # The FAQs exactly as shown, standard ones and the editor's.
    text = text_of(response)
    questions = data["FAQPage"]["mainEntity"]
    assert len(questions) == 5
    for qa in questions:
        assert qa["name"] in text
        assert qa["acceptedAnswer"]["text"] in text
    assert questions[-1]["name"] == FAQ.objects.get(role__slug="data-scientist").question


def test_level_and_salary_pages_have_occupation(client):
    level = blocks(client.get("/roles/data-scientist/career-path/senior/"))["Occupation"]
    assert level["name"] == "Senior Data Scientist"
    assert level["experienceRequirements"]["monthsOfExperience"] == 60
    assert {p["name"] for p in level["occupationLocation"]} == {"India", "Bengaluru"}
    salary = blocks(client.get("/roles/data-scientist/salary/?location=bengaluru"))["Occupation"]
    assert salary["occupationLocation"] == [{"@type": "City", "name": "Bengaluru"}]
    assert len(salary["estimatedSalary"]) == 4


def test_catalog_has_an_item_list_of_the_roles_it_shows(client, settings):
    settings.SITE_URL = "https://careers.example"
    items = blocks(client.get("/roles/"))["ItemList"]["itemListElement"]
    assert [(i["position"], i["name"], i["url"]) for i in items] == [
        (1, "Data Engineer", "https://careers.example/roles/data-engineer/"),
        (2, "Data Scientist", "https://careers.example/roles/data-scientist/"),
    ]
    # Search results are not the catalog.
    assert "ItemList" not in blocks(client.get("/roles/?q=data"))


def test_content_cannot_break_out_of_json_ld(client):
    Role.objects.filter(slug="data-scientist").update(summary='</script><script>alert("x")</script>')
    response = client.get("/roles/data-scientist/career-path/")
    html = response.content.decode()
    assert '<script>alert("x")</script>' not in html
    assert blocks(response)["Occupation"]["description"] == '</script><script>alert("x")</script>'


def test_the_home_page_names_the_website(client, settings):
    settings.SITE_URL = "https://careers.example"
    data = blocks(client.get("/"))
    assert data["WebSite"] == {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": "Career Paths",
        "alternateName": "Career Paths India",
        "url": "https://careers.example/",
    }
