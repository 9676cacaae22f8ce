"""Loading job titles into the database and writing them back: the titles half of ``load`` and ``export``.

A load makes the titles table match ``titles.json`` when the file is there (titles not in it are deleted: the
file is the whole list); without the file, titles are left alone.
"""

from __future__ import annotations

from typing import Any

from roles.models import Role
from titles.models import JobTitle

from .reader import ContentSet
from .sync import Syncer
from .title_docs import TitleDoc, TitlesFile


def write_titles(*, content: ContentSet, sync: Syncer, references: dict[str, dict]) -> None:
    """Titles, their roles and their next titles, as ``content`` says; ``references`` maps "levels", "families"
    and "employer_types" to the rows the load has just written (slug -> row)."""
    if not content.has_titles:
        return
    levels, families, employer_types = references["levels"], references["families"], references["employer_types"]
    docs = content.titles
    rows = sync.upsert(
        JobTitle,
        "job titles",
        "slug",
        {
            t.slug: dict(
                name=t.name,
                level_id=levels[t.level].pk,
                employer_type_id=employer_types[t.employer_type].pk if t.employer_type else None,
                family_id=families[t.family].pk if t.family else None,
                note=t.note,
                order=t.order,
            )
            for t in docs
        },
    )
    stale = JobTitle.objects.exclude(slug__in=[t.slug for t in docs])
    deleted = stale.count()
    if deleted:
        stale.delete()
        sync.report.counts["job titles"][2] = deleted
    changed_next = []
    for t in docs:
        want = rows[t.next].pk if t.next else None
        if rows[t.slug].next_title_id != want:
            rows[t.slug].next_title_id = want
            changed_next.append(rows[t.slug])
    if changed_next:
        JobTitle.objects.bulk_update(changed_next, ["next_title"])
        sync.report.counts["job titles"][1] += len(changed_next)
    role_ids = dict(Role.objects.filter(slug__in={s for t in docs for s in t.roles}).values_list("slug", "pk"))
    through: Any = JobTitle.roles.through  # the m2m's own table: its columns are not on the stubs' Model
    sync.children(
        through,
        "job title roles",
        [row.pk for row in rows.values()],
        lambda o: (o.jobtitle_id, o.role_id),
        {
            (rows[t.slug].pk, role_ids[slug]): dict(jobtitle_id=rows[t.slug].pk, role_id=role_ids[slug])
            for t in docs
            for slug in t.roles
        },
        parent_field="jobtitle_id",
        owner=lambda values: 0,
    )
    sync.touched_roles.discard(0)


def titles_document() -> TitlesFile:
    """Every title, in the file's order: by employer type (every kind first), level, then the editors' order."""
    titles = JobTitle.objects.select_related("level", "employer_type", "family", "next_title").prefetch_related("roles")
    ordered = sorted(
        titles,
        key=lambda t: (
            (t.employer_type.order, t.employer_type.slug) if t.employer_type else (-1, ""),
            t.order,
            t.level.order,
            t.slug,
        ),
    )
    return TitlesFile(
        titles=[
            TitleDoc(
                slug=t.slug,
                name=t.name,
                level=t.level.slug,
                employer_type=t.employer_type.slug if t.employer_type else None,
                roles=sorted(r.slug for r in t.roles.all()),
                family=t.family.slug if t.family else None,
                note=t.note,
                next=t.next_title.slug if t.next_title else None,
                order=t.order,
            )
            for t in ordered
        ]
    )
