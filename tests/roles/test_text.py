"""Editors' running text: a blank line starts a paragraph, whatever line endings the text box sent."""

from __future__ import annotations

import pytest
from django.template import Context, Template

from roles.text import join, paragraphs


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("One.\n\nTwo.", ["One.", "Two."]),
        ("One.\r\n\r\nTwo.", ["One.", "Two."]),  # what a browser's textarea sends
        ("One.\n   \nTwo.\n\n\n\nThree.", ["One.", "Two.", "Three."]),  # a line of spaces looks blank
        ("One line\nwrapped.", ["One line\nwrapped."]),  # a single line break stays inside its paragraph
        ("  \n\n ", []),
        ("", []),
    ],
)
def test_a_blank_line_separates_paragraphs(typed, expected):
    assert paragraphs(typed) == expected


def render(source: str, **context) -> str:
    return Template("{% load text %}" + source).render(Context(context))


def test_the_filter_writes_one_escaped_paragraph_each():
    html = render("{{ t|paragraphs }}", t='Ship <script>alert("x")</script>.\r\n\r\nThen mentor & review.')
    assert html == ("<p>Ship &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;.</p><p>Then mentor &amp; review.</p>")


def test_the_filter_can_give_each_paragraph_a_class():
    assert render('{{ t|paragraphs:"lede" }}', t="A.\n\nB.") == '<p class="lede">A.</p><p class="lede">B.</p>'


def test_empty_text_writes_nothing():
    assert render("{{ t|paragraphs }}", t="") == render("{{ t|paragraphs }}", t=None) == ""


@pytest.mark.parametrize(
    ("items", "conjunction", "expected"),
    [
        ([], "and", ""),
        (["Python"], "and", "Python"),
        (["Python", "SQL"], "and", "Python and SQL"),
        (["a", "", "b", "c"], "or", "a, b or c"),
    ],
)
def test_join_writes_a_list_as_a_sentence_does(items, conjunction, expected):
    assert join(items, conjunction) == expected
