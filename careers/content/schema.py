"""The fixture format, as pydantic models.

One JSON document per role (``fixtures/roles/<slug>.json``), five shared reference documents
(``fixtures/reference/{families,levels,skills,locations,employer_types}.json``) and, optional, the removed roles
(``fixtures/reference/removed.json``). These models check the shape and
the rules that one document can check alone; rules that span documents (a relation to a role that
exists, a skill in the catalogue) are checked by ``careers.content.validate``.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
# No longer than their database columns: too long is refused here with file and path, not by PostgreSQL mid-load.
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
LevelShortName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=60)]
RoleTitle = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
LevelTitle = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=150)]
Track = Annotated[str, StringConstraints(max_length=150)]
Question = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
Amount = Annotated[int, Field(ge=0, le=10**12)]

SKILL_KINDS = Literal["language", "framework", "tool", "practice", "knowledge", "people"]
RELATION_KINDS = Literal["next", "lateral"]


class Document(BaseModel):
    """Strict by default: an unknown key is a typo, and a typo must not pass silently."""

    model_config = ConfigDict(extra="forbid", strict=True)


def _unique(items: list, key, what: str) -> list:
    seen: set = set()
    for item in items:
        value = key(item)
        if value in seen:
            raise ValueError(f"duplicate {what} {value!r}")
        seen.add(value)
    return items


def _iso_date(value: object) -> object:
    """JSON has no date type: accept an ISO string even in strict mode, and say so when it is not one."""
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{value!r} is not a date in the form YYYY-MM-DD") from None
    return value


# --- shared reference data -------------------------------------------------------------------


class FamilyDoc(Document):
    slug: Slug
    name: Name
    order: int
    description: str = ""


class FamiliesFile(Document):
    families: list[FamilyDoc]

    @field_validator("families")
    @classmethod
    def _unique_slugs(cls, v: list[FamilyDoc]) -> list[FamilyDoc]:
        return _unique(v, lambda f: f.slug, "family slug")


class LevelDoc(Document):
    slug: Slug
    name: Name
    short_name: LevelShortName
    order: int
    min_years: Annotated[int, Field(ge=0, le=60)]
    max_years: Annotated[int, Field(ge=0, le=60)] | None = None

    @model_validator(mode="after")
    def _years_in_order(self) -> LevelDoc:
        if self.max_years is not None and self.max_years <= self.min_years:
            raise ValueError("max_years must be greater than min_years")
        return self


class LevelsFile(Document):
    levels: list[LevelDoc]

    @field_validator("levels")
    @classmethod
    def _unique_slugs(cls, v: list[LevelDoc]) -> list[LevelDoc]:
        _unique(v, lambda x: x.order, "level order")
        return _unique(v, lambda x: x.slug, "level slug")


class SkillDoc(Document):
    slug: Slug
    name: Name
    kind: SKILL_KINDS
    description: Text


class SkillsFile(Document):
    skills: list[SkillDoc]

    @field_validator("skills")
    @classmethod
    def _unique_skills(cls, v: list[SkillDoc]) -> list[SkillDoc]:
        _unique(v, lambda s: s.name.casefold(), "skill name")
        return _unique(v, lambda s: s.slug, "skill slug")


class LocationDoc(Document):
    slug: Slug
    name: Name
    kind: Literal["country", "city"]
    country_code: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]
    order: int


class LocationsFile(Document):
    locations: list[LocationDoc]

    @field_validator("locations")
    @classmethod
    def _unique_slugs(cls, v: list[LocationDoc]) -> list[LocationDoc]:
        return _unique(v, lambda x: x.slug, "location slug")


class EmployerTypeDoc(Document):
    """A kind of employer (salaries.models.EmployerType): bands may be quoted for one."""

    slug: Slug
    name: Name
    description: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
    level_naming: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
    order: int


class EmployerTypesFile(Document):
    employer_types: list[EmployerTypeDoc]

    @field_validator("employer_types")
    @classmethod
    def _unique_slugs(cls, v: list[EmployerTypeDoc]) -> list[EmployerTypeDoc]:
        return _unique(v, lambda x: x.slug, "employer type slug")


class RemovedRoleDoc(Document):
    """A role that was deleted: its URLs answer 410 Gone, so search engines drop them."""

    slug: Slug
    title: RoleTitle


class RemovedFile(Document):
    removed: list[RemovedRoleDoc]

    @field_validator("removed")
    @classmethod
    def _unique_slugs(cls, v: list[RemovedRoleDoc]) -> list[RemovedRoleDoc]:
        return _unique(v, lambda x: x.slug, "removed slug")


# --- one role ----------------------------------------------------------------------------------


class RoleLevelDoc(Document):
    level: Slug
    title: LevelTitle
    what_you_do: Text
    skills: list[Slug] = Field(min_length=1)
    manager_track: Track = ""
    specialist_track: Track = ""

    @field_validator("skills")
    @classmethod
    def _unique_skills(cls, v: list[str]) -> list[str]:
        return _unique(v, lambda s: s, "skill")


class RelationDoc(Document):
    to: Slug
    kind: RELATION_KINDS
    note: str = ""


class BandDoc(Document):
    location: Slug
    level: Slug
    # Absent: the figure for all employers; else the kind of employer the figure is for.
    employer_type: Slug | None = None
    low: Amount
    median: Amount
    high: Amount
    # Only where one band differs from the role's defaults (an editor's correction, say).
    currency: Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")] | None = None
    source: ShortText | None = None
    as_of: dt.date | None = None

    @field_validator("as_of", mode="before")
    @classmethod
    def _parse_date(cls, v: object) -> object:
        return _iso_date(v)

    @model_validator(mode="after")
    def _ordered(self) -> BandDoc:
        if not self.low <= self.median <= self.high:
            raise ValueError(f"pay must satisfy low <= median <= high (got {self.low}, {self.median}, {self.high})")
        return self


class SalariesDoc(Document):
    currency: Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")] = "INR"
    period: Literal["year"] = "year"
    source: ShortText
    as_of: dt.date
    # Employer types that rarely hire the role: shown as such, and asked for no bands.
    rarely_hired_by: list[Slug] = []
    bands: list[BandDoc]

    @field_validator("as_of", mode="before")
    @classmethod
    def _parse_date(cls, v: object) -> object:
        return _iso_date(v)

    @field_validator("rarely_hired_by")
    @classmethod
    def _unique_rarely(cls, v: list[str]) -> list[str]:
        return _unique(v, lambda x: x, "employer type")

    @field_validator("bands")
    @classmethod
    def _unique_bands(cls, v: list[BandDoc]) -> list[BandDoc]:
        _unique([b for b in v if b.employer_type is None], lambda b: (b.location, b.level), "band (location, level)")
        _unique(
            [b for b in v if b.employer_type is not None],
            lambda b: (b.location, b.level, b.employer_type),
            "band (location, level, employer type)",
        )
        return v


class FAQDoc(Document):
    question: Question
    answer: Text


class RoleDoc(Document):
    slug: Slug
    title: RoleTitle
    family: Slug
    status: Literal["draft", "published", "archived"] = "published"
    featured: bool = False
    aliases: list[RoleTitle] = []
    # Slugs the role had before a rename: their URLs answer 301 with the role's own.
    old_slugs: list[Slug] = []
    summary: Text
    body: Text
    levels: list[RoleLevelDoc]
    relations: list[RelationDoc] = []
    salaries: SalariesDoc | None = None
    faqs: list[FAQDoc] = []

    @field_validator("levels")
    @classmethod
    def _unique_levels(cls, v: list[RoleLevelDoc]) -> list[RoleLevelDoc]:
        return _unique(v, lambda x: x.level, "level")

    @field_validator("relations")
    @classmethod
    def _unique_relations(cls, v: list[RelationDoc]) -> list[RelationDoc]:
        return _unique(v, lambda x: x.to, "relation to")

    @field_validator("old_slugs")
    @classmethod
    def _unique_old_slugs(cls, v: list[str]) -> list[str]:
        return _unique(v, lambda x: x, "old slug")

    @field_validator("aliases")
    @classmethod
    def _unique_aliases(cls, v: list[str]) -> list[str]:
        return _unique(v, lambda x: x.casefold(), "alias")

    @model_validator(mode="after")
    def _not_related_to_itself(self) -> RoleDoc:
        for i, rel in enumerate(self.relations):
            if rel.to == self.slug:
                raise ValueError(f"relations[{i}] points at the role itself")
        if self.slug in self.old_slugs:
            raise ValueError(f"old_slugs[{self.old_slugs.index(self.slug)}] is the role's own slug")
        return self
