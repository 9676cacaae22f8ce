"""``loadcontent --catalog``: a catalog is checked like the content files, and a bad one changes nothing."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from roles.models import Role

from .helpers import PUBLISHED, body

pytestmark = pytest.mark.django_db


def downloaded(client, tmp_path: Path) -> dict:
    return json.loads(body(client.get("/data/catalog.json")))


def load(path: Path) -> str:
    err = StringIO()
    with pytest.raises(CommandError, match="the database was not changed"):
        call_command("loadcontent", catalog=path, stdout=StringIO(), stderr=err)
    return err.getvalue()


def test_a_catalog_with_an_unknown_skill_is_refused_naming_the_role(client, with_draft, tmp_path):
    catalog = downloaded(client, tmp_path)
    catalog["roles"][0]["levels"][0]["skills"].append("cobol")
    catalog["roles"][0]["title"] = "Changed Title"
    path = tmp_path / "catalog.json"
    path.write_text(json.dumps(catalog), encoding="utf-8")
    errors = load(path)
    assert "catalog.json: roles[0]" in errors and "cobol" in errors
    assert not Role.objects.filter(title="Changed Title").exists()


def test_a_catalog_of_the_wrong_shape_is_refused_with_its_json_path(client, with_draft, tmp_path):
    catalog = downloaded(client, tmp_path)
    del catalog["roles"][1]["summary"]
    catalog["format_version"] = "9.9"
    path = tmp_path / "catalog.json"
    path.write_text(json.dumps(catalog), encoding="utf-8")
    errors = load(path)
    assert "roles[1].summary" in errors and "format_version" in errors


def test_a_catalog_that_is_not_json_or_names_a_role_twice_is_refused(client, with_draft, tmp_path):
    path = tmp_path / "catalog.json"
    path.write_text("{not json", encoding="utf-8")
    assert "is not valid JSON" in load(path)
    catalog = downloaded(client, tmp_path)
    catalog["roles"].append(catalog["roles"][0])
    path.write_text(json.dumps(catalog), encoding="utf-8")
    assert "already used by roles[" in load(path)


def test_loading_the_downloaded_catalog_again_changes_nothing(client, two_roles, tmp_path):
    path = tmp_path / "catalog.json"
    path.write_bytes(body(client.get("/data/catalog.json")))
    out = StringIO()
    call_command("loadcontent", catalog=path, stdout=out)
    assert "Nothing changed" in out.getvalue()
    assert sorted(Role.objects.published().values_list("slug", flat=True)) == sorted(PUBLISHED)
