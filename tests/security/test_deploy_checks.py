"""Production settings pass Django's deploy checks, and production refuses to start when it is unsafe.

Each case runs in a subprocess: the settings module reads the environment once, at import.
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
STRONG_KEY = secrets.token_urlsafe(64)
# Whatever the developer's shell or CI sets for these is replaced by each case's own values.
OURS = (
    "DJANGO_ENV",
    "DJANGO_DEBUG",
    "DJANGO_SECRET_KEY",
    "DJANGO_ALLOWED_HOSTS",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
)


def run(args: list[str], **env: str) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if k not in OURS}
    environ.update({"DJANGO_SETTINGS_MODULE": "careers.settings", "DJANGO_ENV": "production", **env})
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=environ, capture_output=True, text=True, timeout=120)


def test_check_deploy_reports_nothing_with_the_production_settings():
    result = run(
        ["manage.py", "check", "--deploy", "--fail-level", "DEBUG"],
        DJANGO_SECRET_KEY=STRONG_KEY,
        DJANGO_ALLOWED_HOSTS="careers.example.in",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_the_good_production_settings_are_strict():
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.DEBUG, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS > 0, "
        "s.SECURE_SSL_REDIRECT)"
    )
    result = run(["-c", code], DJANGO_SECRET_KEY=STRONG_KEY, DJANGO_ALLOWED_HOSTS="careers.example.in")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "True", "True", "True", "True"]


UNSAFE = {
    "debug on": (
        dict(DJANGO_DEBUG="1", DJANGO_SECRET_KEY=STRONG_KEY, DJANGO_ALLOWED_HOSTS="careers.example.in"),
        "DJANGO_DEBUG must be off",
    ),
    "no secret key": (dict(DJANGO_ALLOWED_HOSTS="careers.example.in"), "DJANGO_SECRET_KEY must be set"),
    "empty secret key": (
        dict(DJANGO_SECRET_KEY="", DJANGO_ALLOWED_HOSTS="careers.example.in"),
        "DJANGO_SECRET_KEY must be set",
    ),
    "the development key": (
        dict(
            DJANGO_SECRET_KEY="dev-only-insecure-key-do-not-use-in-production",
            DJANGO_ALLOWED_HOSTS="careers.example.in",
        ),
        "DJANGO_SECRET_KEY must be set",
    ),
    "a short key": (
        dict(DJANGO_SECRET_KEY="s3cret-but-short", DJANGO_ALLOWED_HOSTS="careers.example.in"),
        "DJANGO_SECRET_KEY must be set",
    ),
    "a long key of one letter": (
        dict(DJANGO_SECRET_KEY="a" * 80, DJANGO_ALLOWED_HOSTS="careers.example.in"),
        "DJANGO_SECRET_KEY must be set",
    ),
    "no allowed hosts": (dict(DJANGO_SECRET_KEY=STRONG_KEY), "DJANGO_ALLOWED_HOSTS must name the site's hosts"),
    "blank allowed hosts": (
        dict(DJANGO_SECRET_KEY=STRONG_KEY, DJANGO_ALLOWED_HOSTS=" , "),
        "DJANGO_ALLOWED_HOSTS must name the site's hosts",
    ),
}


@pytest.mark.parametrize("case", list(UNSAFE))
def test_production_refuses_to_start_when_unsafe(case):
    env, message = UNSAFE[case]
    # "debug on" goes through manage.py as an operator would; the rest through django.setup() (quicker).
    args = ["manage.py", "check"] if case == "debug on" else ["-c", "import django; django.setup()"]
    result = run(args, **env)
    assert result.returncode != 0
    assert "ImproperlyConfigured: Refusing to start in production:" in result.stderr
    assert message in result.stderr
    # The message names the setting, never its value.
    assert STRONG_KEY not in result.stderr


def test_every_problem_is_named_at_once():
    result = run(["-c", "import django; django.setup()"], DJANGO_DEBUG="true")
    assert result.returncode != 0
    for message in ("DJANGO_DEBUG must be off", "DJANGO_SECRET_KEY must be set", "DJANGO_ALLOWED_HOSTS must name"):
        assert message in result.stderr
