"""Reading a downloaded catalog (``/data/catalog.json``) as content, for ``loadcontent --catalog``.

The catalog is checked as the files are: the same strict JSON reading, the same models (wrapped in ``CatalogDoc``),
then ``content_problems`` when it is loaded. A problem names the file and the JSON path inside it
(``catalog.json: roles[3].levels[0].skills[1]: …``).
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from careers.content import jsondoc
from careers.content.reader import ContentError, ContentSet, Problem, RoleFile, display_path, json_path

from .schemas import CatalogDoc


def read_catalog(path: Path) -> ContentSet:
    """Parse and check the catalog at ``path``; raise ContentError listing every problem."""
    name = display_path(path)
    try:
        text = path.read_bytes().decode("utf-8")
    except OSError as exc:
        raise ContentError([Problem(name, "", f"cannot be read: {exc.strerror or exc}")]) from None
    except UnicodeDecodeError as exc:
        raise ContentError([Problem(name, "", f"is not UTF-8 text (byte {exc.start})")]) from None
    try:
        data, found = jsondoc.loads(text)
    except json.JSONDecodeError as exc:
        reason = f"is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
        raise ContentError([Problem(name, "", reason)]) from None
    if found:
        raise ContentError([Problem(name, where, reason) for where, reason in found])
    try:
        catalog = CatalogDoc.model_validate(data)
    except ValidationError as exc:
        raise ContentError(
            [Problem(name, json_path(err["loc"]), err["msg"].removeprefix("Value error, ")) for err in exc.errors()]
        ) from None
    problems = []
    seen: dict[str, int] = {}
    for i, doc in enumerate(catalog.roles):
        if doc.slug in seen:
            problems.append(
                Problem(name, f"roles[{i}].slug", f"{doc.slug!r} is already used by roles[{seen[doc.slug]}]")
            )
        seen.setdefault(doc.slug, i)
    if problems:
        raise ContentError(problems)
    ref = catalog.reference
    return ContentSet(
        families=ref.families,
        levels=ref.levels,
        skills=ref.skills,
        locations=ref.locations,
        employer_types=ref.employer_types,
        removed=ref.removed,
        titles=ref.titles,
        has_titles=True,
        # A problem in a role is reported against the catalog and the role's place in it.
        roles=[RoleFile(f"{name}: roles[{i}]", doc) for i, doc in enumerate(catalog.roles)],
        roles_dir=f"{name}: roles",
        reference_dir=f"{name}: reference",
    )
