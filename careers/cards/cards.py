"""What a social card shows, and its address: the role's card (title, ladder, pay) and the site's card (name, what it
is, how much it covers).

A card's address carries a digest of everything drawn on it plus the renderer's version, so a change to the role (or
to how cards are drawn) gives a new address, and an address, once made, always means the same picture.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from django.conf import settings
from django.urls import reverse

from careers.cards import narrative
from careers.cards.text import BOLD, REGULAR
from careers.pages.catalog import counts

if TYPE_CHECKING:
    from roles.models import Role
    from salaries.pay import RolePay

WIDTH, HEIGHT = 1200, 630
DIGEST_LENGTH = 16
# Bump when the drawing changes; the fonts' bytes count as well, so a new font file is a new card everywhere.
RENDERER = "1"


def _renderer_version() -> str:
    fonts = hashlib.sha256(REGULAR.read_bytes() + BOLD.read_bytes()).hexdigest()[:12]
    return f"{RENDERER}:{fonts}"


RENDERER_VERSION = _renderer_version()


def digest(kind: str, drawn: dict) -> str:
    """The digest of a card: its kind, everything drawn on it and the renderer's version."""
    payload = json.dumps({"kind": kind, "renderer": RENDERER_VERSION, **drawn}, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode()).hexdigest()[:DIGEST_LENGTH]


@dataclass(frozen=True)
class Rung:
    """One level of the role's ladder as the card shows it: the level's name and the role's title there."""

    name: str
    title: str


class Card:
    """What every card offers the page's head: its absolute address, size, type and a sentence describing it."""

    width, height, type = WIDTH, HEIGHT, "image/png"

    @property
    def digest(self) -> str:
        raise NotImplementedError

    @property
    def path(self) -> str:
        raise NotImplementedError

    @property
    def alt(self) -> str:
        raise NotImplementedError

    @property
    def absolute_url(self) -> str:
        return settings.SITE_URL + self.path


@dataclass(frozen=True)
class RoleCard(Card):
    """A published role's card: its title, its ladder and its pay range in the home location, all employers."""

    slug: str
    site_name: str
    title: str
    rungs: tuple[Rung, ...]
    pay: str  # "₹6L–₹60L", formatted by salaries.money; "" when the role has no figures there
    where: str  # the place the range is quoted for

    @cached_property
    def digest(self) -> str:
        drawn = asdict(self)
        del drawn["slug"]  # in the address, not on the picture
        return digest("role", drawn)

    @property
    def path(self) -> str:
        return reverse("role_card", kwargs={"role": self.slug, "digest": self.digest})

    @property
    def alt(self) -> str:
        return narrative.role_card_alt(self)


@dataclass(frozen=True)
class SiteCard(Card):
    """The site's card, for every page that is not about one role: its name, what it is, how many roles and fields."""

    site_name: str
    role_count: int
    family_count: int

    @cached_property
    def digest(self) -> str:
        return digest("site", asdict(self))

    @property
    def path(self) -> str:
        return reverse("site_card", kwargs={"digest": self.digest})

    @property
    def alt(self) -> str:
        return narrative.site_card_alt(self)


def role_card(role: Role, pay: RolePay) -> RoleCard:
    """The card of a role read with its ladder (``role.role_levels`` with their levels) and its pay for all
    employers: no query."""
    home = pay.home_location
    figures = pay.range_in(home.slug) if home else None
    return RoleCard(
        slug=role.slug,
        site_name=settings.SITE_NAME,
        title=role.title,
        rungs=tuple(Rung(rl.level.name, rl.title) for rl in role.ladder),
        pay=str(figures) if figures else "",
        where=home.name if home and figures else "",
    )


def role_card_context(role: Role, pay: RolePay) -> dict[str, Card]:
    """What a page about ``role`` adds to its context: the role's card, or nothing for a draft (a staff preview),
    whose card does not exist; the page then has the site's card, like any other."""
    return {"social_card": role_card(role, pay)} if role.is_published else {}


def site_card(*, role_count: int, family_count: int) -> SiteCard:
    return SiteCard(site_name=settings.SITE_NAME, role_count=role_count, family_count=family_count)


def read_site_card() -> SiteCard:
    """The site's card, counting the published roles and their fields: one query."""
    return site_card(**counts())
