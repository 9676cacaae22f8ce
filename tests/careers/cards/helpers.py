"""What the cards' tests share: a card as the pages build it, and a PNG read back."""

from __future__ import annotations

import io

from PIL import Image

from careers.cards.cards import RoleCard, Rung, role_card
from roles.models import Role
from salaries.pay import role_pay


def card_of(slug: str) -> RoleCard:
    """The role's card, built from the database as every page about the role builds it."""
    role = Role.objects.with_ladder().get(slug=slug)
    return role_card(role, role_pay(role))


def image(png: bytes) -> Image.Image:
    """The PNG decoded in full (a truncated or corrupt file fails here)."""
    picture = Image.open(io.BytesIO(png))
    assert picture.format == "PNG"
    picture.load()
    return picture


LONG_TITLE = ("Principal Distributed Systems Reliability and Platform Engineering Specialist " * 3)[:200]
LONG_LEVEL = "Lead / Principal / Staff / Distinguished / Engineering Manager / Head of Platform Organisation"


def long_card() -> RoleCard:
    """A card with everything too long: a 200-character title, long level names and titles, a wide pay range."""
    return RoleCard(
        slug="long",
        site_name="Career Paths",
        title=LONG_TITLE,
        rungs=tuple(Rung(f"{LONG_LEVEL} {n}", f"{LONG_TITLE} at level {n}") for n in range(1, 5)),
        pay="₹99,999–₹1,23,456Cr",
        where="The United Kingdom of Great Britain and Northern Ireland, everywhere it has offices " * 2,
    )
