"""A save moves on only the pages that show what it changed (careers/web/page_tags.py, invalidation.py); a warm hit
reads nothing but the cache. Run with the local-memory cache and with Redis (REDIS_URL)."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import transaction
from django.urls import reverse

from careers.models import ContentVersion
from careers.web import page_tags
from roles.models import Level, Role, Skill
from salaries.models import Location
from tests.admin.formdata import form_data
from tests.factories import load_roles, role_doc

# Saves move tags on when their transaction commits: the tests' saves must really commit.
pytestmark = pytest.mark.django_db(transaction=True)

A_PATH = "/roles/data-scientist/career-path/"
# Pages that do not show the data scientist: another role's pages, a skill it does not ask for, a move between two
# others, the salary page of another role.
UNRELATED = [
    "/roles/platform-engineer/career-path/",
    "/roles/platform-engineer/career-path/lead/",
    "/roles/platform-engineer/salary/",
    "/roles/platform-engineer/check/",
    "/roles/platform-engineer/to/ml-engineer/",
    "/skills/docker/",
]
# Pages that show it: its own, the lists, a skill it asks for, a role that moves into it, a move out of it.
SHOWING = [
    A_PATH,
    "/roles/data-scientist/",
    "/roles/data-scientist/salary/",
    "/",
    "/roles/",
    "/roles/?q=scientist",
    "/salaries/",
    "/skills/",
    "/skills/python/",
    "/sitemap-roles.xml",
    "/roles/data-engineer/career-path/",
    "/roles/data-scientist/to/data-engineer/",
    "/roles/platform-engineer/",  # the hub's "compare with" picker lists every role
]


@pytest.fixture
def catalog(db, tmp_path, settings):
    """Four roles: the data engineer moves into the data scientist; the platform engineer and the ML engineer
    have nothing to do with it, and the platform engineer asks for two skills it does not (Docker, Spark)."""
    settings.PAGE_CACHE_SHARED = True
    platform = role_doc("platform-engineer", "Platform Engineer")
    platform["levels"][3]["skills"] = ["docker", "spark"]
    engineer = role_doc(
        "data-engineer",
        "Data Engineer",
        relations=[{"to": "data-scientist", "kind": "next", "note": "Some move to models."}],
    )
    load_roles(tmp_path, role_doc("data-scientist", "Data Scientist"), engineer, platform, role_doc("ml-engineer"))
    return Role.objects.get(slug="data-scientist")


def rendered(client, url: str) -> tuple[bool, bytes]:
    """(whether the view rendered it now, its body): a page served from the cache renders no template."""
    response = client.get(url)
    assert response.status_code == 200, url
    return bool(response.templates), response.content


def warm(client, urls: list[str]) -> None:
    for url in urls:
        client.get(url)
    for url in urls:
        assert not rendered(client, url)[0], f"{url} was not cached"


def save_in_admin(admin_client, role: Role, **changes: str) -> None:
    url = reverse("admin:roles_role_change", args=[role.pk])
    data = form_data(admin_client.get(url).content.decode())
    for field, value in changes.items():
        data[field] = [value]
    assert admin_client.post(url, data).status_code == 302


def test_a_saved_role_leaves_the_pages_that_do_not_show_it_cached(client, admin_client, catalog):
    warm(client, UNRELATED + SHOWING)
    save_in_admin(admin_client, catalog, title="Data Sleuth")
    for url in UNRELATED:
        assert rendered(client, url)[0] is False, f"{url} was rendered again"
    for url in SHOWING:
        fresh, body = rendered(client, url)
        assert fresh, f"{url} was served from the cache"
        # The skill list counts roles and the sitemap lists addresses: neither names a role.
        assert url in ("/skills/", "/sitemap-roles.xml") or b"Data Sleuth" in body, url


def test_a_role_that_leaves_a_skill_moves_that_skill_page_on(client, catalog):
    warm(client, ["/skills/mentoring/", "/skills/docker/"])
    row = catalog.role_levels.get(level__slug="lead").level_skills.get(skill__slug="mentoring")
    row.skill = Skill.objects.get(slug="docker")
    row.save()  # changed in place: the role no longer asks for mentoring, and now asks for docker
    fresh, body = rendered(client, "/skills/mentoring/")
    assert fresh and b"Data Scientist" not in body
    fresh, body = rendered(client, "/skills/docker/")
    assert fresh and b"Data Scientist" in body


@pytest.mark.parametrize(
    ("model", "slug", "field", "value"),
    [
        (Skill, "python", "name", "Python 3"),
        (Location, "india", "name", "Bharat"),
        (Level, "lead", "name", "Principal-ish"),
    ],
)
def test_reference_data_reaches_every_page(client, catalog, model, slug, field, value):
    warm(client, UNRELATED + SHOWING)
    row = model.objects.get(slug=slug)
    setattr(row, field, value)
    row.save()
    for url in UNRELATED + SHOWING:
        assert rendered(client, url)[0], f"{url} was served from the cache"


def test_a_warm_hit_runs_no_query(client, catalog, django_assert_num_queries):
    for url in [A_PATH, "/", "/skills/python/", "/roles/data-scientist/"]:
        first = client.get(url)
        with django_assert_num_queries(0):
            again = client.get(url)
        assert again.content == first.content
        with django_assert_num_queries(0):
            assert client.get(url, headers={"if-none-match": again["ETag"]}).status_code == 304


def test_tags_the_cache_lost_mean_a_fresh_render(client, catalog):
    warm(client, [A_PATH])
    cache.delete(page_tags.key(page_tags.role(catalog.pk)))
    assert rendered(client, A_PATH)[0]
    assert not rendered(client, A_PATH)[0]  # stored again under a new token
    cache.delete(page_tags.key(page_tags.SITE))
    assert rendered(client, A_PATH)[0]


def test_a_page_rendered_while_a_save_commits_is_not_stored(client, catalog, monkeypatch):
    real = page_tags.read

    def save_during_render(tags):
        page_tags.move_on([page_tags.role(catalog.pk)])  # a save that committed after the view read its data
        return real(tags)

    monkeypatch.setattr(page_tags, "read", save_during_render)
    assert rendered(client, A_PATH)[0]
    monkeypatch.setattr(page_tags, "read", real)
    assert rendered(client, A_PATH)[0], "the page rendered during the save was stored"


def test_tags_move_on_only_when_the_save_commits(catalog):
    tag = page_tags.role(catalog.pk)
    page_tags.fill([tag])
    before = page_tags.read([tag])[tag]
    with transaction.atomic():
        catalog.summary = "Changed."
        catalog.save()
        assert page_tags.read([tag])[tag] == before, "moved on before the save was visible to other requests"
    assert page_tags.read([tag])[tag] != before


def test_a_bulk_write_moves_every_page_on(client, catalog):
    warm(client, UNRELATED)
    Role.objects.filter(slug="platform-engineer").update(summary="Bulk-written.")  # no signal: loadcontent's way
    ContentVersion.bump()
    fresh, body = rendered(client, "/roles/platform-engineer/career-path/")
    assert fresh and b"Bulk-written." in body


def test_without_a_shared_cache_each_hit_reads_the_content_version(
    client, catalog, settings, django_assert_num_queries
):
    settings.PAGE_CACHE_SHARED = False
    client.get(A_PATH)
    with django_assert_num_queries(1):
        assert client.get(A_PATH).status_code == 200
    # Another process's save: the database moved, this process's cache did not hear of it.
    Role.objects.filter(pk=catalog.pk).update(summary="Saved elsewhere.")
    ContentVersion.bump(every_page=False)
    assert b"Saved elsewhere." in client.get(A_PATH).content


def test_a_change_after_a_rolled_back_savepoint_still_moves_its_tags(catalog):
    platform = Role.objects.get(slug="platform-engineer")
    tags = [page_tags.role(catalog.pk), page_tags.role(platform.pk)]
    page_tags.fill(tags)
    before = page_tags.read(tags)
    with transaction.atomic():
        try:
            with transaction.atomic():
                catalog.summary = "Rolled back."
                catalog.save()
                raise RuntimeError
        except RuntimeError:
            pass
        platform.summary = "Kept."
        platform.save()
    after = page_tags.read(tags)
    assert after[page_tags.role(platform.pk)] != before[page_tags.role(platform.pk)]
