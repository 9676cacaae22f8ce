"""The downloads' formats as pydantic models, and their JSON Schemas, generated from the models (never written by hand).

A role in a download is exactly a content file's document (``careers.content.schema.RoleDoc``), and the catalog's
reference data are the reference files' lists, so a downloaded catalog loads with ``loadcontent --catalog``.
``FORMAT_VERSION`` names the format: a change a reader must know about (a field renamed or removed) raises it, and
the schemas are published under it (``/data/schema/1.0/role.json``) beside the current ones
(``/data/schema/role.json``).
"""

from __future__ import annotations

from typing import Annotated, Literal

from django.conf import settings
from django.urls import reverse
from pydantic import BaseModel, ConfigDict, Field

from careers.content.schema import (
    Document,
    EmployerTypeDoc,
    EmployerTypesFile,
    FamiliesFile,
    FamilyDoc,
    LevelDoc,
    LevelsFile,
    LocationDoc,
    LocationsFile,
    RemovedFile,
    RemovedRoleDoc,
    RoleDoc,
    SkillDoc,
    SkillsFile,
)
from careers.content.title_docs import TitleDoc

FORMAT_VERSION = "1.0"
JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


class Envelope(Document):
    """What every JSON download says about itself: its schema, its format's version, its licence."""

    model_config = ConfigDict(extra="forbid", strict=True, populate_by_name=True)

    schema_url: Annotated[str, Field(alias="$schema")]
    format_version: Literal["1.0"]
    licence: LicenceDoc


class LicenceDoc(Document):
    """The licence of the content in a download, and the credit a reuser gives."""

    name: str
    url: str
    attribution: str


class CatalogReferenceDoc(Document):
    """The reference files' lists, under the names of the files (``fixtures/reference/<name>.json``)."""

    families: list[FamilyDoc]
    levels: list[LevelDoc]
    skills: list[SkillDoc]
    locations: list[LocationDoc]
    employer_types: list[EmployerTypeDoc]
    removed: list[RemovedRoleDoc] = []
    # Job titles as employers use them (fixtures/reference/titles.json), naming published roles only.
    titles: list[TitleDoc] = []


class CatalogDoc(Envelope):
    """The whole published catalog: the reference data and one document per published role."""

    reference: CatalogReferenceDoc
    roles: list[RoleDoc]


class RoleDownloadDoc(Envelope):
    """One published role's document, as ``/roles/<role>.json`` gives it."""

    role: RoleDoc


Envelope.model_rebuild()
CatalogDoc.model_rebuild()
RoleDownloadDoc.model_rebuild()

# name -> model of every published schema: /data/schema/<version>/<name>.json
SCHEMAS: dict[str, type[BaseModel]] = {
    "catalog": CatalogDoc,
    "role-download": RoleDownloadDoc,
    "role": RoleDoc,
    "families": FamiliesFile,
    "levels": LevelsFile,
    "skills": SkillsFile,
    "locations": LocationsFile,
    "employer_types": EmployerTypesFile,
    "removed": RemovedFile,
}

SCHEMA_TITLES: dict[str, str] = {
    "catalog": "The whole catalog (/data/catalog.json)",
    "role-download": "One role's download (/roles/<role>.json)",
    "role": "A role's document (a content file, fixtures/roles/<role>.json)",
    "families": "Role families (reference/families.json)",
    "levels": "Levels (reference/levels.json)",
    "skills": "Skills (reference/skills.json)",
    "locations": "Locations (reference/locations.json)",
    "employer_types": "Kinds of employer (reference/employer_types.json)",
    "removed": "Removed roles (reference/removed.json)",
}


def schema_url(name: str, version: str = FORMAT_VERSION) -> str:
    """The absolute, versioned address of a schema: what a download's ``$schema`` and a schema's ``$id`` say."""
    return settings.SITE_URL + reverse("opendata_schema_version", kwargs={"version": version, "name": name})


def json_schema(name: str) -> dict:
    """The JSON Schema of ``SCHEMAS[name]``, as pydantic generates it, with its dialect, address and title."""
    model = SCHEMAS[name]
    generated = model.model_json_schema(by_alias=True, mode="validation")
    return {
        "$schema": JSON_SCHEMA_DIALECT,
        "$id": schema_url(name),
        **generated,
        "title": SCHEMA_TITLES[name],
        "x-format-version": FORMAT_VERSION,
    }
