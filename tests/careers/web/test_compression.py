"""Compressed responses: which coding a client gets, that a cached page is compressed once, that ETags, 304s,
Vary and HEAD stay right for each coding, and that nothing carrying a secret is compressed (BREACH)."""

from __future__ import annotations

import gzip

import brotli
import pytest
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.template import engines
from django.test import Client, RequestFactory
from hypothesis import given
from hypothesis import strategies as st

from careers.web import compression
from careers.web.compression import CompressionMiddleware, negotiate

URL = "/roles/data-scientist/career-path/"
DECODE = {"br": brotli.decompress, "gzip": gzip.decompress}


@pytest.mark.parametrize(
    ("header", "coding"),
    [
        (None, None),  # an old client that names nothing gets the body as it is
        ("", None),
        ("gzip, deflate, br, zstd", "br"),  # a browser
        ("gzip, deflate", "gzip"),  # a crawler, curl --compressed
        ("deflate", None),
        ("br;q=1.0, gzip;q=1.0", "br"),  # equal: brotli
        ("gzip;q=1, br;q=0.5", "gzip"),
        ("GZIP", "gzip"),
        ("x-gzip", "gzip"),
        (" br ; q=0.9 ,gzip;q=0.8", "br"),
        ("br;q=0, gzip", "gzip"),
        ("br;q=0, gzip;q=0", None),
        ("*", "br"),
        ("*;q=0.5, br;q=0", "gzip"),
        ("*;q=0", None),
        ("identity", None),
        ("identity;q=0", None),  # nothing acceptable: the body as it is, not a 406
        ("identity;q=0, *;q=0", None),
        ("identity;q=0, gzip", "gzip"),
        ("identity, gzip", "gzip"),  # equal: a coding before the identity
        ("identity;q=1, gzip;q=0.5", None),  # the client prefers the identity
        ("gzip;q=0.5", "gzip"),
        ("br;q=abc, gzip", "gzip"),  # a malformed weight: that element is ignored
        ("br;q=2, gzip", "gzip"),
        ("br;q=0.0001, gzip;q=0.001", "gzip"),
        ("br;level=3;q=0.7, gzip;q=0.6", "br"),
        (",,;, ;q=1", None),
        ("gzip;q=0, gzip;q=1", "gzip"),  # named twice: the kinder weight
    ],
)
def test_negotiation(header, coding):
    assert negotiate(header) == coding


@given(st.text(alphabet=st.sampled_from("brgzipdeflatx*;q=0.19, \t-"), max_size=60) | st.text(max_size=60))
def test_any_header_gets_an_answer(header):
    assert negotiate(header) in ("br", "gzip", None)


def test_an_etag_made_further_in_gets_its_coding():
    request = RequestFactory().get("/", headers={"accept-encoding": "gzip"})
    response = CompressionMiddleware(lambda r: HttpResponse("<p>Text.</p>" * 50, headers={"ETag": '"v1"'}))(request)
    assert (response["Content-Encoding"], response["ETag"]) == ("gzip", '"v1-gzip"')
    assert compression.coded_etag('W/"v1"', "br") == 'W/"v1-br"'


def get(client, url=URL, coding=None, **headers):
    if coding:
        headers["accept-encoding"] = coding
    return client.get(url, headers=headers)


def body(response) -> bytes:
    coding = response.get("Content-Encoding")
    return DECODE[coding](response.content) if coding else response.content


@pytest.mark.parametrize("cached", [True, False], ids=["cached", "uncached"])
def test_each_coding_decompresses_to_the_same_page(client, two_roles, settings, cached):
    settings.PAGE_CACHE_ENABLED = cached
    plain = get(client)
    assert not plain.has_header("Content-Encoding")
    assert plain.content.startswith(b"<!doctype html>")
    for coding in ("br", "gzip"):
        response = get(client, coding=coding)
        assert response["Content-Encoding"] == coding
        assert int(response["Content-Length"]) == len(response.content) < len(plain.content) / 3
        assert body(response) == plain.content
        assert response["Vary"] == plain["Vary"]
    assert "Accept-Encoding" in plain["Vary"]


def test_vary_keeps_what_the_view_said(client, two_roles):
    for coding in ("br", None):
        vary = {v.strip() for v in get(client, "/roles/data-scientist/salary/", coding=coding)["Vary"].split(",")}
        assert {"Accept-Encoding", "HX-Request"} <= vary


def test_a_warm_hit_compresses_nothing(client, two_roles, monkeypatch):
    calls = []
    real = compression.compress

    def spy(content, coding):
        calls.append(coding)
        return real(content, coding)

    monkeypatch.setattr(compression, "compress", spy)
    get(client, coding="br")
    assert sorted(calls) == ["br", "gzip"]  # once per coding, when the page is stored
    calls.clear()
    for coding in ("br", "gzip", None, "br"):
        assert get(client, coding=coding).get("Content-Encoding") == coding
    assert calls == []


