"""Every internal link on home, the catalog, a hub, a level page and a move page resolves (real content)."""

from __future__ import annotations

import pytest

from roles.models import Role
from tests.html import element, internal_links

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
    html = client.get("/roles/devops-engineer/").content.decode()
    choices = [option["value"] for option in element(html, "select", name="to").find_all("option") if option["value"]]
    assert len(choices) == Role.objects.published().count() - 1
    for slug in choices:
        response = client.get("/roles/devops-engineer/", {"to": slug})
        assert response.status_code == 302
        assert client.get(response["Location"]).status_code == 200, slug
