"""Whole-page caching: fast repeats, fresh after any content change, conditional requests, no personal pages."""

import hypothesis
import pytest
from django.core.cache import cache, caches
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished
from django.db import close_old_connections
from django.test import RequestFactory, override_settings
from hypothesis import given
from hypothesis import strategies as st

from careers.models import ContentVersion
from roles.fragments import FRAGMENT_HEADERS
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
    band = SalaryBand.objects.all_employers().get(
        role__slug="data-scientist", level__slug="lead", location__slug="india"
    )
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


# --- whatever htmx headers come first, a plain request gets the whole page -----------------------------

FRAGMENT_URLS = [
    "/roles/",
    "/roles/?q=data",
    "/roles/?view=az",
    "/salaries/",
    "/roles/data-scientist/salary/?location=bengaluru",
]
# "true" as htmx and attackers may spell it: %-encoded (meaningful only with HX-*-URI-AutoEncoded), cased, padded.
ENCODED_TRUE = ["%74rue", "%74%72%75%65", "tru%65"]
TRUTHY = ["true", *ENCODED_TRUE, "TRUE", "True", " true", "true ", "1", "false", ""]
header_text = st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=30)


def optional(values) -> st.SearchStrategy:
    return st.one_of(st.none(), values)


def spelled(name: str) -> st.SearchStrategy:
    """A header name as a client may case it (servers fold the case; the test client too)."""
    return st.sampled_from([name, name.lower(), name.upper()])


htmx_headers = (
    st.fixed_dictionaries(
        {
            "HX-Request": optional(st.one_of(st.sampled_from(TRUTHY), header_text)),
            "HX-Request-URI-AutoEncoded": optional(st.sampled_from(["true", "TRUE", "false", "%74rue"])),
            "HX-History-Restore-Request": optional(st.sampled_from(TRUTHY)),
            "HX-History-Restore-Request-URI-AutoEncoded": optional(st.sampled_from(["true", "false"])),
            "HX-Target": optional(st.one_of(st.sampled_from(["results", "pay", "%72esults"]), header_text)),
            "HX-Current-URL": optional(st.one_of(st.sampled_from(["http://testserver/roles/", "%2F"]), header_text)),
            "HX-Trigger": optional(header_text),
            "HX-Boosted": optional(st.sampled_from(["true", "%74rue"])),
        }
    )
    .flatmap(
        lambda chosen: st.tuples(*(spelled(name).map(lambda s, v=value: (s, v)) for name, value in chosen.items()))
    )
    .map(lambda pairs: {name: value for name, value in pairs if value is not None})
)


def is_whole_page(response) -> bool:
    html = response.content.decode()
    return response.status_code == 200 and "<head>" in html and 'rel="stylesheet"' in html


odd_requests = st.lists(
    st.tuples(st.sampled_from(FRAGMENT_URLS), htmx_headers, st.sampled_from(["GET", "GET", "GET", "HEAD"])),
    min_size=1,
    max_size=6,
)


@hypothesis.settings(
    max_examples=30, deadline=None, suppress_health_check=[hypothesis.HealthCheck.function_scoped_fixture]
)
@given(requests=odd_requests)
def test_htmx_headers_never_change_what_a_plain_request_gets(client, two_roles, requests):
    cache.clear()  # the odd requests come first, as an attacker's would right after a content change
    for url, headers, method in requests:
        first = client.generic(method, url, headers=headers)
        assert first.status_code == 200
        # What the cache answered is what the views render for these headers, uncached.
        with override_settings(PAGE_CACHE_ENABLED=False):
            fresh = client.generic(method, url, headers=headers)
        assert first.content == fresh.content, headers
    for url in FRAGMENT_URLS:
        assert is_whole_page(client.get(url)), (url, requests)


def test_the_poisoning_that_was_found_no_longer_works(client, two_roles):
    """The finding: an encoded HX-Request rendered the fragment, which the cache then stored as the page."""
    encoded = {"HX-Request": "%74rue", "HX-Request-URI-AutoEncoded": "true"}
    fragment = client.get("/roles/", headers=encoded)
    assert "<head>" not in fragment.content.decode()  # django-htmx reads it as an htmx request: the fragment
    assert is_whole_page(client.get("/roles/"))
    # And the other way round: a history restore (the whole page) never becomes the cached fragment.
    client.get(
        "/roles/?q=data",
        headers={
            "HX-Request": "true",
            "HX-History-Restore-Request": "%74rue",
            "HX-History-Restore-Request-URI-AutoEncoded": "true",
        },
    )
    assert "<head>" not in client.get("/roles/?q=data", headers={"HX-Request": "true"}).content.decode()


def test_responses_vary_on_every_header_the_decision_reads(client, two_roles):
    for url in FRAGMENT_URLS:
        vary = client.get(url)["Vary"]
        for header in FRAGMENT_HEADERS:
            assert header in vary, (url, header)


# --- HEAD ------------------------------------------------------------------------------------------------


def test_head_on_a_page_not_yet_cached_says_how_to_cache_it(client, two_roles):
    head = client.head(URL)
    assert head.status_code == 200
    assert head["ETag"] and head["Last-Modified"]
    assert "public" in head["Cache-Control"] and "no-cache" in head["Cache-Control"]
    get = client.get(URL)
    assert get["ETag"] == head["ETag"] and get["Last-Modified"] == head["Last-Modified"]
    assert client.head(URL, headers={"if-none-match": head["ETag"]}).status_code == 304


def wsgi_head(path: str) -> tuple[int, dict, bytes]:
    """A HEAD through Django's WSGI handler, as gunicorn has it answered (the test client drops HEAD bodies itself).

    Its get_response, not the WSGI call, and closed as the test client closes: a request's end would otherwise
    close the test's database connection.
    """
    response = WSGIHandler().get_response(RequestFactory().head(path))
    body = b"".join(response.streaming_content) if response.streaming else response.content
    request_finished.disconnect(close_old_connections)
    try:
        response.close()
    finally:
        request_finished.connect(close_old_connections)
    return response.status_code, dict(response.items()), body


def test_head_sends_the_get_headers_and_no_body(two_roles):
    for _ in ("uncached", "cached"):
        status, headers, body = wsgi_head(URL)
        assert status == 200 and body == b""
        assert int(headers["Content-Length"]) > 1000  # the length of the GET's page
    status, headers, body = wsgi_head("/static/css/site.css")
    assert status == 200 and body == b""


def test_a_history_restore_gets_exactly_the_plain_page(client, two_roles, settings):
    """htmx asks for the whole page on a history restore: byte for byte what a plain request gets (a partial's own
    <title>, for when it is swapped in alone, must not appear inside the page)."""
    settings.PAGE_CACHE_ENABLED = False
    restore = {"HX-Request": "true", "HX-History-Restore-Request": "true"}
    for url in FRAGMENT_URLS:
        assert client.get(url, headers=restore).content == client.get(url).content, url


@pytest.mark.parametrize(
    ("header", "value", "status"),
    [
        ("If-Match", '"not-this-one"', 412),
        ("If-Unmodified-Since", "Mon, 01 Jan 2001 00:00:00 GMT", 412),
        ("If-Modified-Since", "Mon, 01 Jan 2001 00:00:00 GMT", 200),
    ],
)
def test_a_hit_answers_every_precondition(client, two_roles, header, value, status):
    client.get("/roles/")
    response = client.get("/roles/", headers={header: value})
    assert not response.templates  # from the cache
    assert response.status_code == status