def test_each_coding_has_its_own_etag_and_304(client, two_roles):
    responses = {coding: get(client, coding=coding) for coding in ("br", "gzip", None)}
    etags = {coding: response["ETag"] for coding, response in responses.items()}
    assert len(set(etags.values())) == 3
    assert etags["br"] == etags[None][:-1] + '-br"'
    for coding, etag in etags.items():
        revalidated = get(client, coding=coding, if_none_match=etag)
        assert revalidated.status_code == 304, coding
        assert revalidated["ETag"] == etag
        assert "Accept-Encoding" in revalidated["Vary"]
    # A copy in another coding is not the one asked for: the whole page, in the coding asked for.
    other = get(client, coding="gzip", if_none_match=etags["br"])
    assert other.status_code == 200 and other["Content-Encoding"] == "gzip"
    assert get(client, coding="br", if_none_match=f"{etags['gzip']}, {etags['br']}").status_code == 304


@pytest.mark.parametrize("cached", [True, False], ids=["cached", "uncached"])
@pytest.mark.parametrize("coding", ["br", "gzip", None])
def test_head_gets_the_get_headers_of_its_coding(client, two_roles, settings, cached, coding):
    settings.PAGE_CACHE_ENABLED = cached
    headers = {"accept-encoding": coding} if coding else {}
    head = client.head(URL, headers=headers)
    got = client.get(URL, headers=headers)
    assert head.content == b""
    for name in ("Content-Encoding", "Content-Length", "ETag", "Vary", "Content-Type"):
        assert head.get(name) == got.get(name), name
    assert int(head["Content-Length"]) == len(got.content)


def test_other_text_is_compressed_and_small_bodies_are_not(client, two_roles):
    sitemap = get(client, "/sitemap-roles.xml", coding="br")
    assert sitemap["Content-Encoding"] == "br"
    assert brotli.decompress(sitemap.content).startswith(b"<?xml")
    assert get(client, "/roles/no-such-role/", coding="gzip")["Content-Encoding"] == "gzip"  # the 404 page
    robots = get(client, "/robots.txt", coding="br")
    assert len(robots.content) < compression.MIN_LENGTH and not robots.has_header("Content-Encoding")
    assert not get(client, "/favicon.ico", coding="br").has_header("Content-Encoding")


def test_the_admin_login_page_is_never_compressed(client, db):
    for coding in ("br", "gzip", "*"):
        response = get(client, "/admin/login/?next=/admin/", coding=coding)
        assert response.status_code == 200
        assert b"csrfmiddlewaretoken" in response.content
        assert not response.has_header("Content-Encoding")


def render_form(request) -> HttpResponse:
    """A public page with a form, as any view with {% csrf_token %} would render it."""
    template = engines["django"].from_string("<form method=post>{% csrf_token %}" + "<p>Some text.</p>" * 50)
    return HttpResponse(template.render({}, request))


@pytest.mark.parametrize(
    ("make", "secret"),
    [
        (lambda request: HttpResponse("<p>Public text.</p>" * 50), False),
        (render_form, True),
        (lambda request: (get_token(request), HttpResponse("<p>Public text.</p>" * 50))[1], True),
        (lambda request: set_cookie(HttpResponse("<p>Public text.</p>" * 50)), True),
        (lambda request: private(HttpResponse("<p>Public text.</p>" * 50)), True),
    ],
    ids=["public", "csrf-form", "csrf-token-made", "cookie", "private"],
)
def test_nothing_that_carries_a_secret_is_compressed(make, secret):
    request = RequestFactory().get("/somewhere/", headers={"accept-encoding": "br, gzip"})
    response = CompressionMiddleware(make)(request)
    assert response.has_header("Content-Encoding") is not secret


def test_a_request_with_a_session_is_not_compressed():
    request = RequestFactory().get("/roles/", headers={"accept-encoding": "br"})
    request.COOKIES["sessionid"] = "abc"
    response = CompressionMiddleware(lambda r: HttpResponse("<p>Hello, editor.</p>" * 50))(request)
    assert not response.has_header("Content-Encoding")


def set_cookie(response: HttpResponse) -> HttpResponse:
    response.set_cookie("seen", "1")
    return response


def private(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "private"
    return response


def test_a_coded_or_negotiated_response_is_left_alone():
    request = RequestFactory().get("/", headers={"accept-encoding": "br"})
    coded = HttpResponse(gzip.compress(b"x" * 500), headers={"Content-Encoding": "gzip"})
    assert CompressionMiddleware(lambda r: coded)(request).content == coded.content
    image = HttpResponse(b"\x89PNG" + b"x" * 500, content_type="image/png")
    assert not CompressionMiddleware(lambda r: image)(request).has_header("Content-Encoding")


def test_static_files_keep_whitenoise_coding(db):
    response = Client().get("/static/css/site.css", headers={"accept-encoding": "br, gzip"})
    assert response.status_code == 200
    assert response.streaming  # whitenoise's own file response, which the middleware never sees
