"""One log line per request (method, path, status, duration); an error's traceback in the log, never in the page."""

from __future__ import annotations

import io
import logging
import re

import pytest
from django.test import Client

from careers.web.logs import RefusedRequestFilter

LINE = re.compile(r"^(?P<method>[A-Z]+) (?P<path>/\S*) (?P<status>\d{3}) (?P<ms>\d+\.\d)ms$")


def request_lines(caplog) -> list[re.Match]:
    lines = [r.getMessage() for r in caplog.records if r.name == "careers.requests"]
    matches = [LINE.match(line) for line in lines]
    assert all(matches), lines
    return matches


def test_one_line_per_request_whatever_the_answer(two_roles, caplog):
    caplog.set_level(logging.INFO, logger="careers.requests")
    client = Client(raise_request_exception=False)
    etag = client.get("/roles/data-scientist/")["ETag"]
    caplog.clear()
    requests = [
        ("GET", "/roles/", {}, 200),
        ("GET", "/roles/", {}, 200),  # from the page cache
        ("GET", "/roles/data-scientist/", {"If-None-Match": etag}, 304),
        ("HEAD", "/skills/", {}, 200),
        ("GET", "/roles/nobody/", {}, 404),
        ("POST", "/roles/", {}, 405),
        ("GET", "/static/css/site.css", {}, 200),
        ("GET", "/healthz", {}, 200),
        ("GET", "/admin/", {}, 302),
        ("GET", "/roles/?q=" + "x" * 5000, {}, 200),
    ]
    for method, url, headers, status in requests:
        assert client.generic(method, url, headers=headers).status_code == status, url
    lines = request_lines(caplog)
    assert len(lines) == len(requests)
    for line, (method, url, _, status) in zip(lines, requests, strict=True):
        assert (line["method"], line["path"], int(line["status"])) == (method, url.split("?")[0], status)
    # The query string (a visitor's typing, possibly 100 KB) is never logged.
    assert all("?" not in line.group(0) for line in lines)


def test_a_bad_host_is_logged_too(two_roles, caplog):
    caplog.set_level(logging.INFO, logger="careers.requests")
    Client().get("/roles/", headers={"Host": "evil.example"})
    assert [(m["path"], m["status"]) for m in request_lines(caplog)] == [("/roles/", "400")]


@pytest.fixture
def broken_view(monkeypatch):
    """The career-path page's read raises, as a bug would."""

    def boom(*args, **kwargs):
        raise RuntimeError("boom: a bug with a secret-ish detail 0xDEADBEEF")

    monkeypatch.setattr("careers.pages.views.read_career_path", boom)


def test_an_error_goes_to_the_log_with_its_traceback_not_to_the_page(two_roles, broken_view, caplog):
    caplog.set_level(logging.INFO)
    response = Client(raise_request_exception=False).get("/roles/data-scientist/career-path/")
    assert response.status_code == 500
    body = response.content.decode()
    assert "Something went wrong" in body
    for leak in ["boom", "0xDEADBEEF", "Traceback", "RuntimeError", "career_path", ".py"]:
        assert leak not in body, leak
    assert "no-store" in response["Cache-Control"]

    errors = [r for r in caplog.records if r.name == "django.request" and r.levelno == logging.ERROR]
    assert len(errors) == 1
    error = errors[0]
    assert error.exc_info and isinstance(error.exc_info[1], RuntimeError)
    # The formatted record, as the console handler writes it, carries the traceback.
    text = logging.Formatter("%(message)s").format(error)
    assert "Traceback (most recent call last)" in text and "boom" in text and "careers/pages/views.py" in text
    assert [(m["path"], m["status"]) for m in request_lines(caplog)] == [("/roles/data-scientist/career-path/", "500")]


def test_an_error_page_is_never_cached(two_roles, broken_view, monkeypatch):
    client = Client(raise_request_exception=False)
    assert client.get("/roles/data-scientist/career-path/").status_code == 500
    monkeypatch.undo()
    assert client.get("/roles/data-scientist/career-path/").status_code == 200


@pytest.fixture
def security_log():
    """What the site's log handler for refused requests writes, as text (settings.LOGGING, not a copy of it)."""
    (handler,) = [
        h
        for h in logging.getLogger("django.security").handlers
        if any(isinstance(f, RefusedRequestFilter) for f in h.filters)
    ]
    stream = io.StringIO()
    previous = handler.setStream(stream)
    yield stream
    handler.setStream(previous)


@pytest.mark.parametrize(
    "what, path, headers",
    [
        ("bad host", "/roles/", {"Host": "evil.example"}),
        ("too many fields", "/roles/?" + "&".join(f"f{i}=1" for i in range(1500)), {}),
        ("too many fields, admin", "/admin/login/?" + "&".join(f"f{i}=1" for i in range(1500)), {}),
    ],
)
def test_a_refused_request_is_one_warning_line_not_a_traceback(db, security_log, what, path, headers):
    for _ in range(2):
        assert Client().get(path, headers=headers).status_code == 400
    lines = security_log.getvalue().splitlines()
    assert len(lines) == 2, lines  # one line per refused request
    for line in lines:
        assert " WARNING django.security." in line and " ERROR " not in line
        assert f"refused GET {path.split('?')[0]} with 400: " in line
        assert len(line) < 500
    assert "Traceback" not in security_log.getvalue()
