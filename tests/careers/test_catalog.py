"""Home and the catalog: search first, families with their roles, featured paths, by family and A–Z."""

from __future__ import annotations

import pytest

from roles.models import Role
from tests.careers.helpers import zoo_reference
from tests.factories import load_roles, role_doc
from tests.html import element, text_of

pytestmark = pytest.mark.django_db


def test_home_puts_the_search_box_first(client, zoo):
    html = client.get("/").content.decode()
    main = html[html.index("<main") :]
    assert main.index('<form class="search" action="/roles/" method="get"') < main.index("Popular career paths")
    assert 'name="q"' in main and '<label for="q-home">' in main
    assert html.count("<h1") == 1


def test_home_shows_featured_paths_with_pay_and_the_families(client, zoo):
    text = text_of(client.get("/"))
    featured = text.split("Popular career paths", 1)[1].split("Browse by field", 1)[0]
    assert "Data Scientist Data · ₹7L–₹35L /yr in India · 4 levels" in featured
    assert "DevOps Engineer" in featured and "Zebra Keeper" not in featured
    families = text.split("Browse by field", 1)[1]
    for title in ("Aardvark Vet", "Zebra Keeper", "Data Scientist"):
        assert title in families


def test_featured_is_the_editors_flag(client, zoo):
    Role.objects.filter(slug="zebra-keeper").update(featured=True)
    text = text_of(client.get("/"))
    assert "Zebra Keeper" in text.split("Popular career paths", 1)[1].split("Browse by field", 1)[0]


def test_drafts_stay_off_home_and_the_catalog(client, zoo, tmp_path):
    load_roles(tmp_path, role_doc("secret-role", "Secret Role", status="draft", featured=True), ref=zoo_reference())
    for url in ("/", "/roles/", "/roles/?view=az", "/roles/?q=secret"):
        assert b"Secret Role" not in client.get(url).content, url


def test_catalog_by_family_shows_pay_range_and_level_count(client, zoo):
    response = client.get("/roles/")
    assert response.status_code == 200
    text = text_of(response)
    assert "6 roles in 1 field." in text
    assert "Zebra Keeper Data · ₹7L–₹35L /yr in India · 4 levels" in text
    html = response.content.decode()
    assert '<section class="family-block" id="data"' in html
    assert 'href="/roles/zebra-keeper/"' in html


def test_catalog_a_to_z_has_a_letter_index_with_anchors(client, zoo):
    html = client.get("/roles/", {"view": "az"}).content.decode()
    assert '<a href="#letter-z">Z</a>' in html and '<section id="letter-z"' in html
    assert '<span class="muted" title="No roles">Q</span>' in html
    order = [
        html.index(f'href="/roles/{slug}/"') for slug in ("aardvark-vet", "bison-herder", "cat-trainer", "zebra-keeper")
    ]
    assert order == sorted(order)
    assert "Zebra Keeper Data · ₹7L–₹35L /yr in India · 4 levels" in text_of(client.get("/roles/?view=az"))


@pytest.mark.parametrize("view", ["nonsense", "<script>", "AZ", ""])
def test_a_bad_view_falls_back_to_families(client, zoo, view):
    response = client.get("/roles/", {"view": view})
    assert response.status_code == 200
    assert '<section class="family-block" id="data"' in response.content.decode()


def test_catalog_has_one_h1_breadcrumbs_and_no_robots_block(client, zoo):
    html = client.get("/roles/").content.decode()
    assert html.count("<h1") == 1
    assert '<nav class="breadcrumbs"' in html and 'aria-current="page">Roles<' in html
    assert 'name="robots"' not in html


@pytest.mark.parametrize("count", [2, 12])
def test_catalog_and_home_use_a_fixed_number_of_queries_whatever_the_size(
    client, db, tmp_path, view_queries, django_assert_num_queries, count
):
    """The catalog: the families' counts and one page of roles with their levels counted (A–Z: and where each letter
    starts); home: the counts, a few roles a field, the picks (careers.pages.catalog.card_list)."""
    load_roles(tmp_path, *[role_doc(f"role-{i}", f"Role {i}", featured=i % 2 == 0) for i in range(count)])
    for url, queries in (("/roles/", 3), ("/roles/?view=az", 4), ("/roles/?page=2", 3), ("/", 4)):
        with django_assert_num_queries(queries):
            assert client.get(url).status_code == 200


def test_titles_and_descriptions_differ_between_views(client, zoo):
    def head(url: str) -> tuple[str, str]:
        page = client.get(url)
        return element(page, "title").text, element(page, "meta", name="description")["content"]

    heads = [head("/"), head("/roles/"), head("/roles/?view=az"), head("/roles/?q=zebra")]
    assert len({t for t, _ in heads}) == 4 and len({d for _, d in heads}) == 4
