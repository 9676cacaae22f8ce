"""The career-path page: every fact of the reference page, rendered from the data."""

from html import unescape

import pytest
from django.urls import reverse

from careers.models import FAQ
from roles.models import Role
from salaries.models import SalaryBand
from tests.html import element, elements, text_of

URL = "/roles/machine-learning-engineer/career-path/"


@pytest.fixture
def page(client, site_content):
    response = client.get(URL)
    assert response.status_code == 200
    return response


def test_heading_intro_and_takeaways(page):
    text = text_of(page)
    assert page.content.decode().count("<h1") == 1
    assert "Machine Learning Engineer career path" in text
    assert "junior to mid-level, then senior, then lead, principal or manager" in text
    assert "Key takeaways" in text
    assert "(Python, TensorFlow / PyTorch, MLOps, Model deployment)" in text
    assert "typical range of ₹7L–₹35L/yr" in text


def test_levels_with_years_work_and_skills(page):
    text = text_of(page)
    for step, title, years in [
        (1, "Junior Machine Learning Engineer", "0–2 years"),
        (2, "Machine Learning Engineer", "2–5 years"),
        (3, "Senior Machine Learning Engineer", "5–8 years"),
        (4, "Lead / Principal Machine Learning Engineer", "8+ years"),
    ]:
        assert f"Step {step}:" in text
        assert title in text
        assert f"typically {years}" in text
    assert "prototype model into a service" in text
    assert "automate the pipelines that train, evaluate and deploy models" in text
    assert "latency, throughput and cost" in text
    assert "accuracy, drift and data quality" in text
    # The fork at the top of the ladder.
    assert "Management track: Machine Learning Engineering Manager" in text
    assert "Specialist track: Principal Machine Learning Engineer" in text
    for skill in [
        "Python",
        "TensorFlow / PyTorch",
        "MLOps",
        "Model deployment",
        "Docker &amp; Kubernetes",
        "Feature engineering",
    ]:
        assert unescape(skill) in text


def test_skill_matrix_marks_where_skills_start_and_deepen(page):
    rows = element(page, "table", class_="skill-matrix").find("tbody").find_all("tr")
    [row] = [row for row in rows if row.find("th", scope="row").text == "Model deployment"]
    marks = [name for mark in row.find_all("span", class_="mark") for name in mark.classes if name != "mark"]
    assert marks == ["mark--start", "mark--deepen"]


def test_pay_overall_and_per_level(page):
    text = text_of(page)
    assert "₹7L–₹35L a year in India" in text
    assert "Junior Machine Learning Engineer 0–2 years ₹7L–₹12L ₹9L" in text
    assert "Lead / Principal Machine Learning Engineer 8+ years ₹28L–₹35L ₹31L" in text
    assert "editorial estimate" in text


def test_related_roles_link_to_moves(page):
    html = page.content.decode()
    for slug, title in [("data-scientist", "Data Scientist"), ("data-engineer", "Data Engineer")]:
        assert f'href="{reverse("role_move", args=["machine-learning-engineer", slug])}">{title}</a>' in html


def test_standard_and_editor_questions(page):
    text = text_of(page)
    assert "What is the career path for a Machine Learning Engineer?" in text
    assert "What is the next role after a Machine Learning Engineer?" in text
    assert "related roles such as Data Scientist and Data Engineer" in text
    assert "How do you grow your Machine Learning Engineer salary?" in text
    assert "(Python, TensorFlow / PyTorch, MLOps)" in text
    assert "Typical pay in India is ₹7L–₹35L/yr" in text
    assert "What does a Machine Learning Engineer do?" in text
    for faq in FAQ.objects.filter(role__slug="machine-learning-engineer"):
        assert faq.question in text


def test_links_to_the_roles_other_pages(page):
    html = page.content.decode()
    for url in [
        reverse("role_detail", args=["machine-learning-engineer"]),
        reverse("role_salary", args=["machine-learning-engineer"]),
        reverse("career_level", args=["machine-learning-engineer", "senior"]),
        reverse("skill_detail", args=["python"]),
    ]:
        assert f'href="{url}"' in html


def test_every_link_on_the_page_resolves(client, page):
    # Every href the page holds (links, its stylesheet and icon), fragments dropped.
    hrefs = {el["href"].split("#", 1)[0] for el in elements(page, href=True)}
    links = sorted({href for href in hrefs if href.startswith("/")} - {"/admin/"})
    assert links
    for link in links:
        assert client.get(link).status_code == 200, link


def test_a_changed_band_changes_every_sentence_that_quotes_it(client, site_content):
    band = SalaryBand.objects.all_employers().get(
        role__slug="machine-learning-engineer", level__slug="lead", location__slug="india"
    )
    band.high = 12_000_000
    band.save()
    text = text_of(client.get(URL))
    assert "₹28L–₹35L" not in text and "to ₹35L" not in text
    assert "typical range of ₹7L–₹1.2Cr/yr" in text
    assert "Typical pay in India is ₹7L–₹1.2Cr/yr" in text
    assert "₹7L–₹1.2Cr a year in India" in text


def test_a_renamed_skill_changes_the_takeaways(client, site_content):
    Role.objects.get(slug="machine-learning-engineer")
    from roles.models import Skill

    Skill.objects.filter(slug="python").update(name="Python 3")
    assert "(Python 3, TensorFlow / PyTorch, MLOps, Model deployment)" in text_of(client.get(URL))


def test_unknown_role_is_a_helpful_404(client, db):
    response = client.get("/roles/astronaut/career-path/")
    assert response.status_code == 404
    assert b"We could not find that page" in response.content
    assert b'href="/roles/"' in response.content


def test_a_draft_is_not_public(client, two_roles):
    Role.objects.filter(slug="data-scientist").update(status=Role.Status.DRAFT)
    assert client.get("/roles/data-scientist/career-path/").status_code == 404
    assert client.get("/roles/data-scientist/").status_code == 404
    # And it is no longer linked from the role that pointed at it.
    assert b"/roles/data-scientist/" not in client.get("/roles/data-engineer/career-path/").content


def test_page_query_count_is_fixed(client, site_content, django_assert_max_num_queries):
    # The page cache's lookup, the role with its ladder, skills and moves, its bands, its bands by kind of employer,
    # its questions, its latest changes.
    with django_assert_max_num_queries(10):
        client.get(URL)
