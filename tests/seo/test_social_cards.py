"""Link previews: every page names a 1200×630 PNG as its og:image (the role's card on a page about a role, the
site's on any other), and every one of those addresses answers with that picture. Over the real content."""

from __future__ import annotations

import io
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from PIL import Image

from roles.models import Role
from tests.html import Element, element
from tools.pages import PAGES, RARELY_HIRED, ROLE

from .helpers import sitemap

# The page kinds about one role, and the role each is about; every other kind shows the site's card.
ROLE_PAGES = {
    "role": ROLE,
    "career-path": ROLE,
    "level": ROLE,
    "move": ROLE,  # a move is about its source role
    "check": ROLE,
    "check-answer": ROLE,
    "salary": ROLE,
    "salary-city": ROLE,
    "salary-employer": ROLE,
    "salary-rarely-hired": RARELY_HIRED,
}


def meta(head: Element, attr: str, name: str) -> str:
    return head.find("meta", **{attr: name})["content"]


def card_tags(response) -> dict[str, str]:
    """What a link preview reads of the page's picture, checked for its fixed parts."""
    head = element(response, "head")
    tags = {
        "image": meta(head, "property", "og:image"),
        "alt": meta(head, "property", "og:image:alt"),
    }
    assert meta(head, "property", "og:image:type") == "image/png"
    assert meta(head, "property", "og:image:width") == "1200"
    assert meta(head, "property", "og:image:height") == "630"
    assert meta(head, "name", "twitter:card") == "summary_large_image"
    assert meta(head, "name", "twitter:image") == tags["image"]
    assert meta(head, "name", "twitter:image:alt") == tags["alt"]
    assert tags["image"].startswith(settings.SITE_URL + "/cards/")
    assert tags["alt"].endswith(".") and len(tags["alt"]) > 40
    return tags


def assert_card(client, url: str) -> None:
    """The address answers with a 1200×630 PNG, cached for good."""
    response = client.get(urlsplit(url).path)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "image/png"
    assert "immutable" in response["Cache-Control"]
    picture = Image.open(io.BytesIO(response.content))
    picture.load()
    assert (picture.format, picture.size) == ("PNG", (1200, 630)), url


def test_every_kind_of_page_has_its_card(client, site_content):
    site_cards = set()
    for name, path in PAGES.items():
        response = client.get(path)
        assert response.status_code == 200, name
        tags = card_tags(response)
        about = ROLE_PAGES.get(name)
        if about:
            assert urlsplit(tags["image"]).path.startswith(f"/cards/roles/{about}-"), name
            assert "career path" in tags["alt"] and "a year in India" in tags["alt"], name
        else:
            assert urlsplit(tags["image"]).path.startswith("/cards/site-"), name
            site_cards.add(tags["image"])
        assert_card(client, tags["image"])
    # One site card, the same on every page that is not about a role.
    assert len(site_cards) == 1


def test_every_page_of_the_sitemap_has_a_card_that_answers(client, site_content):
    urls = []
    for section in sitemap(client.get("/sitemap.xml")):
        urls += sitemap(client.get(urlsplit(section).path))
    assert len(urls) > 800
    cards: set[str] = set()
    for url in urls:
        parts = urlsplit(url)
        response = client.get(parts.path + (f"?{parts.query}" if parts.query else ""))
        assert response.status_code == 200, url
        cards.add(card_tags(response)["image"])
    # One card per published role (each page about a role shows its own), and the site's.
    role_cards = {card for card in cards if "/cards/roles/" in card}
    assert len(role_cards) == len({urlsplit(card).path.rsplit("-", 1)[0] for card in role_cards})
    assert len(cards) - len(role_cards) == 1
    for card in cards:
        assert_card(client, card)


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_user("editor", password="pw", is_staff=True)
    client.force_login(user)
    return client


def test_a_drafts_preview_shows_the_sites_card_as_its_own_does_not_exist(staff_client, site_content):
    Role.objects.filter(slug=ROLE).update(status=Role.Status.DRAFT)
    response = staff_client.get(f"/roles/{ROLE}/career-path/")
    assert response.status_code == 200
    image = card_tags(response)["image"]
    assert urlsplit(image).path.startswith("/cards/site-")
    assert_card(staff_client, image)
    # The draft's card, at any digest, is not there.
    assert staff_client.get(f"/cards/roles/{ROLE}-{'0' * 16}.png").status_code == 404
