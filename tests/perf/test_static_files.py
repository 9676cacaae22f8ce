"""Static files in production: hashed names, gzip and brotli copies, cached for ever by browsers and CDNs.

collectstatic runs into a temporary STATIC_ROOT with the production storage, and the requests go
through the whole middleware stack, so whitenoise answers exactly as it does behind gunicorn.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.test import override_settings

PRODUCTION_STORAGE = "whitenoise.storage.CompressedManifestStaticFilesStorage"
FOREVER = "max-age=315360000, public, immutable"


def test_production_settings_choose_the_compressed_manifest_storage():
    env = {
        **os.environ,
        "DJANGO_ENV": "production",
        "DJANGO_SECRET_KEY": "x" * 30 + "0123456789abcdefghij",
        "DJANGO_ALLOWED_HOSTS": "example.org",
    }
    env.pop("DJANGO_DEBUG", None)
    code = (
        "from django.conf import settings; "
        "print(settings.STORAGES['staticfiles']['BACKEND'], settings.WHITENOISE_USE_FINDERS)"
    )
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            f"import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'careers.settings'); {code}",
        ],
        env=env,
        cwd=django_settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert out == [PRODUCTION_STORAGE, "False"]


def production_static(root) -> dict:
    return {
        "STATIC_ROOT": root,
        "STORAGES": {**django_settings.STORAGES, "staticfiles": {"BACKEND": PRODUCTION_STORAGE}},
        "WHITENOISE_USE_FINDERS": False,
        "WHITENOISE_AUTOREFRESH": False,
    }


@pytest.fixture(scope="module")
def static_root(tmp_path_factory):
    """collectstatic with the production storage into a temporary STATIC_ROOT, once for this module.

    The admin's files are left out: compressing them takes most of a minute and proves nothing more.
    """
    root = tmp_path_factory.mktemp("static")
    with override_settings(**production_static(root)):
        call_command("collectstatic", interactive=False, verbosity=0, ignore_patterns=["admin"])
    return root


@pytest.fixture
def collected(static_root, settings):
    """The production static settings for this test; returns the manifest's paths (name -> hashed name)."""
    for name, value in production_static(static_root).items():
        setattr(settings, name, value)
    return json.loads((static_root / "staticfiles.json").read_text())["paths"]


def test_collectstatic_writes_hashed_names_with_gzip_and_brotli_copies(collected, settings):
    root = settings.STATIC_ROOT
    for name in ("css/site.css", "django_htmx/htmx-2.min.js", "icons/favicon.svg"):
        hashed = collected[name]
        assert re.fullmatch(re.escape(name.rsplit(".", 1)[0]) + r"\.[0-9a-f]{12}\." + name.rsplit(".", 1)[1], hashed)
        assert (root / hashed).is_file()
    for name in ("css/site.css", "django_htmx/htmx-2.min.js"):
        assert (root / f"{collected[name]}.gz").is_file()
        assert (root / f"{collected[name]}.br").is_file()


@pytest.mark.parametrize("encoding", ["br", "gzip", None])
def test_a_hashed_file_is_served_compressed_and_cached_for_ever(client, collected, encoding):
    headers = {"accept-encoding": encoding} if encoding else {}
    response = client.get(f"/static/{collected['css/site.css']}", headers=headers)
    assert response.status_code == 200
    assert response["Cache-Control"] == FOREVER
    assert response.get("Content-Encoding") == encoding
    assert "Accept-Encoding" in response["Vary"]


def test_pages_link_the_hashed_names(client, collected, two_roles):
    html = client.get("/roles/data-scientist/career-path/").content.decode()
    for name in ("css/site.css", "django_htmx/htmx-2.min.js", "icons/favicon.svg"):
        assert f'"/static/{collected[name]}"' in html
    response = client.get(f"/static/{collected['django_htmx/htmx-2.min.js']}")
    assert response["Cache-Control"] == FOREVER


def test_an_unhashed_name_is_not_cached_for_ever(client, collected):
    """Only a name that changes with its content may be kept for ever; the plain name may change under it."""
    response = client.get("/static/css/site.css")
    assert response.status_code == 200
    assert "immutable" not in response["Cache-Control"]
