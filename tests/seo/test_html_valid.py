"""Every kind of page passes the Nu HTML Checker (vnu-jar from npm, run with Java).

Skipped with a message where Java or the checker is missing; CI (CI=true) refuses to skip.
"""

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

from roles.editing import delete_roles
from roles.models import Role
from tools.pages import NOT_FOUND, PAGES, PARTIALS

VNU = Path(settings.BASE_DIR) / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Every kind of page, each htmx part, the 404 page, and a role taken off the site (410).
CHECKED = {
    **PAGES,
    **{name: (path, {"hx-request": "true"}) for name, path in PARTIALS.items()},
    "not-found": NOT_FOUND,
    "gone": "/roles/research-scientist/",
}


def checker_or_skip() -> list[str]:
    missing = []
    if not shutil.which("java"):
        missing.append("Java (apt-get install default-jre-headless)")
    if not VNU.exists():
        missing.append("vnu-jar (npm install)")
    if missing:
        message = "Nu HTML Checker unavailable: install " + " and ".join(missing)
        if os.environ.get("CI"):
            pytest.fail(message + " — CI requires it")
        pytest.skip(message)
    return ["java", "-jar", str(VNU)]


def test_every_kind_of_page_is_valid_html(client, site_content, tmp_path):
    command = checker_or_skip()
    delete_roles(roles=Role.objects.filter(slug="research-scientist"))
    files = []
    for name, page in CHECKED.items():
        url, headers = page if isinstance(page, tuple) else (page, {})
        response = client.get(url, headers=headers)
        assert response.status_code in (200, 404, 410), url
        html = response.content.decode()
        if headers:
            # A partial is checked inside a page, as the browser will hold it; its <title> (which htmx moves
            # to the document's head) goes to the head.
            title = re.search(r"<title>.*?</title>", html, re.S)
            body = html.replace(title.group(0), "") if title else html
            head = title.group(0) if title else "<title>partial</title>"
            html = f'<!doctype html><html lang="en-IN"><head>{head}</head><body>{body}</body></html>'
        path = tmp_path / f"{name}.html"
        path.write_text(html, encoding="utf-8")
        files.append(str(path))
    result = subprocess.run(
        [*command, "--errors-only", "--format", "json", *files], capture_output=True, text=True, timeout=300
    )
    messages = json.loads(result.stderr or "{}").get("messages", [])
    errors = [
        f"{Path(m.get('url', '')).stem}:{m.get('lastLine')}: {m.get('message')} [{m.get('extract', '').strip()[:80]}]"
        for m in messages
        if m.get("type") == "error"
    ]
    assert not errors, "\n".join(errors)
