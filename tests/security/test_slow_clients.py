"""The production set-up as ``make serve`` starts it (deploy/serve.py: nginx in front of gunicorn), on free ports,
held against slow clients, very long request lines and HEAD requests.

Needs Debian's nginx: without it these tests are skipped with the command that installs it, except in CI
(CI=true or CI_REQUIRE_BROWSER=1, which .ci/run sets), where a missing nginx is a failure. The full 60-second
run of the slow clients is ``python -m bench.slow_clients``.
"""

from __future__ import annotations

import contextlib
import os
import socket
import urllib.parse

import pytest

from bench.slow_clients import get, measure, production_stack
from deploy.serve import find_nginx


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true" or os.environ.get("CI_REQUIRE_BROWSER", "") == "1"


@pytest.fixture(scope="module")
def stack():
    if find_nginx() is None:
        reason = "No nginx: `apt-get install nginx` (Debian package nginx) to run the production set-up's tests"
        if in_ci():
            pytest.fail(f"{reason} (CI does not skip them)", pytrace=False)
        pytest.skip(reason)
    with production_stack(workers=2) as (port, log):
        yield port, log


def raw_request(port: int, request: bytes) -> bytes:
    """Send a request as bytes (however long) and read the whole answer."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        # The server may answer and close before the client has sent everything: then read what it said.
        with contextlib.suppress(OSError):
            sock.sendall(request)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    return answer


def test_slow_clients_do_not_hold_up_normal_requests(stack):
    """50 connections dripping a request head a byte a second: a normal request is not delayed by 100 ms.

    A request over that is timed again at once (bench.slow_clients.timed_requests says why); gunicorn alone, without
    nginx, fails this with every request after the first few waiting until the dripping clients give up.
    """
    port, _ = stack
    result = measure(port, connections=50, seconds=8, retry_over_ms=100)
    print(result.summary())
    assert len(result.during_ms) >= 20
    assert result.worst_delay_ms <= 100, result.summary()


def test_a_100_kb_query_gets_its_page_and_a_longer_line_a_small_414(stack):
    port, log = stack
    query = urllib.parse.urlencode({"q": "data scientist " * 7000})[: 100 * 1024]
    status, body = get(port, f"/roles/?{query}")
    assert status == 200 and b"<head>" in body and b"Search the career paths" in body
    lines_before = log.read_text().count("careers.requests")
    for size in (200 * 1024, 16 * 1024 * 1024):
        answer = raw_request(port, b"GET /roles/?q=" + b"a" * size + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        head, _, body = answer.partition(b"\r\n\r\n")
        assert head.startswith(b"HTTP/1.1 414"), head[:100]
        assert b"That address is too long" in body and len(body) < 2000
        assert b"nginx/" not in answer  # no server version
    # Refused in front: gunicorn, whose parser is slow on long lines, never saw them.
    assert log.read_text().count("careers.requests") == lines_before


def test_head_requests_leave_no_warning_in_the_server_log(stack):
    port, log = stack
    for path in ("/roles/", "/roles/machine-learning-engineer/", "/robots.txt", "/static/css/site.css"):
        answer = raw_request(port, f"HEAD {path} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n".encode())
        assert answer.startswith(b"HTTP/1.1 200"), (path, answer[:100])
    assert "no-body response" not in log.read_text()
