"""A card's address: its digest changes with what is drawn (title, levels, pay) and with nothing else."""

import copy

import pytest

from careers.cards.cards import read_site_card
from tests.factories import PAY, bands, load_roles, role_doc

from .helpers import card_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def load(tmp_path):
    """Load this version of the role (and a second role, which no change touches); the role's card afterwards."""

    def load_version(doc: dict):
        load_roles(tmp_path, copy.deepcopy(doc), role_doc("data-engineer", "Data Engineer"))
        return card_of(doc["slug"])

    return load_version


def test_the_card_shows_the_title_the_levels_and_the_pay_at_home_for_all_employers(load):
    card = load(role_doc("data-scientist", "Data Scientist"))
    assert card.title == "Data Scientist"
    assert [rung.name for rung in card.rungs] == ["Entry / Junior", "Mid-level", "Senior", "Lead / Principal / Manager"]
    assert [rung.title for rung in card.rungs][0] == "Junior Data Scientist"
    # The lowest low to the highest high in India (the home location), formatted by salaries.money.
    assert (card.pay, card.where) == ("₹7L–₹35L", "India")
    assert card.path == f"/cards/roles/data-scientist-{card.digest}.png"
    assert card.alt == (
        "Career Paths: the Data Scientist career path. 4 levels: Entry / Junior, Mid-level, Senior and "
        "Lead / Principal / Manager. Pay: ₹7L–₹35L a year in India."
    )


def changed(doc: dict, change: str) -> dict:
    doc = copy.deepcopy(doc)
    if change == "title":
        doc["title"] = "Data Scientist II"
    elif change == "level title":
        doc["levels"][2]["title"] = "Staff Data Scientist"
    elif change == "highest pay":
        doc["salaries"]["bands"] = bands({**PAY, "lead": (28, 31, 40)})
    elif change == "lowest pay":
        doc["salaries"]["bands"] = bands({**PAY, "junior": (6, 9, 12)})
    elif change == "summary":
        doc["summary"] = "Something else entirely."
    elif change == "a median":
        doc["salaries"]["bands"] = bands({**PAY, "mid": (12, 16, 20)})
    elif change == "a skill":
        doc["levels"][0]["skills"] = ["python", "docker"]
    elif change == "what a level does":
        doc["levels"][1]["what_you_do"] = "You own bigger work."
    return doc


@pytest.mark.parametrize("change", ["title", "level title", "highest pay", "lowest pay"])
def test_the_digest_changes_when_what_is_drawn_changes(load, change):
    doc = role_doc("data-scientist", "Data Scientist")
    before = load(doc)
    after = load(changed(doc, change))
    assert after.digest != before.digest
    assert after.path != before.path


@pytest.mark.parametrize("change", ["summary", "a median", "a skill", "what a level does"])
def test_the_digest_stays_when_nothing_drawn_changes(load, change):
    doc = role_doc("data-scientist", "Data Scientist")
    before = load(doc)
    after = load(changed(doc, change))
    assert after == before
    assert after.digest == before.digest


def test_the_same_card_has_the_same_digest_in_every_process(load):
    """The digest is of the data and the renderer, not of anything that differs between servers."""
    card = load(role_doc("data-scientist", "Data Scientist"))
    assert card.digest == card_of("data-scientist").digest
    assert len(card.digest) == 16 and set(card.digest) <= set("0123456789abcdef")


def test_the_site_card_counts_published_roles_and_their_fields(tmp_path):
    load_roles(tmp_path, role_doc("data-scientist"), role_doc("data-engineer"), role_doc("ml-ops", status="draft"))
    card = read_site_card()
    assert (card.role_count, card.family_count) == (2, 1)
    assert card.path == f"/cards/site-{card.digest}.png"
    assert card.alt == (
        "Career Paths: career paths for 2 roles in 1 field, with the work, skills and pay at each level in India."
    )
    load_roles(tmp_path, role_doc("data-scientist"), role_doc("data-engineer"), role_doc("ml-ops"))
    assert read_site_card().digest != card.digest
