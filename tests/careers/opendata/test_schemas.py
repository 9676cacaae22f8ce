"""The published schemas: generated from the content models, versioned, served at a current and a versioned address."""

from __future__ import annotations

import json

import pytest
from jsonschema import ValidationError as SchemaError
from pydantic import ValidationError

from careers.content.schema import RoleDoc
from careers.opendata.schemas import FORMAT_VERSION, SCHEMAS, json_schema

from .helpers import valid

pytestmark = pytest.mark.django_db


def test_every_schema_is_the_models_own(client):
    for name, model in SCHEMAS.items():
        served = json.loads(client.get(f"/data/schema/{FORMAT_VERSION}/{name}.json").content)
        generated = model.model_json_schema(by_alias=True)
        assert served["properties"] == generated["properties"], name
        assert served.get("$defs") == generated.get("$defs"), name
        assert served["$id"].endswith(f"/data/schema/{FORMAT_VERSION}/{name}.json")
        assert served["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_the_current_schema_is_the_versioned_one(client):
    for name in SCHEMAS:
        current = client.get(f"/data/schema/{name}.json")
        assert current.status_code == 200
        assert current["Content-Type"].startswith("application/schema+json")
        assert current.content == client.get(f"/data/schema/{FORMAT_VERSION}/{name}.json").content


@pytest.mark.parametrize("path", ["/data/schema/0.9/role.json", "/data/schema/nothing.json", "/data/schema/1.0/x.json"])
def test_an_unknown_schema_or_version_is_a_404(client, path):
    assert client.get(path).status_code == 404


def test_the_role_schema_refuses_what_the_loader_refuses():
    """The schema says what the model says: a role without a slug, with an unknown key or a bad date fails both."""
    good = {
        "slug": "x",
        "title": "X",
        "family": "data",
        "summary": "S.",
        "body": "B.",
        "levels": [],
    }
    RoleDoc.model_validate(good)
    valid(good, "role")
    for bad in (
        {**good, "colour": "red"},
        {k: v for k, v in good.items() if k != "slug"},
        {**good, "slug": "Not A Slug"},
    ):
        with pytest.raises(ValidationError):
            RoleDoc.model_validate(bad)
        with pytest.raises(SchemaError):
            valid(bad, "role")
    assert json_schema("role")["additionalProperties"] is False
