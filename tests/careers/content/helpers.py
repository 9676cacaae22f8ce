"""What the content tests share: the real content's place and role files, the problems checkcontent would list,
a writable copy of the content with one-line edits, and a snapshot of every row the loader can write."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from reversion.models import Version

from careers.content.reader import ContentError, Problem, read_content
from careers.content.validate import content_problems, editorial_problems
from careers.models import FAQ, ContentVersion
from roles.models import (
    Level,
    RemovedRole,
    Role,
    RoleAlias,
    RoleFamily,
    RoleLevel,
    RoleLevelSkill,
    RoleRelation,
    RoleSlugHistory,
    Skill,
)
from salaries.models import EmployerType, Location, RarelyHiring, SalaryBand

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


CONTENT_MODELS = [
    RemovedRole,
    RoleSlugHistory,
    Version,
    RoleFamily,
    Level,
    Skill,
    Location,
    EmployerType,
    Role,
    RoleAlias,
    RoleLevel,
    RoleLevelSkill,
    RoleRelation,
    SalaryBand,
    RarelyHiring,
    FAQ,
    ContentVersion,
]


def snapshot() -> dict[str, list[str]]:
    """Every row the loader can write, as plain values, to compare before and after."""
    return {m.__name__: sorted(map(str, m.objects.values_list())) for m in CONTENT_MODELS}
