"""Text an editor wrote in paragraphs shows as paragraphs on every page that shows it, escaped."""

from __future__ import annotations

import pytest

from tests.factories import load_roles, role_doc
from tests.html import element

pytestmark = pytest.mark.django_db

WHAT_YOU_DO = "You build the first pipelines.\r\n\r\nYou learn to <review> code & ask for help."
ANSWER = "Usually two years.\n\nSooner with a strong portfolio."
BODY = "The role in short.\r\n\r\nWhat a day looks like."


@pytest.fixture
def written(tmp_path):
    doc = role_doc("data-engineer", "Data Engineer", body=BODY)
    doc["levels"][0]["what_you_do"] = WHAT_YOU_DO
    doc["faqs"] = [{"question": "How long before the first promotion?", "answer": ANSWER}]
    load_roles(tmp_path, doc)


def html_of(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_what_you_do_is_two_paragraphs_on_the_career_path_and_the_level_page(client, written):
    first, second = (
        "<p>You build the first pipelines.</p>",
        "<p>You learn to &lt;review&gt; code &amp; ask for help.</p>",
    )
    assert first + second in html_of(client, "/roles/data-engineer/career-path/")
    level = html_of(client, "/roles/data-engineer/career-path/junior/")
    assert '<p class="lede">You build the first pipelines.</p><p class="lede">You learn to &lt;review&gt;' in level


def test_an_faq_answer_keeps_its_paragraphs(client, written):
    html = html_of(client, "/roles/data-engineer/career-path/")
    assert "<dd><p>Usually two years.</p><p>Sooner with a strong portfolio.</p></dd>" in html


def test_the_role_body_keeps_its_paragraphs_when_the_admin_sent_crlf(client, written):
    html = html_of(client, "/roles/data-engineer/")
    about = element(html, "section", aria_labelledby="about")
    assert [p.text for p in about.find_all("p")] == ["The role in short.", "What a day looks like."]
