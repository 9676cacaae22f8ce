"""The PNGs: 1200×630, decodable, and no text outside the card or its box, however long the data."""

from careers.cards.cards import HEIGHT, WIDTH, RoleCard, Rung, SiteCard
from careers.cards.draw import draw_role, draw_site, role_png, site_png
from careers.cards.text import ELLIPSIS

from .helpers import LONG_LEVEL, LONG_TITLE, image, long_card

CARD = RoleCard(
    slug="machine-learning-engineer",
    site_name="Career Paths",
    title="Machine Learning Engineer",
    rungs=(
        Rung("Entry / Junior", "Junior Machine Learning Engineer"),
        Rung("Mid-level", "Machine Learning Engineer"),
        Rung("Senior", "Senior Machine Learning Engineer"),
        Rung("Lead / Principal / Manager", "Lead / Principal Machine Learning Engineer"),
    ),
    pay="₹6L–₹60L",
    where="India",
)


def test_a_role_card_is_a_1200_by_630_png():
    picture = image(role_png(CARD))
    assert picture.size == (WIDTH, HEIGHT) == (1200, 630)
    assert picture.mode == "RGB"


def test_the_site_card_is_a_1200_by_630_png():
    assert image(site_png(SiteCard(site_name="Career Paths", role_count=41, family_count=9))).size == (1200, 630)


def test_a_role_card_draws_the_title_the_levels_and_the_pay():
    drawn = " ".join(placed.text for placed in draw_role(CARD).placed)
    assert "Machine Learning Engineer" in drawn
    for rung in CARD.rungs:
        assert rung.name.split()[0] in drawn
    assert "₹6L–₹60L a year in India" in drawn
    assert ELLIPSIS not in drawn


def test_long_text_never_leaves_its_box_nor_the_card():
    drawing = draw_role(long_card())
    assert len(drawing.placed) > 10
    for placed in drawing.placed:
        assert placed.fits, placed
        left, top, right, bottom = placed.area
        assert left >= 0 and top >= 0 and right <= WIDTH and bottom <= HEIGHT
    drawn = [placed.text for placed in drawing.placed]
    # The title, the pay line, each level's name and title: shortened with an ellipsis.
    assert sum(text.endswith(ELLIPSIS) for text in drawn) == 10
    assert LONG_TITLE not in " ".join(drawn) and LONG_LEVEL not in " ".join(drawn)


def test_every_text_of_an_ordinary_card_has_room():
    assert all(placed.fits for placed in draw_role(CARD).placed)


def test_a_long_site_name_is_shortened_too():
    drawing = draw_site(SiteCard(site_name=LONG_TITLE, role_count=123456, family_count=789))
    assert all(placed.fits for placed in drawing.placed)
    assert drawing.placed[0].text.endswith(ELLIPSIS)
