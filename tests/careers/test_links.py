"""Every internal link on home, the catalog, a hub, a level page and a move page resolves (real content)."""

from __future__ import annotations

import pytest

from tests.html import internal_links

pytestmark = pytest.mark.django_db

PAGES = [
    "/",
    "/roles/",
    "/roles/?view=az",
    "/roles/?q=data",
    "/roles/?q=machin+lerning",
    "/roles/devops-engineer/",
    "/roles/devops-engineer/career-path/mid/",
    "/roles/devops-engineer/career-path/lead/",
    "/roles/devops-engineer/to/site-reliability-engineer/",
]


def test_every_internal_link_resolves(client, site_content):
    checked: dict[str, int] = {}
    for page in PAGES:
        response = client.get(page)
        assert response.status_code == 200, page
        links = internal_links(response)
        assert links, page
        for link in links:
            if link not in checked:
                checked[link] = client.get(link).status_code
    broken = {link: status for link, status in checked.items() if status != 200}
    assert not broken
    assert len(checked) > 60  # the catalog alone links every role


def test_every_compare_choice_on_a_hub_leads_to_a_move(client, site_content):
    """The picker's roles of the same field, and what typing "engineer" lists: each leads to a move that answers."""
    hub = client.get("/roles/devops-engineer/")
    answer = client.get("/roles/devops-engineer/compare/", {"q": "engineer"})
    moves = [
        href for page in (hub, answer) for href in internal_links(page) if href.startswith("/roles/devops-engineer/to/")
    ]
    assert len(set(moves)) > 10
    for href in set(moves):
        assert client.get(href).status_code == 200, href
    for slug in ("data-engineer", "cloud-engineer"):
        response = client.get("/roles/devops-engineer/", {"to": slug})  # the old picker's addresses still answer
        assert response.status_code == 302
        assert client.get(response["Location"]).status_code == 200, slug
