"""A downloaded catalog loads into an empty database with ``loadcontent --catalog`` and gives the same pages."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from reversion.models import Revision

from careers.models import ContentVersion
from roles.models import Level, RemovedRole, Role, RoleFamily, Skill
from salaries.models import EmployerType, Location
from titles.models import JobTitle
from tools.pages import PAGES

from .helpers import body

pytestmark = pytest.mark.django_db

# The HTML pages built from the content (the downloads pages state sizes of files that say where they came from).
CONTENT_PAGES = {name: path for name, path in PAGES.items() if not path.startswith(("/data/", "/about/"))}


def render_all(client) -> dict[str, str]:
    pages = {}
    for name, path in CONTENT_PAGES.items():
        response = client.get(path)
        assert response.status_code == 200, f"{name}: {path}"
        pages[name] = response.content.decode()
    return pages


def empty_the_database() -> None:
    """Every content row gone, as in a database that has only been migrated."""
    Role.objects.all().delete()
    for model in (JobTitle, RemovedRole, Skill, Level, Location, EmployerType, RoleFamily, Revision, ContentVersion):
        model.objects.all().delete()
    assert not Role.objects.exists()


def test_the_downloaded_catalog_loads_into_an_empty_database_and_gives_the_same_pages(
    client, site_content, tmp_path: Path, settings
):
    settings.PAGE_CACHE_ENABLED = False
    before = render_all(client)
    catalog = tmp_path / "catalog.json"
    catalog.write_bytes(body(client.get("/data/catalog.json")))

    empty_the_database()
    assert client.get(CONTENT_PAGES["career-path"]).status_code == 404
    call_command("loadcontent", catalog=catalog, stdout=StringIO())

    after = render_all(client)
    assert after.keys() == before.keys()
    for name in before:
        assert after[name] == before[name], f"{name} differs after the round trip"
    # And the catalog downloaded again is the one loaded.
    assert body(client.get("/data/catalog.json")) == catalog.read_bytes()
