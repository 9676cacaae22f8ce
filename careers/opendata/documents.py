"""The JSON downloads: the whole catalog, streamed role by role, and one role's document.

Only published roles are in them: a draft or an archived role is absent, and so is a move to one (a move the site
does not show either), so the catalog loads as it is. The catalog's roles are read in chunks of plain rows
(``role_rows``), so it streams at any size with a worker's memory bounded by a chunk, not by the catalog.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from careers.content.export import document_data, reference_documents, role_documents
from careers.content.schema import RoleDoc
from careers.content.titles_sync import titles_document
from roles.models import Role

from .licence import licence_data
from .role_rows import published_role_data
from .schemas import FORMAT_VERSION, schema_url

# Roles read per chunk for a role's download (the roles and their prefetches).
ROLE_CHUNK = 200
# Bytes gathered before a piece of the stream is handed to the server: fewer, larger writes.
STREAM_PIECE = 64 * 1024


def envelope(schema: str) -> dict:
    return {"$schema": schema_url(schema), "format_version": FORMAT_VERSION, "licence": licence_data()}


def published_documents(roles=None) -> Iterator[RoleDoc]:
    """Each published role's document (of ``roles``, else all), its moves kept only to published roles."""
    published = set(Role.objects.published().values_list("slug", flat=True))
    base = Role.objects.published() if roles is None else roles.published()
    for doc in role_documents(base.order_by("slug"), chunk_size=ROLE_CHUNK):
        if any(rel.to not in published for rel in doc.relations):
            doc = doc.model_copy(update={"relations": [rel for rel in doc.relations if rel.to in published]})
        yield doc


def reference_data() -> dict:
    """The reference files' lists, keyed as ``CatalogReferenceDoc`` has them; job titles name published roles only
    (a title naming a draft would not load without it)."""
    data = {name: getattr(document, name) for name, document in reference_documents().items()}
    published = set(Role.objects.published().values_list("slug", flat=True))
    data["titles"] = [
        title.model_copy(update={"roles": [slug for slug in title.roles if slug in published]})
        for title in titles_document().titles
    ]
    return data


def catalog_chunks() -> Iterator[bytes]:
    """The catalog as JSON, in pieces: the envelope and reference data first, then one role a line."""
    head = envelope("catalog")
    head["reference"] = {
        name: [item.model_dump(mode="json") for item in items] for name, items in reference_data().items()
    }
    text = json.dumps(head, ensure_ascii=False, separators=(",", ":"))
    # The roles go last, so the envelope is written whole and the roles follow as they are read.
    buffer = [text[:-1] + ',"roles":[\n']
    size = len(buffer[0])
    first = True
    published = set(Role.objects.published().values_list("slug", flat=True))
    for data in published_role_data(published):
        line = ("" if first else ",\n") + json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        first = False
        buffer.append(line)
        size += len(line)
        if size >= STREAM_PIECE:
            yield "".join(buffer).encode()
            buffer, size = [], 0
    buffer.append("\n]}\n")
    yield "".join(buffer).encode()


def role_download(slug: str) -> bytes | None:
    """One published role's download, or None when no published role has that slug."""
    doc = next(published_documents(Role.objects.filter(slug=slug)), None)
    if doc is None:
        return None
    data = envelope("role-download") | {"role": document_data(doc)}
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode()
