"""Fitting text to a box: wrapped at spaces, stepped down in size, then shortened at a word with an ellipsis."""

from careers.cards.text import BOLD, ELLIPSIS, REGULAR, fit, font, with_ellipsis, wrap


def test_short_text_keeps_the_largest_size_and_every_word():
    fitted = fit("Data Scientist", BOLD, (64, 48), 1000, 2)
    assert fitted.font.size == 64 and fitted.lines == ["Data Scientist"] and not fitted.shortened


def test_text_steps_down_a_size_before_it_is_shortened():
    text = "Site Reliability Engineer for Payments Platforms"
    big = fit(text, BOLD, (64,), 900, 1)
    stepped = fit(text, BOLD, (64, 40, 30), 900, 1)
    assert big.shortened
    assert not stepped.shortened and stepped.font.size < 64 and stepped.lines == [text]


def test_at_the_floor_the_last_line_ends_at_a_word_with_an_ellipsis():
    text = "one two three four five six seven eight nine ten eleven twelve"
    fitted = fit(text, REGULAR, (30, 24), 300, 2)
    assert fitted.shortened and fitted.font.size == 24 and len(fitted.lines) == 2
    last = fitted.lines[-1]
    assert last.endswith(ELLIPSIS)
    # Whole words only: the line without its ellipsis is the start of the words after the first line.
    rest = text[len(fitted.lines[0]) + 1 :]
    assert rest.startswith(last.removesuffix(ELLIPSIS)) and rest[len(last) - 1] == " "
    for line in fitted.lines:
        assert fitted.font.getlength(line) <= 300


def test_a_word_wider_than_the_line_is_cut_into_pieces_that_fit():
    face = font(REGULAR, 24)
    lines = wrap("x" * 200, face, 200)
    assert "".join(lines) == "x" * 200
    assert all(face.getlength(line) <= 200 for line in lines)
    shortened = with_ellipsis("x" * 200, face, 200)
    assert shortened.endswith(ELLIPSIS) and face.getlength(shortened) <= 200


def test_whitespace_runs_are_one_space():
    assert wrap("Data \n\t Scientist", font(REGULAR, 20), 1000) == ["Data Scientist"]


def test_a_shortened_line_ends_on_a_word_not_on_the_punctuation_between_words():
    face = font(BOLD, 22)
    text = "Lead / Principal / Staff / Distinguished Engineer"
    width = int(face.getlength("Lead / Principal / Sta"))
    shortened = with_ellipsis(text, face, width)
    assert shortened == "Lead / Principal" + ELLIPSIS
