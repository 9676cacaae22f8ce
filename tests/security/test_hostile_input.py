"""Whatever a visitor sends, the site answers with a 4xx at worst, never a 5xx.

hypothesis generates requests against every URL pattern of careers/urls.py: path segments (real slugs,
made-up slugs, unicode, %-encodings, dots, null bytes, very long), query strings (the parameters the views
read and random ones), headers (htmx, conditional requests, long user agents, junk cookies) and methods.
The examples are bounded and derandomised, so the run is quick and the same every time; the number of
requests tried is printed at the end of the test session (see conftest.py).
"""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from django.conf import settings as django_settings
from django.http.request import split_domain_port, validate_host
from django.test import Client
from django.urls import Resolver404, URLPattern, resolve
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from .helpers import count_hostile
from .hostile import (
    HYPOTHESIS,
    METHODS,
    PATTERNS,
    ROLES,
    SAFE,
    SKILLS,
    VIEW_PARAMETERS,
    bodies,
    fill,
    header_text,
    headers,
    made_up_slug,
    paths,
    placeholders,
    queries,
    query_pairs,
    real,
)

# --- the checks ---------------------------------------------------------------------------------


def send(method: str, url: str, header_values: dict | None = None, body: bytes = b"", csrf: bool = False):
    header_values = dict(header_values or {})
    content_type = header_values.pop("Content-Type", "application/x-www-form-urlencoded")
    client = Client(enforce_csrf_checks=csrf, raise_request_exception=False)
    count_hostile()
    return client.generic(method, url, data=body, content_type=content_type, headers=header_values)


def matched(response) -> URLPattern | None:
    """The pattern Django routed this request to (by the path it decoded), or None."""
    try:
        match = resolve(response.wsgi_request.path_info)
    except Resolver404:
        return None
    return next((p for p in PATTERNS if p.callback is match.func), None) or match.func


def assert_sane(response, method: str, url: str) -> None:
    where = f"{method} {url[:300]!r} -> {response.status_code}"
    assert response.status_code < 500, where
    target = matched(response)
    if target is None:
        # Nothing matches: not found (or the same path with a slash added, for GET-like requests).
        assert response.status_code in (404, 301), where
    elif isinstance(target, URLPattern):
        if method not in SAFE:
            assert response.status_code == 405, where
            assert set(response["Allow"].replace(" ", "").split(",")) <= set(SAFE), where
        else:
            # 302: the role's "compare with" form; 301: a renamed role, an old social card; 304: a conditional request.
            assert response.status_code in (200, 301, 302, 304, 404), where


@given(
    target=paths(),
    query=st.one_of(st.just(""), queries),
    header_values=headers,
    method=st.sampled_from(METHODS),
    body=bodies,
)
@settings(**HYPOTHESIS)
def test_any_request_to_any_pattern_gets_an_answer_not_an_error(
    site_content, target, query, header_values, method, body
):
    _, path = target
    url = f"{path}?{query}" if query else path
    response = send(method, url, header_values, body if method not in SAFE else b"")
    assert_sane(response, method, url)


@given(target=paths(), query=queries, header_values=headers)
@settings(**HYPOTHESIS)
def test_generated_query_strings_and_headers_on_get(site_content, target, query, header_values):
    _, path = target
    url = f"{path}?{query}"
    response = send("GET", url, header_values)
    assert_sane(response, "GET", url)


@given(target=paths(), method=st.sampled_from(["POST", "PUT", "DELETE", "PATCH"]), body=bodies)
@settings(**{**HYPOTHESIS, "max_examples": 60})
def test_writes_to_public_pages_are_refused_politely(site_content, target, method, body):
    """As a browser meets them: CSRF checks on. A refusal is a 403 or a 405, never a 5xx."""
    _, path = target
    response = send(method, path, body=body, csrf=True)
    assert response.status_code in (403, 404, 405, 301), f"{method} {path[:200]!r} -> {response.status_code}"


@given(pattern=st.sampled_from([p for p in PATTERNS if placeholders(p)]), data=st.data())
@settings(**{**HYPOTHESIS, "max_examples": 60})
def test_an_unknown_slug_is_a_404(site_content, pattern, data):
    names = placeholders(pattern)
    unknown = data.draw(st.sampled_from(names))
    segments = {name: data.draw(st.sampled_from(real(name))) for name in names}
    segments[unknown] = "zz-" + data.draw(made_up_slug)
    response = send(data.draw(st.sampled_from(SAFE)), fill(pattern, segments))
    assert response.status_code == 404, fill(pattern, segments)


@given(pattern=st.sampled_from(PATTERNS), method=st.sampled_from(["POST", "PUT", "DELETE", "PATCH", "OPTIONS"]))
@settings(**{**HYPOTHESIS, "max_examples": 40})
def test_a_method_a_view_does_not_allow_is_a_405(site_content, pattern, method):
    path = fill(pattern, {name: real(name)[0] for name in placeholders(pattern)})
    response = send(method, path)
    assert response.status_code == 405, f"{method} {path}"
    assert "GET" in response["Allow"]


