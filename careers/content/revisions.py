"""A history entry for every role a load creates or changes, so the loaded version can be restored.

The loader writes in bulk, which sends no signals, so django-reversion sees nothing by itself; here each
role gets a revision of its own holding what the admin would save: the role with everything reversion
is told to follow (registered by the admin: levels with their skills, moves, aliases, pay, questions).
An editor can then compare or restore the loaded version, and recover a role deleted before anyone
edited it.

The rows are the ones ``reversion.add_to_revision`` writes (same serialisation, with reversion's own
registered options and follows), but written in bulk: through reversion's API every role costs queries of its
own, mostly in checking again that rows just read exist and in two inserts per revision; in bulk the same
queries are made once per chunk of ``CHUNK`` roles. The load times are in the README's "Benchmark" section.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import reversion
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.db import connections, models, router
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.encoding import force_str
from reversion.models import Revision, Version
from reversion.revisions import _follow_relations, _get_options
from reversion.signals import post_revision_commit, pre_revision_commit

from careers.changes.record import record_role_changes, recorded_by_caller
from roles.models import Role, RoleLevel, RoleLevelSkill, RoleRelation
from salaries.models import RarelyHiring, SalaryBand

from .sync import chunks

CHUNK = 200


def load_comment(*, source: str, slug: str) -> str:
    """The note a loaded version carries: where it came from ("Loaded from fixtures/roles/<slug>.json")."""
    return f"Loaded from {source}/roles/{slug}.json"


def record_load_revisions(*, role_ids: Iterable[int], source: str) -> int:
    """One revision per role in ``role_ids``, with the comment naming its file; returns how many were made."""
    ids = sorted(role_ids)
    if not ids or not reversion.is_registered(Role):
        return 0
    write = _write_in_bulk if _can_write_in_bulk() else _write_one_by_one
    count = 0
    for chunk in chunks(ids, CHUNK):
        # Prefetched, so that following the role's relations reads no row twice.
        roles = list(Role.objects.filter(pk__in=chunk).prefetch_related(*_follows()))
        write(roles, source)
        count += len(roles)
    return count


def _can_write_in_bulk() -> bool:
    """Bulk needs the new revisions' ids back from one insert; a role registered to skip unchanged versions
    needs reversion's own comparison. Otherwise reversion's API, one revision at a time."""
    using = router.db_for_write(Revision)
    return connections[using].features.can_return_rows_from_bulk_insert and not _get_options(Role).ignore_duplicates


def _write_one_by_one(roles: list[Role], source: str) -> None:
    for role in roles:
        with reversion.create_revision(atomic=False):
            reversion.set_comment(load_comment(source=source, slug=role.slug))
            reversion.add_to_revision(role)


def _write_in_bulk(roles: list[Role], source: str) -> None:
    """A revision per role and its versions, in two inserts for the whole chunk."""
    using = router.db_for_write(Revision)
    revisions: list[Revision] = []
    held: list[list[Version]] = []
    for role in roles:
        # Each revision dated when it is made, as reversion dates it (when its block starts).
        revision = Revision(date_created=timezone.now(), user=None, comment=load_comment(source=source, slug=role.slug))
        versions = list(_versions(role, using))
        pre_revision_commit.send(sender=reversion.create_revision, revision=revision, versions=versions)
        revisions.append(revision)
        held.append(versions)
    Revision.objects.using(using).bulk_create(revisions)
    for revision, versions in zip(revisions, held, strict=True):
        for version in versions:
            version.revision = revision
    Version.objects.using(using).bulk_create([v for versions in held for v in versions])
    # The change lines the pages show (careers.changes), for the whole chunk at once rather than a role at a time.
    record_role_changes(recorded=list(zip(revisions, held, strict=True)))
    with recorded_by_caller():
        for revision, versions in zip(revisions, held, strict=True):
            post_revision_commit.send(sender=reversion.create_revision, revision=revision, versions=versions)


def _versions(role: Role, using: str) -> Iterator[Version]:
    """The versions ``reversion.add_to_revision(role)`` makes, in its order: the role, then what it follows,
    depth first, each object once (the first time it is reached)."""
    model_db = router.db_for_write(Role, instance=role)  # reversion stores the role's database on every version
    seen: set[tuple[int, str]] = set()
    pending: list[models.Model] = [role]
    while pending:
        obj = pending.pop()
        if obj.pk is None:
            continue
        options = _get_options(obj.__class__)
        content_type = ContentType.objects.db_manager(using).get_for_model(
            obj.__class__, for_concrete_model=options.for_concrete_model
        )
        object_id = force_str(getattr(obj, options.object_id_field))
        key = (content_type.pk, object_id)
        if key in seen:
            continue
        seen.add(key)
        yield Version(
            content_type=content_type,
            object_id=object_id,
            db=model_db,
            format=options.format,
            serialized_data=serializers.serialize(
                options.format, (obj,), fields=options.fields, use_natural_foreign_keys=options.use_natural_foreign_keys
            ),
            object_repr=force_str(obj),
        )
        # Reversed onto the stack, so the first relation is walked first, as reversion's recursion does.
        pending.extend(reversed(list(_follow_relations(obj))))


def _follows() -> list[str | Prefetch]:
    """What reversion follows from a role (see the admin's inlines), prefetched for a whole chunk at once, with
    what each row's name reads (a band is "role · level · location", with its employer type if it has one): without
    it, one query per row.
    A relation it follows that is not listed here still works: it is read per role."""
    return [
        Prefetch("role_levels", queryset=RoleLevel.objects.select_related("level")),
        Prefetch("role_levels__level_skills", queryset=RoleLevelSkill.objects.select_related("skill")),
        Prefetch("relations_out", queryset=RoleRelation.objects.select_related("to_role")),
        "aliases",
        Prefetch("salary_bands", queryset=SalaryBand.objects.select_related("level", "location", "employer_type")),
        Prefetch("rarely_hired_by", queryset=RarelyHiring.objects.select_related("employer_type")),
        "faqs",
    ]
