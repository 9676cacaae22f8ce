"""Serving the cards: immutable PNGs at addresses with a digest; 301 from an old digest, 404 for drafts."""

import copy
from unittest import mock

import pytest

from careers.cards import views
from careers.cards.cards import read_site_card
from roles.models import Role
from tests.factories import load_roles, role_doc

from .helpers import card_of, image

pytestmark = pytest.mark.django_db


@pytest.fixture
def roles(tmp_path):
    docs = [role_doc("data-scientist", "Data Scientist"), role_doc("ml-engineer", "ML Engineer", status="draft")]
    load_roles(tmp_path, *copy.deepcopy(docs))
    return docs


def test_a_role_card_is_an_immutable_png(client, roles):
    card = card_of("data-scientist")
    response = client.get(card.path)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    assert response["ETag"] == f'"{card.digest}"'
    assert image(response.content).size == (1200, 630)


def test_the_site_card_is_an_immutable_png(client, roles):
    card = read_site_card()
    response = client.get(card.path)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    assert image(response.content).size == (1200, 630)


def test_a_card_is_rendered_once_and_then_read_from_the_cache(client, roles):
    card = card_of("data-scientist")
    with mock.patch.object(views, "role_png", wraps=views.role_png) as render:
        first = client.get(card.path).content
        second = client.get(card.path).content
    assert render.call_count == 1
    assert first == second


def test_revalidation_with_the_etag_is_a_304_and_head_has_no_body(client, roles):
    card = card_of("data-scientist")
    assert client.get(card.path, headers={"If-None-Match": f'"{card.digest}"'}).status_code == 304
    head = client.head(card.path)
    assert head.status_code == 200 and head.content == b"" and int(head["Content-Length"]) > 1000


def test_an_old_digest_moves_to_the_current_card(client, roles, tmp_path):
    old = card_of("data-scientist")
    renamed = copy.deepcopy(roles[0]) | {"title": "Data Scientist II"}
    load_roles(tmp_path, renamed, roles[1])
    current = card_of("data-scientist")
    response = client.get(old.path)
    assert response.status_code == 301
    assert response["Location"] == current.path
    assert "immutable" not in response["Cache-Control"]
    assert client.get(read_site_card().path.replace(read_site_card().digest, "0" * 16)).status_code == 301


@pytest.mark.parametrize(
    "path",
    [
        "/cards/roles/ml-engineer-{digest}.png",  # a draft
        "/cards/roles/no-such-role-{digest}.png",
        "/cards/roles/data-scientist-{digest}x.png",
        "/cards/roles/data-scientist-{short}.png",
        "/cards/roles/data-scientist-{upper}.png",
        "/cards/roles/data-scientist.png",
        "/cards/site-{short}.png",
    ],
)
def test_no_card_for_a_draft_an_unknown_role_or_a_malformed_address(client, roles, path):
    digest = card_of("data-scientist").digest
    url = path.format(digest=digest, short=digest[:8], upper=digest.upper())
    assert client.get(url).status_code == 404


def test_an_archived_roles_card_is_gone_and_the_site_card_no_longer_counts_it(client, roles):
    card, site = card_of("data-scientist"), read_site_card()
    Role.objects.filter(slug="data-scientist").update(status=Role.Status.ARCHIVED)
    assert client.get(card.path).status_code == 404
    assert read_site_card().role_count == site.role_count - 1
    assert client.get(site.path)["Location"] == read_site_card().path


def test_a_card_costs_a_fixed_number_of_queries(client, roles, django_assert_num_queries):
    card = card_of("data-scientist")
    with django_assert_num_queries(3):  # the role, its levels, its bands
        client.get(card.path)
    site = read_site_card()
    with django_assert_num_queries(1):  # the counts
        client.get(site.path)


def test_only_get_and_head(client, roles):
    assert client.post(card_of("data-scientist").path).status_code == 405
