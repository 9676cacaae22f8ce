"""A role's old addresses, as the content files give them: old slugs (answered 301) and removed roles (410).

Part of a load (``load.load_content``): added or moved from the files, never deleted by a load; an editor deletes
one in the admin.
"""

from __future__ import annotations

from roles.models import RemovedRole, RoleSlugHistory

from .reader import ContentSet
from .sync import BATCH, LoadReport, chunks, in_chunks


def write_addresses(*, content: ContentSet, role_ids: dict[str, int], report: LoadReport) -> None:
    """Old slugs (301) and removed roles (410) from the files: added or moved, never deleted here."""
    old = {slug: role_ids[rf.doc.slug] for rf in content.roles for slug in rf.doc.old_slugs}
    current = {h.slug: h for h in in_chunks(RoleSlugHistory.objects.all(), "slug", list(old))}
    moved = [h for slug, h in current.items() if h.role_id != old[slug]]
    for h in moved:
        h.role_id = old[h.slug]
    RoleSlugHistory.objects.bulk_update(moved, ["role"], batch_size=BATCH)
    RoleSlugHistory.objects.bulk_create(
        [RoleSlugHistory(slug=slug, role_id=pk) for slug, pk in old.items() if slug not in current], batch_size=BATCH
    )
    report.add("old slugs", len(old) - len(current), len(moved), 0)

    gone = {r.slug: r.title for r in content.removed}
    current_gone = {r.slug: r for r in in_chunks(RemovedRole.objects.all(), "slug", list(gone))}
    retitled = [r for slug, r in current_gone.items() if r.title != gone[slug]]
    for r in retitled:
        r.title = gone[r.slug]
    RemovedRole.objects.bulk_update(retitled, ["title"], batch_size=BATCH)
    RemovedRole.objects.bulk_create(
        [RemovedRole(slug=slug, title=title) for slug, title in gone.items() if slug not in current_gone],
        batch_size=BATCH,
    )
    # A slug that a role file (or an old slug) uses again is no longer gone: it must not answer 410.
    back = [pk for pk in in_chunks(RemovedRole.objects.values_list("pk", flat=True), "slug", [*role_ids, *old])]
    for chunk in chunks(back):
        RemovedRole.objects.filter(pk__in=chunk).delete()
    report.add("removed roles", len(gone) - len(current_gone), len(retitled), len(back))
