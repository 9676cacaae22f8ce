"""Writing content into the database: ``load_content`` makes the database match the files.

Every file is read and checked before anything is written; then everything is written in one
transaction, row by row only where something differs, so a second run changes nothing.
Roles that are not in the files are left alone (an editor may have added them in the admin);
the children of a role in the files (levels, skills, moves, pay, questions) follow the file.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Hashable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from django.db import connection, models, transaction
from django.utils import timezone

from careers.models import FAQ, ContentVersion
from roles.models import Level, Role, RoleAlias, RoleFamily, RoleLevel, RoleLevelSkill, RoleRelation, Skill
from salaries.models import Location, SalaryBand

from .reader import ContentError, ContentSet, read_content
from .validate import reference_problems

BATCH = 1000


@dataclass
class LoadReport:
    """What a load changed, per model: created, updated, deleted."""

    counts: dict[str, list[int]] = field(default_factory=dict)
    roles_in_files: int = 0

    def add(self, label: str, created: int, updated: int, deleted: int) -> None:
        self.counts[label] = [created, updated, deleted]

    @property
    def changed(self) -> bool:
        return any(any(c) for c in self.counts.values())

    def lines(self) -> list[str]:
        return [
            f"{label}: {c} created, {u} updated, {d} deleted" for label, (c, u, d) in self.counts.items() if c or u or d
        ]


def load_content(*, directory: Path, progress: Callable[[str], None] | None = None) -> LoadReport:
    """Read, check and write the content of ``directory``; raise ContentError and write nothing on any problem."""
    say = progress or (lambda message: None)
    with _no_cycle_collection():
        say(f"Reading {directory} …")
        content = read_content(directory)
        problems = reference_problems(content)
        if problems:
            raise ContentError(problems)
        say(f"Checked {len(content.roles)} role files; writing …")
        with transaction.atomic():
            report = _write(content, say)
            if report.changed:
                # Bulk writes send no signals: move the content version on once, for the whole load.
                ContentVersion.bump()
            return report


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Python's cycle collector off while loading: a load builds millions of objects that all live until
    it ends, and the collector walked them again and again for nothing (36 s instead of 49 s for
    10,000 roles, the same peak memory; see bench/README.md)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _write(content: ContentSet, say: Callable[[str], None]) -> LoadReport:
    report = LoadReport(roles_in_files=len(content.roles))
    sync = _Syncer(report)

    families = sync.upsert(
        RoleFamily,
        "families",
        "slug",
        {f.slug: dict(name=f.name, order=f.order, description=f.description) for f in content.families},
    )
    levels = sync.upsert(
        Level,
        "levels",
        "slug",
        {
            lv.slug: dict(
                name=lv.name, short_name=lv.short_name, order=lv.order, min_years=lv.min_years, max_years=lv.max_years
            )
            for lv in content.levels
        },
    )
    skills = sync.upsert(
        Skill,
        "skills",
        "slug",
        {s.slug: dict(name=s.name, kind=s.kind, description=s.description) for s in content.skills},
    )
    locations = sync.upsert(
        Location,
        "locations",
        "slug",
        {
            loc.slug: dict(name=loc.name, kind=loc.kind, country_code=loc.country_code, order=loc.order)
            for loc in content.locations
        },
    )
    docs = [rf.doc for rf in content.roles]
    roles = sync.upsert(
        Role,
        "roles",
        "slug",
        {
            d.slug: dict(
                title=d.title,
                family_id=families[d.family].pk,
                summary=d.summary,
                body=d.body,
                status=d.status,
                featured=d.featured,
            )
            for d in docs
        },
    )
    say(f"Roles written ({len(roles)}); writing their levels, pay and questions …")
    role_ids = [roles[d.slug].pk for d in docs]

    sync.children(
        RoleAlias,
        "aliases",
        role_ids,
        lambda o: (o.role_id, o.name),
        {(roles[d.slug].pk, name): dict(role_id=roles[d.slug].pk, name=name) for d in docs for name in d.aliases},
    )
    sync.children(
        RoleLevel,
        "role levels",
        role_ids,
        lambda o: (o.role_id, o.level_id),
        {
            (roles[d.slug].pk, levels[rl.level].pk): dict(
                role_id=roles[d.slug].pk,
                level_id=levels[rl.level].pk,
                title=rl.title,
                what_you_do=rl.what_you_do,
                manager_track=rl.manager_track,
                specialist_track=rl.specialist_track,
            )
            for d in docs
            for rl in d.levels
        },
    )
    role_level_ids = {
        (rl.role_id, rl.level_id): rl.pk
        for rl in _in_chunks(RoleLevel.objects.only("pk", "role_id", "level_id"), "role_id", role_ids)
    }
    owner_of_role_level = {pk: role_id for (role_id, _), pk in role_level_ids.items()}
    desired_level_skills = {}
    for d in docs:
        for rl in d.levels:
            rl_id = role_level_ids[roles[d.slug].pk, levels[rl.level].pk]
            for order, slug in enumerate(rl.skills):
                desired_level_skills[rl_id, skills[slug].pk] = dict(
                    role_level_id=rl_id, skill_id=skills[slug].pk, order=order
                )
    sync.children(
        RoleLevelSkill,
        "level skills",
        list(owner_of_role_level),
        lambda o: (o.role_level_id, o.skill_id),
        desired_level_skills,
        parent_field="role_level_id",
        owner=lambda values: owner_of_role_level[values["role_level_id"]],
    )
    sync.children(
        RoleRelation,
        "relations",
        role_ids,
        lambda o: (o.from_role_id, o.to_role_id),
        {
            (roles[d.slug].pk, roles[rel.to].pk): dict(
                from_role_id=roles[d.slug].pk, to_role_id=roles[rel.to].pk, kind=rel.kind, note=rel.note, order=order
            )
            for d in docs
            for order, rel in enumerate(d.relations)
        },
        parent_field="from_role_id",
        owner=lambda values: values["from_role_id"],
    )
    desired_bands = {}
    for d in docs:
        if not d.salaries:
            continue
        s = d.salaries
        for b in s.bands:
            key = (roles[d.slug].pk, levels[b.level].pk, locations[b.location].pk)
            desired_bands[key] = dict(
                role_id=key[0],
                level_id=key[1],
                location_id=key[2],
                currency=b.currency or s.currency,
                period=s.period,
                low=b.low,
                median=b.median,
                high=b.high,
                source=b.source or s.source,
                as_of=b.as_of or s.as_of,
            )
    sync.children(SalaryBand, "salary bands", role_ids, lambda o: (o.role_id, o.level_id, o.location_id), desired_bands)
    sync.children(
        FAQ,
        "FAQs",
        role_ids,
        lambda o: (o.role_id, o.question),
        {
            (roles[d.slug].pk, faq.question): dict(
                role_id=roles[d.slug].pk, question=faq.question, answer=faq.answer, order=order
            )
            for d in docs
            for order, faq in enumerate(d.faqs)
        },
    )

    # A role's page changes when anything shown on it changes: that is its updated_at.
    if sync.touched_roles:
        now = timezone.now()
        for chunk in _chunks(sorted(sync.touched_roles)):
            Role.objects.filter(pk__in=chunk).update(updated_at=now)
    return report


class _Syncer:
    """Makes a table match a desired set of rows, writing only the differences."""

    def __init__(self, report: LoadReport):
        self.report = report
        self.touched_roles: set[int] = set()

    def upsert[M: models.Model](self, model: type[M], label: str, key_field: str, desired: dict) -> dict:
        """Create or update rows by a natural key; never delete. Returns key -> saved row."""
        current = {getattr(o, key_field): o for o in _in_chunks(model._default_manager.all(), key_field, list(desired))}
        created, updated, changed_fields = [], [], set()
        for key, values in desired.items():
            obj = current.get(key)
            if obj is None:
                created.append(model(**{key_field: key}, **values))
                continue
            diff = [f for f, v in values.items() if getattr(obj, f) != v]
            if diff:
                for f in diff:
                    setattr(obj, f, values[f])
                updated.append(obj)
                changed_fields.update(diff)
        model._default_manager.bulk_create(created, batch_size=BATCH)
        if updated:
            model._default_manager.bulk_update(updated, sorted(changed_fields), batch_size=BATCH)
        if model is Role:
            self.touched_roles.update(o.pk for o in updated)
            self.touched_roles.update(o.pk for o in created)
        self.report.add(label, len(created), len(updated), 0)
        # bulk_create sets primary keys on PostgreSQL and SQLite (3.35+), the two databases we run on.
        current.update({getattr(o, key_field): o for o in created})
        return current

    def children[M: models.Model](
        self,
        model: type[M],
        label: str,
        parent_ids: list[int],
        key: Callable[[M], Hashable],
        desired: dict,
        *,
        parent_field: str = "role_id",
        owner: Callable[[dict], int] | None = None,
    ) -> None:
        """Make the rows of these parents exactly ``desired``: create, update and delete."""
        owner = owner or (lambda values: values[parent_field])
        current = {key(o): o for o in _in_chunks(model._default_manager.all(), parent_field, parent_ids)}
        created, updated, changed_fields = [], [], set()
        for k, values in desired.items():
            obj = current.get(k)
            if obj is None:
                created.append(values)
                self.touched_roles.add(owner(values))
                continue
            diff = [f for f, v in values.items() if getattr(obj, f) != v]
            if diff:
                for f in diff:
                    setattr(obj, f, values[f])
                updated.append(obj)
                changed_fields.update(diff)
                self.touched_roles.add(owner(values))
        stale = [o for k, o in current.items() if k not in desired]
        for o in stale:
            self.touched_roles.add(owner({f: getattr(o, f) for f in (parent_field,)}))
        for chunk in _chunks([o.pk for o in stale]):
            model._default_manager.filter(pk__in=chunk).delete()
        _insert(model, created)
        if updated:
            model._default_manager.bulk_update(updated, sorted(changed_fields), batch_size=BATCH)
        self.report.add(label, len(created), len(updated), len(stale))


def _insert(model: type[models.Model], rows: list[dict]) -> None:
    """INSERT rows given as {field attname: value}, without building a model instance for each.

    Why not bulk_create: it builds an instance per row and compiles every value into the SQL text,
    which took most of the time to load 10,000 roles (585,000 child rows: about 100 of 130 seconds,
    see bench/README.md). Here one statement is prepared and the driver runs it for every row. Each value
    still goes through its field's get_db_prep_save, as in bulk_create; a field left out gets its
    default. Like bulk_create, no signals are sent and constraints are the database's.
    """
    if not rows:
        return
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    unknown = set(rows[0]) - {f.attname for f in fields}
    if unknown:
        raise TypeError(f"{model.__name__} has no field {', '.join(sorted(unknown))}")
    defaults = {f.attname: f.get_default() for f in fields if f.attname not in rows[0]}
    quote = connection.ops.quote_name
    # A concrete field always has a column; the stubs allow None (as for a reverse relation).
    sql = (
        f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(quote(f.column) for f in fields)}) "  # type: ignore[arg-type]
        f"VALUES ({', '.join(['%s'] * len(fields))})"
    )
    with connection.cursor() as cursor:
        for chunk in _chunks(rows, BATCH * 10):
            params = [
                [f.get_db_prep_save(row.get(f.attname, defaults.get(f.attname)), connection) for f in fields]
                for row in chunk
            ]
            cursor.executemany(sql, params)


def _chunks[T](items: list[T], size: int = 900) -> Iterable[list[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _in_chunks[M: models.Model](queryset: models.QuerySet[M], field_name: str, values: list) -> Iterable[M]:
    """queryset.filter(field__in=values), split so that no backend hits its parameter limit."""
    for chunk in _chunks(values):
        yield from queryset.filter(**{f"{field_name}__in": chunk})
