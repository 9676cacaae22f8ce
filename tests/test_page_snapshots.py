"""Every kind of page (tools/pages.py), rendered from the real content, is byte for byte the page recorded in
tests/snapshots/. A refactor must leave them all unchanged; a change meant to alter pages records them anew with
`UPDATE_SNAPSHOTS=1 make test PYTEST_ARGS=tests/test_page_snapshots.py` and shows the difference in its diff."""

from __future__ import annotations

import datetime
import os
from pathlib import Path

import pytest
import time_machine

from tools.pages import NOT_FOUND, PAGES, PARTIALS

SNAPSHOTS = Path(__file__).parent / "snapshots"
UPDATE = os.environ.get("UPDATE_SNAPSHOTS") == "1"

CASES = {
    **{name: (path, {}) for name, path in PAGES.items()},
    **{f"partial-{name}": (path, {"HX-Request": "true"}) for name, path in PARTIALS.items()},
    "not-found": (NOT_FOUND, {}),
}


# The day the content is loaded on: a career path says when it was last reviewed (careers.changes).
LOADED_AT = datetime.datetime(2026, 11, 3, 6, 0, tzinfo=datetime.UTC)


@pytest.fixture
def content_loaded_on_a_fixed_day(request, db):
    with time_machine.travel(LOADED_AT, tick=False):
        request.getfixturevalue("site_content")


@pytest.mark.parametrize("name", list(CASES))
def test_page_is_unchanged(client, content_loaded_on_a_fixed_day, name):
    path, headers = CASES[name]
    html = client.get(path, headers=headers).content.decode()
    recorded = SNAPSHOTS / f"{name}.html"
    if UPDATE or not recorded.exists():
        recorded.write_text(html, encoding="utf-8")
        if not UPDATE:
            pytest.fail(f"{recorded.name} was not recorded yet: recorded now, run again")
    assert html == recorded.read_text(encoding="utf-8"), f"{path} differs from tests/snapshots/{recorded.name}"
