"""The words on the cards and the sentences that describe them (og:image:alt), written from the data."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.text import get_text_list

if TYPE_CHECKING:
    from careers.cards.cards import RoleCard, SiteCard

TAGLINE = "How technology careers in India grow, level by level: the work, the skills and the pay."
ROLE_KICKER = "Career path"


def plural(count: int, one: str, many: str) -> str:
    return f"{count:,} {one if count == 1 else many}"


def pay_line(card: RoleCard) -> str:
    """ "₹6L–₹60L a year in India"; "" when the role has no figures."""
    return f"{card.pay} a year in {card.where}" if card.pay else ""


def counts_line(card: SiteCard) -> str:
    return f"{plural(card.role_count, 'role', 'roles')} in {plural(card.family_count, 'field', 'fields')}"


def role_card_alt(card: RoleCard) -> str:
    levels = get_text_list([rung.name for rung in card.rungs], "and")
    ladder = f" {plural(len(card.rungs), 'level', 'levels')}: {levels}." if card.rungs else ""
    pay = f" Pay: {card.pay} a year in {card.where}." if card.pay else ""
    return f"{card.site_name}: the {card.title} career path.{ladder}{pay}"


def site_card_alt(card: SiteCard) -> str:
    return (
        f"{card.site_name}: career paths for {counts_line(card)}, with the work, skills and pay at each level in India."
    )
