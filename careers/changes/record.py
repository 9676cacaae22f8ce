"""Writing a role's change lines when a revision of it is recorded: the one write of this package.

Revisions of a role are recorded in several places — the loader (in bulk, or through reversion one by one), the
admin's save, history restore and recover (reversion's VersionAdmin), the publish and archive actions — and
reversion sends ``post_revision_commit`` for every one of them, inside the revision's transaction. So the lines
are written from that signal (``careers/apps.py``), by ``record_role_changes``: no path that records a revision
can skip them, and they commit or roll back with it. The one exception is the loader's bulk writer
(``careers/content/revisions.py``): it calls ``record_role_changes`` itself, once per chunk of roles, and sends
the signal for other listeners inside ``recorded_by_caller()``, so that a load costs queries per chunk, not per role.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Max, Subquery
from reversion.models import Revision, Version

from careers.models import ContentVersion
from roles.models import Role

from .derive import changes, changes_of
from .models import RoleChange
from .snapshot import Snapshot, role_snapshot, snapshot

# Set while a writer that records the lines itself, in bulk, sends reversion's signal for other listeners.
_recorded_by_caller: ContextVar[bool] = ContextVar("recorded_by_caller", default=False)


@contextmanager
def recorded_by_caller() -> Iterator[None]:
    """Around a bulk writer's own ``post_revision_commit`` sends, after it called ``record_role_changes``."""
    token = _recorded_by_caller.set(True)
    try:
        yield
    finally:
        _recorded_by_caller.reset(token)


def on_revision_commit(*, revision: Revision, versions: Iterable[Version]) -> None:
    """Reversion's ``post_revision_commit``, for every revision recorded one at a time (careers/apps.py)."""
    if not _recorded_by_caller.get():
        record_role_changes(recorded=[(revision, list(versions))])


def record_role_changes(*, recorded: Sequence[tuple[Revision, Sequence[Version]]]) -> list[RoleChange]:
    """One ``RoleChange`` per role in these revisions that the public may see: "added" for its first public version,
    "changed" with the lines for a change between two public versions; nothing for a draft's or an archived role's
    versions, nor for a save that changed nothing a reader sees.

    In a fixed number of queries, whatever the number of revisions: the roles' previous versions (one), the rows
    of the revisions those belong to (one, only if there are any), the names the lines quote (one per kind of thing
    named, only for what changed), one insert. The revisions must be the newest of
    their roles, their versions saved (as they are when reversion sends ``post_revision_commit``)."""
    role_type = ContentType.objects.get_for_model(Role)
    wanted = [
        (revision, versions, int(version.object_id), version.pk)
        for revision, versions in recorded
        for version in versions
        if version.content_type_id == role_type.pk and version.pk is not None
    ]
    if not wanted:
        return []
    older = _previous_snapshots(role_type, wanted)
    rows: list[RoleChange] = []
    pairs: list[tuple[Snapshot, Snapshot]] = []
    changed: list[tuple[Revision, int]] = []
    for revision, versions, role_id, _ in wanted:
        newer = role_snapshot(versions, role_id)
        if newer is None or not newer.public:
            continue  # a draft's or an archived role's version: nothing public
        before = older.get(role_id)
        if before is None or not before.public:
            rows.append(_row(revision, role_id, RoleChange.Kind.ADDED, []))
            continue
        pairs.append((before, snapshot(versions, role_id)))  # type: ignore[arg-type]  # the role is in them
        changed.append((revision, role_id))
    for (revision, role_id), lines in zip(changed, changes_of(pairs), strict=True):
        if lines:
            rows.append(_row(revision, role_id, RoleChange.Kind.CHANGED, lines))
    # In bulk: no save signal, as the content rows' own saves move the content version on.
    RoleChange.objects.bulk_create(rows, ignore_conflicts=True)
    return rows


def _previous_snapshots(role_type: ContentType, wanted: list) -> dict[int, Snapshot | None]:
    """Each role as its version just before these revisions had it (versions are numbered in the order written, and
    a revision's versions are written together, so every earlier version of these roles has a lower number)."""
    first = min(pk for *_, pk in wanted)
    latest = (
        Version.objects.filter(content_type=role_type, object_id__in={str(r) for _, _, r, _ in wanted}, pk__lt=first)
        .values("object_id")
        .annotate(last=Max("pk"))
        .values_list("last", flat=True)
    )
    revision_of = dict(Version.objects.filter(pk__in=Subquery(latest)).values_list("object_id", "revision_id"))
    if not revision_of:
        return {}
    by_revision: dict[int, list[Version]] = defaultdict(list)
    for version in Version.objects.filter(revision_id__in=set(revision_of.values())):
        by_revision[version.revision_id].append(version)
    return {int(role): snapshot(by_revision[revision], int(role)) for role, revision in revision_of.items()}


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


def _row(revision: Revision, role_id: int, kind: str, lines: list[str]) -> RoleChange:
    return RoleChange(role_id=role_id, revision=revision, recorded_at=revision.date_created, kind=kind, lines=lines)


def _change(revision: Revision, role_id: int, older: Snapshot | None, newer: Snapshot | None) -> RoleChange | None:
    if newer is None or not newer.public:
        return None
    if older is None or not older.public:
        return _row(revision, role_id, RoleChange.Kind.ADDED, [])
    lines = changes(older, newer)
    return _row(revision, role_id, RoleChange.Kind.CHANGED, lines) if lines else None
