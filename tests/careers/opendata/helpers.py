"""What the open-data tests share: the small catalog's slugs, and a download read whole."""

from __future__ import annotations

import json

import jsonschema

from careers.opendata.schemas import json_schema

PUBLISHED = ["data-scientist", "data-engineer"]
DRAFT = "secret-draft-role"


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def download_json(client, url: str) -> dict:
    response = client.get(url)
    assert response.status_code == 200, url
    return json.loads(body(response))


def valid(data: dict, schema_name: str) -> None:
    """Raise unless ``data`` is valid against the published schema ``schema_name`` (formats checked too)."""
    jsonschema.Draft202012Validator(
        json_schema(schema_name), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    ).validate(data)
