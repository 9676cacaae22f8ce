"""The career-path page: every fact of the reference page, rendered from the data."""

import re
from html import unescape

import pytest
from django.urls import reverse

from careers.models import FAQ
from careers.pages import narrative
from roles.models import Role
from salaries.models import EmployerType, SalaryBand
from salaries.money import format_short

URL = "/roles/machine-learning-engineer/career-path/"


def text_of(response) -> str:
    """The page as a reader sees it: tags removed, entities decoded, whitespace collapsed."""
    html = response.content.decode()
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))


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
    html = page.content.decode()
    matrix = html[html.index('class="skill-matrix"') :]
    matrix = matrix[: matrix.index("</table>")]
    row = re.search(r"Model deployment</a></th>(.*?)</tr>", matrix, re.S).group(1)
    assert re.findall(r"mark--(\w+)", row) == ["start", "deepen"]


def test_pay_overall_and_per_level(page):
    text = text_of(page)
    assert "₹7L–₹35L a year in India" in text
    assert re.search(r"Junior Machine Learning Engineer 0–2 years ₹7L–₹12L ₹9L", text)
    assert re.search(r"Lead / Principal Machine Learning Engineer 8\+ years ₹28L–₹35L ₹31L", text)
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
    html = page.content.decode()
    links = sorted(set(re.findall(r'href="(/[^"#]*)', html)) - {"/admin/"})
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
    # its questions.
    with django_assert_max_num_queries(9):
        client.get(URL)


def test_each_level_gives_its_spread_across_kinds_of_employer_in_one_line(page):
    text = text_of(page)
    for level in ["junior", "mid", "senior", "lead"]:
        bands = SalaryBand.objects.filter(
            role__slug="machine-learning-engineer",
            level__slug=level,
            location__slug="india",
            employer_type__isnull=False,
        ).select_related("employer_type")
        low, high = min(bands, key=lambda b: b.median), max(bands, key=lambda b: b.median)
        assert (
            f"Median by kind of employer: {format_short(low.median)} a year at the lowest, {low.employer_type.name}; "
            f"{format_short(high.median)} at the highest, {high.employer_type.name}."
        ) in text
    assert "Pay by city and by kind of employer for every level" in text


def test_a_changed_band_by_kind_of_employer_changes_the_spread_line(client, site_content):
    SalaryBand.objects.filter(
        role__slug="machine-learning-engineer", level__slug="junior", employer_type__slug="startup"
    ).update(low=2_000_000, median=2_600_000, high=3_000_000)
    assert "₹26L at the highest, Funded startup." in text_of(client.get(URL))


def band(employer: str, median: int, order: int = 1) -> SalaryBand:
    kind = EmployerType(pk=order, slug=employer, name=employer.title(), order=order)
    return SalaryBand(employer_type=kind, median=median, currency="INR")


def test_the_spread_line_for_one_kind_or_the_same_median():
    assert narrative.employer_spread(band("product", 1_500_000), band("product", 1_500_000)) == (
        "Median with the one kind of employer that has figures, Product: ₹15L a year."
    )
    assert narrative.employer_spread(band("a", 1_500_000, 1), band("b", 1_500_000, 2)) == (
        "Median by kind of employer: ₹15L a year with each kind that has figures."
    )
    assert narrative.employer_spread(band("a", 450_000, 1), band("b", 1_400_000, 2)) == (
        "Median by kind of employer: ₹4.5L a year at the lowest, A; ₹14L at the highest, B."
    )


def test_the_role_hub_reads_no_pay_by_kind_of_employer(client, site_content, view_queries, django_assert_num_queries):
    # The role hub shares the career path's read, without the spread lines: as many queries as before.
    with django_assert_num_queries(8):
        assert client.get("/roles/machine-learning-engineer/").status_code == 200
