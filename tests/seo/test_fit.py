"""Titles and descriptions fitted to what search results show (careers/web/head.py), and the filters base.html uses."""

import pytest

from careers.templatetags.seo import page_description, page_title
from careers.web.head import cut_at_word, fit_description, fit_title

SITE = "Career Paths"


def test_the_site_name_follows_a_title_when_both_fit():
    assert fit_title("Data Engineer career path", SITE) == "Data Engineer career path | Career Paths"
    assert fit_title("Business Intelligence Developer career path: levels", SITE) == (
        "Business Intelligence Developer career path: levels"
    )
    assert fit_title("Career Paths: tech careers in India", SITE) == "Career Paths: tech careers in India"


def test_a_long_title_takes_a_names_short_form_then_ends_at_a_whole_word():
    assert fit_title("Business Intelligence Developer salary: Global capability centre (GCC)", SITE) == (
        "Business Intelligence Developer salary: GCC | Career Paths"
    )
    cut = fit_title("Business Intelligence Developer salary: IT services and consulting", SITE)
    assert cut == "Business Intelligence Developer salary: IT services"


@pytest.mark.parametrize(
    ("text", "limit", "mark", "cut"),
    [
        ("aaaa bbbb", 9, "", "aaaa bbbb"),
        ("aaaa bbbb cc", 9, "", "aaaa bbbb"),
        ("aaaa bbbb, cc", 11, "…", "aaaa bbbb…"),
        ("aaaa bbbbbb", 8, "…", "aaaa…"),
        ("aaaa to bbbb", 10, "", "aaaa"),
    ],
)
def test_cuts_fall_between_words_and_never_after_a_dangling_word(text, limit, mark, cut):
    assert cut_at_word(text, limit, mark) == cut


def test_a_long_description_ends_at_a_sentence_then_a_clause_then_a_word():
    first = "A backend developer builds the server-side software behind apps and websites."
    second = "In India the role is most common in product companies of every size and kind, from start-ups to banks."
    assert fit_description(f"{first} {second}") == first
    clause = "A backend developer builds the server-side software behind apps and websites, " + "x " * 50
    assert fit_description(clause) == "A backend developer builds the server-side software behind apps and websites."
    words = "word " * 60
    cut = fit_description(words)
    assert len(cut) <= 160 and cut.endswith("word…")


def test_the_filters_count_what_a_reader_sees_and_keep_html_escaped():
    assert page_title("Android SDK &amp; Jetpack") == "Android SDK &amp; Jetpack | Career Paths"
    assert len(page_description("A &amp; B " * 40)) > 160  # escaped, but fitted as 160 characters of text
    assert "&amp;" in page_description("A &amp; B " * 40)
