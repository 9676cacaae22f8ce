"""The static files' manifest (staticfiles.json: every collected file and its hashed name) is not served."""

from __future__ import annotations

import pytest
from django.test import Client


@pytest.fixture
def static_root(tmp_path, settings):
    """A STATIC_ROOT as collectstatic leaves it: hashed files, their compressed copies and the manifest."""
    (tmp_path / "css").mkdir()
    (tmp_path / "css" / "site.0123456789ab.css").write_text("body { color: black; }")
    for name in ("staticfiles.json", "staticfiles.json.gz", "staticfiles.json.br"):
        (tmp_path / name).write_bytes(b'{"paths": {"css/site.css": "css/site.0123456789ab.css"}}')
    settings.STATIC_ROOT = tmp_path
    settings.WHITENOISE_USE_FINDERS = False
    return tmp_path


@pytest.mark.parametrize("autorefresh", [False, True], ids=["production", "development"])
def test_the_manifest_is_not_served_but_the_files_are(db, static_root, settings, autorefresh):
    settings.WHITENOISE_AUTOREFRESH = autorefresh
    client = Client()  # a new client loads the middleware with these settings
    assert client.get("/static/css/site.0123456789ab.css").status_code == 200
    for name in ("staticfiles.json", "staticfiles.json.gz", "staticfiles.json.br"):
        response = client.get(f"/static/{name}")
        assert response.status_code == 404, name
        assert b"css/site.0123456789ab.css" not in response.content
