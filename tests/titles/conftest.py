import json
from pathlib import Path

import pytest
from django.conf import settings

from roles.models import Level
from salaries.models import EmployerType
from tests.admin.conftest import editor, editor_client  # noqa: F401  (the admin's editors, for the title screen)
from titles.models import JobTitle


@pytest.fixture(scope="session")
def known_titles():
    """Every title of the real content as unsaved rows (no database: the matching is pure, and quick to test)."""
    reference = Path(settings.CONTENT_DIR) / "reference"
    levels = {
        d["slug"]: Level(pk=i + 1, **d)
        for i, d in enumerate(json.loads((reference / "levels.json").read_text())["levels"])
    }
    types = {
        d["slug"]: EmployerType(pk=i + 1, **d)
        for i, d in enumerate(json.loads((reference / "employer_types.json").read_text())["employer_types"])
    }
    titles = []
    for i, d in enumerate(json.loads((reference / "titles.json").read_text())["titles"]):
        t = JobTitle(pk=i + 1, slug=d["slug"], name=d["name"], note=d.get("note", ""), order=d.get("order", 0))
        t.level = levels[d["level"]]
        t.employer_type = types[d["employer_type"]] if d.get("employer_type") else None
        titles.append(t)
    return titles
