"""What the security tests share: the production security settings (the pages come from tools/pages.py).

The production values are read from the real settings module (imported in a subprocess with
DJANGO_ENV=production), so the tests check what production runs, not a copy of it.
"""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from .helpers import HOSTILE_REQUESTS

ROOT = Path(__file__).resolve().parents[2]


# Settings that decide the security of a response; read from production, applied to the test process.
SECURITY_SETTINGS = [
    "SECURE_CSP",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY",
    "SECURE_CROSS_ORIGIN_OPENER_POLICY",
    "PERMISSIONS_POLICY",
    "X_FRAME_OPTIONS",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_SSL_REDIRECT",
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "SESSION_COOKIE_SAMESITE",
    "CSRF_COOKIE_SECURE",
    "CSRF_COOKIE_HTTPONLY",
    "CSRF_COOKIE_SAMESITE",
]


@pytest.fixture(scope="session")
def production_security_settings() -> dict:
    code = (
        "import json, django; django.setup(); from django.conf import settings as s; "
        f"print(json.dumps({{name: getattr(s, name) for name in {SECURITY_SETTINGS!r}}}))"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "SECURE_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="careers.settings",
        DJANGO_ENV="production",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(64),
        DJANGO_ALLOWED_HOSTS="testserver",
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    # JSON turned tuples into lists; Django wants the proxy header as a pair.
    if values["SECURE_PROXY_SSL_HEADER"]:
        values["SECURE_PROXY_SSL_HEADER"] = tuple(values["SECURE_PROXY_SSL_HEADER"])
    return values


@pytest.fixture
def production(settings, production_security_settings) -> dict:
    """The test process with production's security settings (static files and database stay the test's)."""
    for name, value in production_security_settings.items():
        setattr(settings, name, value)
    return production_security_settings


def pytest_terminal_summary(terminalreporter):
    """How many hostile requests were tried (tests/security/helpers.py counts them)."""
    if HOSTILE_REQUESTS[0]:
        terminalreporter.write_sep("-", f"hostile input: {HOSTILE_REQUESTS[0]} generated requests tried")
