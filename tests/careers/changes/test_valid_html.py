"""The career path with its changes listed, and /changes/ with entries and pages, pass the Nu HTML Checker (the page
snapshots and tests/seo check them as the real content has them: no changes yet)."""

import json
import subprocess
from pathlib import Path

from careers.changes.models import RoleChange
from tests.seo.test_html_valid import checker_or_skip


def test_pages_with_changes_are_valid_html(client, changed, tmp_path):
    command = checker_or_skip()
    change = RoleChange.objects.get(kind="changed")
    RoleChange.objects.bulk_create(
        RoleChange(role=change.role, recorded_at=change.recorded_at, kind="changed", lines=change.lines)
        for _ in range(25)
    )  # more than a page of /changes/, so that it has links to other pages
    files = []
    for name, url in {"career-path": "/roles/data-scientist/career-path/", "changes": "/changes/?page=2"}.items():
        response = client.get(url)
        assert response.status_code == 200
        path = tmp_path / f"{name}.html"
        path.write_bytes(response.content)
        files.append(str(path))
    result = subprocess.run(
        [*command, "--errors-only", "--format", "json", *files], capture_output=True, text=True, timeout=300
    )
    messages = json.loads(result.stderr or "{}").get("messages", [])
    errors = [f"{Path(m.get('url', '')).stem}:{m.get('lastLine')}: {m.get('message')}" for m in messages]
    assert not errors, "\n".join(errors)
