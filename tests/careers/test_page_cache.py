"""Whole-page caching: fast repeats, fresh after any content change, conditional requests, no personal pages."""

from django.core.cache import caches
from django.test import override_settings

from careers.models import ContentVersion
from roles.models import Role, Skill
from salaries.models import SalaryBand

URL = "/roles/data-scientist/career-path/"


def test_a_repeat_visit_is_served_from_the_cache(client, two_roles, django_assert_num_queries):
    first = client.get(URL)
    with django_assert_num_queries(1):  # only the content version
        second = client.get(URL)
    assert second.status_code == 200
    assert second.content == first.content


def test_any_content_change_makes_the_next_request_fresh(client, two_roles):
    assert b"Data Scientists do useful things" in client.get(URL).content
    role = Role.objects.get(slug="data-scientist")
    role.summary = "Rewritten by an editor."
    role.save()
    assert b"Rewritten by an editor." in client.get(URL).content
    # Reference data too: a skill renamed anywhere shows on every page that names it.
    skill = Skill.objects.get(slug="python")
    skill.name = "Python 3"
    skill.save()
    assert b"Python 3" in client.get(URL).content


def test_a_band_change_shows_at_once(client, two_roles):
    client.get(URL)
    band = SalaryBand.objects.get(role__slug="data-scientist", level__slug="lead", location__slug="india")
    band.high = 12_000_000
    band.save()
    assert "₹1.2Cr".encode() in client.get(URL).content


def test_conditional_requests_get_304(client, two_roles):
    response = client.get(URL)
    etag, modified = response["ETag"], response["Last-Modified"]
    assert client.get(URL, headers={"if-none-match": etag}).status_code == 304
    assert client.get(URL, headers={"if-modified-since": modified}).status_code == 304
    ContentVersion.bump()
    assert client.get(URL, headers={"if-modified-since": modified}).status_code in (200, 304)
    Role.objects.filter(slug="data-scientist").update(summary="Changed.")
    ContentVersion.bump()
    changed = client.get(URL, headers={"if-none-match": etag})
    assert changed.status_code == 200
    assert changed["ETag"] != etag


def test_public_pages_say_how_to_cache_them(client, two_roles):
    response = client.get(URL)
    assert "public" in response["Cache-Control"] and "no-cache" in response["Cache-Control"]
    assert "Cookie" not in response.get("Vary", "")
    assert not response.cookies


def test_the_admin_and_sessions_are_never_cached(client, two_roles, admin_user):
    client.force_login(admin_user)
    response = client.get("/admin/")
    assert "public" not in response.get("Cache-Control", "")
    # A visitor with a session bypasses the page cache entirely.
    assert "ETag" not in client.get(URL)


@override_settings(PAGE_CACHE_ENABLED=False)
def test_the_cache_can_be_switched_off(client, two_roles, django_assert_num_queries):
    client.get(URL)
    assert "ETag" not in client.get(URL)


def test_a_cache_server_that_is_down_means_uncached_pages_not_errors(client, two_roles, caplog):
    # Nothing listens on port 1: every cache call fails at once. (Changing CACHES resets the cache handler.)
    down = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:1/0"}}
    with override_settings(CACHES=down):
        assert caches["default"].__class__.__name__ == "RedisCache"
        for _ in range(2):
            response = client.get(URL)
            assert response.status_code == 200
            assert b"Data Scientist career path" in response.content
    assert "page cache unavailable" in caplog.text


def test_partials_and_history_restores_are_cached_apart(client, two_roles):
    url = "/roles/data-scientist/salary/?location=bengaluru"
    full = client.get(url).content
    partial = client.get(url, headers={"hx-request": "true"}).content
    assert partial != full and b"<html" not in partial
    restore = client.get(url, headers={"hx-request": "true", "hx-history-restore-request": "true"})
    assert restore.content == full
