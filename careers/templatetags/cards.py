"""The page's social card, for the head of base.html (careers/cards)."""

from __future__ import annotations

from django import template
from django.utils.functional import SimpleLazyObject

from careers.cards.cards import Card, read_site_card, role_card_context

register = template.Library()


@register.simple_tag(takes_context=True)
def page_card(context) -> Card:
    """The card the view chose (``social_card``: the careers pages about a role); else the card of the role the page
    shows with its pay (``role`` and ``role_pay``: the salary page, whose app may not import careers); else the
    site's, read (one query) only here, on a page that has no card of its own."""
    if card := context.get("social_card"):
        return card
    role, pay = context.get("role"), context.get("role_pay")
    if role is not None and pay is not None and (found := role_card_context(role, pay)):
        return found["social_card"]
    return SimpleLazyObject(read_site_card)  # type: ignore[return-value]  # stands in for the SiteCard it reads
