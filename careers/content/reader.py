"""Reading the fixture files: every problem is reported with its file, the JSON path inside it and why.

Nothing here touches the database; ``careers.content.load`` writes only what this module accepted.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ValidationError

from . import jsondoc
from .schema import (
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
from .title_docs import TitleDoc, TitlesFile

REFERENCE_FILES: dict[str, type[BaseModel]] = {
    "families": FamiliesFile,
    "levels": LevelsFile,
    "skills": SkillsFile,
    "locations": LocationsFile,
    "employer_types": EmployerTypesFile,
}
# A role file bigger than this is a mistake (a pasted dump), not content; refuse it before parsing.
MAX_FILE_BYTES = 2 * 1024 * 1024


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the content: where it is and what is wrong."""

    file: str
    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.file}: {self.path or '(whole document)'}: {self.reason}"


class ContentError(Exception):
    """The content was refused; ``problems`` lists every reason found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass(frozen=True)
class RoleFile:
    path: str
    doc: RoleDoc


@dataclass
class ContentSet:
    """Every document of a content directory, parsed and checked one by one."""

    families: list[FamilyDoc] = field(default_factory=list)
    levels: list[LevelDoc] = field(default_factory=list)
    skills: list[SkillDoc] = field(default_factory=list)
    locations: list[LocationDoc] = field(default_factory=list)
    employer_types: list[EmployerTypeDoc] = field(default_factory=list)
    roles: list[RoleFile] = field(default_factory=list)
    removed: list[RemovedRoleDoc] = field(default_factory=list)
    titles: list[TitleDoc] = field(default_factory=list)
    has_titles: bool = False  # a titles file was there: the titles table follows it
    # Where the role files are, as messages name it (an empty folder is refused, naming it).
    roles_dir: str = "roles"
    reference_dir: str = "reference"


def json_path(loc: tuple) -> str:
    """pydantic's ("levels", 2, "skills", 0) as "levels[2].skills[0]"."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


def display_path(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def parse_file[M: BaseModel](path: Path, model: type[M]) -> tuple[M | None, list[Problem]]:
    name = display_path(path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            return None, [Problem(name, "", f"file is larger than {MAX_FILE_BYTES // 1024} KB")]
        raw = path.read_bytes()
    except OSError as exc:
        return None, [Problem(name, "", f"cannot be read: {exc.strerror or exc}")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, [Problem(name, "", f"is not UTF-8 text (byte {exc.start})")]
    try:
        data, found = jsondoc.loads(text)
    except json.JSONDecodeError as exc:
        return None, [Problem(name, "", f"is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}")]
    if found:
        return None, [Problem(name, path, reason) for path, reason in found]
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        return None, [
            Problem(name, json_path(err["loc"]), err["msg"].removeprefix("Value error, ")) for err in exc.errors()
        ]


def read_content(directory: Path) -> ContentSet:
    """Parse every file under ``directory``; raise ContentError listing all problems, or return them all."""
    content = ContentSet()
    problems: list[Problem] = []
    for name, model in REFERENCE_FILES.items():
        path = directory / "reference" / f"{name}.json"
        if not path.exists():
            problems.append(Problem(display_path(path), "", "file is missing"))
            continue
        doc, found = parse_file(path, model)
        problems += found
        if doc is not None:
            setattr(content, name, getattr(doc, name))

    removed = directory / "reference" / "removed.json"
    if removed.exists():  # optional: content without removed roles need not say so
        doc, found = parse_file(removed, RemovedFile)
        problems += found
        content.removed = doc.removed if doc else []

    titles = directory / "reference" / "titles.json"
    if titles.exists():  # optional: content without job titles need not say so
        doc, found = parse_file(titles, TitlesFile)
        problems += found
        content.titles = doc.titles if doc else []
        content.has_titles = True

    content.roles_dir = display_path(directory / "roles")
    content.reference_dir = display_path(directory / "reference")
    seen: dict[str, str] = {}
    for path in sorted((directory / "roles").glob("*.json")):
        doc, found = parse_file(path, RoleDoc)
        problems += found
        if doc is None:
            continue
        name = display_path(path)
        if doc.slug != path.stem:
            problems.append(Problem(name, "slug", f"{doc.slug!r} does not match the file name {path.name!r}"))
        elif doc.slug in seen:
            problems.append(Problem(name, "slug", f"{doc.slug!r} is already used by {seen[doc.slug]}"))
        seen.setdefault(doc.slug, name)
        content.roles.append(RoleFile(name, doc))

    if problems:
        raise ContentError(problems)
    return content
