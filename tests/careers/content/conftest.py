"""A writable copy of the real content, and a way to break one thing in it."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from django.conf import settings

from careers.content.reader import ContentError, Problem, read_content
from careers.content.validate import content_problems, editorial_problems

FIXTURES = Path(settings.CONTENT_DIR)


def role_files() -> list[Path]:
    return sorted((FIXTURES / "roles").glob("*.json"))


def all_problems(directory: Path) -> list[Problem]:
    """What ``checkcontent`` reports, without a database: the per-file (schema) problems, else the refusals
    and the completeness targets not met."""
    try:
        content = read_content(directory)
    except ContentError as exc:
        return exc.problems
    return content_problems(content, None) + editorial_problems(content)


def listing(problems: list[Problem]) -> str:
    return "\n".join(str(p) for p in problems) or "(no problems)"


class ContentCopy:
    """fixtures/ copied to a temporary directory, with one-line edits of its JSON documents."""

    def __init__(self, root: Path):
        self.root = root

    def edit(self, name: str, change: Callable[[dict], object]) -> None:
        """Apply ``change`` to the document ``name`` ("roles/x.json", "reference/skills.json") in place."""
        path = self.root / name
        doc = json.loads(path.read_text(encoding="utf-8"))
        change(doc)
        path.write_text(json.dumps(doc, indent=2, ensure_ascii=False), encoding="utf-8")

    def read(self, name: str) -> dict:
        return json.loads((self.root / name).read_text(encoding="utf-8"))


@pytest.fixture
def content_copy(tmp_path) -> ContentCopy:
    root = tmp_path / "fixtures"
    shutil.copytree(FIXTURES, root)
    return ContentCopy(root)