@given(
    host=st.one_of(
        st.from_regex(r"\A[a-z]{1,12}\.(com|in|example|local)\Z"),
        header_text.filter(lambda h: h.strip() != ""),
        st.sampled_from(
            [
                "evil.example:80",
                "testserver.evil.example",
                "127.0.0.1:99999",
                "[::1",
                "a b",
                "testserver@evil",
                "xn--80ak6aa92e.com",
                "localhost\x00.evil",
            ]
        ),
    )
)
@settings(**{**HYPOTHESIS, "max_examples": 60})
def test_a_bad_host_header_is_a_400(site_content, host):
    domain, _ = split_domain_port(host)
    assume(not (domain and validate_host(domain, django_settings.ALLOWED_HOSTS)))
    page = "/roles/"
    Client().get(page)  # the page is in the cache: a bad host must not be answered from there either
    response = send("GET", page, {"Host": host})
    assert response.status_code == 400, repr(host)


@pytest.mark.parametrize("size", [100 * 1024, 1024 * 1024])
def test_a_huge_query_string_gets_a_normal_answer(site_content, size):
    q = ("data scientist " * (size // 15 + 1))[:size]
    response = send("GET", "/roles/?" + urlencode({"q": q}))
    assert response.status_code == 200
    assert b"<h1" in response.content
    # The search box echoes a bounded part of it, not 100 KB.
    assert len(response.content) < 200_000


@pytest.mark.parametrize("fields", [1_001, 10_000])
def test_the_skills_check_reads_a_bounded_number_of_fields(site_content, fields):
    """Django refuses a request with more than 1,000 fields (a 400); the skills check reads its answers from the
    query string itself, up to a bound, so that an address with thousands still gets its page."""
    role = ROLES[0]
    query = "&".join(f"skill={SKILLS[i % len(SKILLS)]}" for i in range(fields)) + "&years=" + "9" * 1000
    response = send("GET", f"/roles/{role}/check/?{query}")
    assert response.status_code == 200
    assert b"the check read the first" in response.content
    assert send("GET", "/roles/?" + query).status_code == 400


@pytest.mark.parametrize(
    "query",
    [
        "&".join(f"title=SDE+{i}" for i in range(10_000)),
        urlencode({"title": "Associate", "employer": "x" * 100_000, "years": "9" * 10_000}),
        urlencode({"title": "S\x00DE II\x00", "employer": "\x00", "years": "\x00"}),
        urlencode({"title": "senior " * 15_000}),
    ],
    ids=["10,000 fields", "huge employer and years", "NUL bytes", "100 KB title"],
)
def test_the_title_translator_takes_any_address(site_content, query):
    """Like the skills check, the translator reads its fields from the query string itself, up to a bound."""
    response = send("GET", f"/titles/?{query}")
    assert response.status_code == 200
    assert b"<h1" in response.content and len(response.content) < 200_000


@pytest.mark.parametrize("size", [100 * 1024, 1024 * 1024])
def test_a_huge_employer_or_location_on_the_salary_page_is_a_404(site_content, size):
    for name in ("employer", "location"):
        response = send("GET", "/roles/machine-learning-engineer/salary/?" + urlencode({name: "x" * size}))
        assert response.status_code == 404, name


def test_every_page_kind_answers_head_like_get(site_content):
    for pattern in PATTERNS:
        path = fill(pattern, {name: real(name)[0] for name in placeholders(pattern)})
        get, head = send("GET", path), send("HEAD", path)
        assert head.status_code == get.status_code, path
        assert (b"".join(head.streaming_content) if head.streaming else head.content) == b"", path


# A null byte, bytes that are not UTF-8, Devanagari, a path climb and markup, in one value (long values
# are among the generated ones).
NASTY_VALUES = ["a%00b%ff%fe%E0%A4%AC..%2F..%3Cscript%3E"]


def test_every_parameter_with_nasty_values_on_every_page(site_content):
    """The grid the generator might miss: each parameter a view reads, with each nasty value, on each page.

    A null byte is the classic one: PostgreSQL refuses it in any text it is asked to compare (a 5xx if it reaches
    a query).
    """
    client = Client(raise_request_exception=False)
    for pattern in PATTERNS:
        path = fill(pattern, {name: real(name)[0] for name in placeholders(pattern)})
        for name in VIEW_PARAMETERS:
            for value in NASTY_VALUES:
                url = f"{path}?{name}={value}"
                count_hostile()
                response = client.get(url)
                assert_sane(response, "GET", url)


@given(fields=query_pairs, method=st.sampled_from(["GET", "POST"]), header_values=headers)
@settings(**{**HYPOTHESIS, "max_examples": 40})
def test_the_admin_login_takes_any_input(db, fields, method, header_values):
    header_values.pop("Content-Type", None)
    response = send(method, "/admin/login/?next=/admin/", header_values, urlencode(fields).encode())
    # 200 (the form again), 302 (to the form), 403 (CSRF), 429 (locked out): never a 5xx.
    assert response.status_code in (200, 302, 403, 429), response.status_code
