"""Writing a role's change lines when a revision of it is recorded: the one write of this package.

Revisions of a role are recorded in several places — the loader (in bulk, or through reversion one by one), the
admin's save, history restore and recover (reversion's VersionAdmin), the publish and archive actions — and
reversion sends ``post_revision_commit`` for every one of them (the bulk loader sends it itself), inside the
revision's transaction. So the lines are written from that signal (``careers/apps.py``), by
``record_role_changes``: no path that records a revision can skip them, and they commit or roll back with it.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from reversion.models import Revision, Version

from careers.models import ContentVersion
from roles.models import Role

from .derive import changes
from .models import RoleChange
from .snapshot import Snapshot, snapshot


def record_role_changes(*, revision: Revision, versions: Iterable[Version]) -> list[RoleChange]:
    """One ``RoleChange`` per role in the revision that the public may see: "added" for its first public version,
    "changed" with the lines for a change between two public versions; nothing for a draft's or an archived role's
    versions, nor for a save that changed nothing a reader sees."""
    versions = list(versions)
    rows = []
    for version in versions:
        if version._model is not Role or version.pk is None:
            continue
        role_id = int(version.object_id)
        previous = _previous(version)
        older = snapshot(previous.revision.version_set.all(), role_id) if previous else None
        row = _change(revision, role_id, older, snapshot(versions, role_id))
        if row is not None:
            rows.append(row)
    # In bulk: no save signal, so the content version is moved on once, by the content rows' own saves.
    RoleChange.objects.bulk_create(rows, ignore_conflicts=True)
    return rows


def rebuild_role_changes() -> int:
    """Every role's change lines anew from its whole history, in one transaction: for revisions recorded before
    the lines were (an existing database), or after their wording changed. Returns how many were written.
    A command's work (``manage.py recordchanges``), not a page's: it reads each version of each role."""
    role_type = ContentType.objects.get_for_model(Role)
    written = 0
    with transaction.atomic():
        RoleChange.objects.all().delete()
        for role_id in Role.objects.order_by("pk").values_list("pk", flat=True):
            versions = Version.objects.filter(content_type=role_type, object_id=str(role_id))
            older = None
            rows = []
            for version in versions.select_related("revision").order_by("pk"):
                newer = snapshot(version.revision.version_set.all(), role_id)
                row = _change(version.revision, role_id, older, newer)
                if row is not None:
                    rows.append(row)
                older = newer
            written += len(RoleChange.objects.bulk_create(rows))
        ContentVersion.bump()  # cached pages show the lines anew
    return written


def _change(revision: Revision, role_id: int, older: Snapshot | None, newer: Snapshot | None) -> RoleChange | None:
    if newer is None or not newer.public:
        return None
    if older is None or not older.public:
        return RoleChange(
            role_id=role_id, revision=revision, recorded_at=revision.date_created, kind=RoleChange.Kind.ADDED
        )
    lines = changes(older, newer)
    if not lines:
        return None
    return RoleChange(
        role_id=role_id, revision=revision, recorded_at=revision.date_created, kind=RoleChange.Kind.CHANGED, lines=lines
    )


def _previous(version: Version) -> Version | None:
    """The role's version recorded just before this one (versions are numbered in the order they are written)."""
    return (
        Version.objects.filter(content_type_id=version.content_type_id, object_id=version.object_id, pk__lt=version.pk)
        .select_related("revision")
        .order_by("-pk")
        .first()
    )
