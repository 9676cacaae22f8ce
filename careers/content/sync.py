"""Making database tables match desired rows, writing only the differences: the generic half of the loader.

Nothing here knows what a role is; ``careers.content.load`` says which rows each table should hold.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import connection, models

BATCH = 1000


@dataclass
class LoadReport:
    """What a load changed, per model: created, updated, deleted."""

    counts: dict[str, list[int]] = field(default_factory=dict)
    roles_in_files: int = 0
    revisions: int = 0

    def add(self, label: str, created: int, updated: int, deleted: int) -> None:
        self.counts[label] = [created, updated, deleted]

    @property
    def changed(self) -> bool:
        return any(any(c) for c in self.counts.values())

    def lines(self) -> list[str]:
        return [
            f"{label}: {c} created, {u} updated, {d} deleted" for label, (c, u, d) in self.counts.items() if c or u or d
        ]


class Syncer:
    """Makes a table match a desired set of rows, writing only the differences."""

    def __init__(self, report: LoadReport):
        self.report = report
        self.touched_roles: set[int] = set()

    def upsert[M: models.Model](
        self, model: type[M], label: str, key_field: str, desired: dict, *, touches_roles: bool = False
    ) -> dict:
        """Create or update rows by a natural key; never delete. Returns key -> saved row."""
        current = {getattr(o, key_field): o for o in in_chunks(model._default_manager.all(), key_field, list(desired))}
        created, updated, changed_fields = [], [], set()
        for key, values in desired.items():
            obj = current.get(key)
            if obj is None:
                created.append(model(**{key_field: key}, **values))
                continue
            diff = apply_values(obj, values)
            if diff:
                updated.append(obj)
                changed_fields.update(diff)
        if updated:
            _park_unique(model, updated, changed_fields - {key_field})
            model._default_manager.bulk_update(updated, sorted(changed_fields), batch_size=BATCH)
        # After the updates: a new row may take a value (a title) that an existing row has just given up.
        model._default_manager.bulk_create(created, batch_size=BATCH)
        if touches_roles:
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
        current = {key(o): o for o in in_chunks(model._default_manager.all(), parent_field, parent_ids)}
        created, updated, changed_fields = [], [], set()
        for k, values in desired.items():
            obj = current.get(k)
            if obj is None:
                created.append(values)
                self.touched_roles.add(owner(values))
                continue
            diff = apply_values(obj, values)
            if diff:
                updated.append(obj)
                changed_fields.update(diff)
                self.touched_roles.add(owner(values))
        stale = [o for k, o in current.items() if k not in desired]
        for o in stale:
            self.touched_roles.add(owner({f: getattr(o, f) for f in (parent_field,)}))
        for chunk in chunks([o.pk for o in stale]):
            model._default_manager.filter(pk__in=chunk).delete()
        insert_rows(model, created)
        if updated:
            model._default_manager.bulk_update(updated, sorted(changed_fields), batch_size=BATCH)
        self.report.add(label, len(created), len(updated), len(stale))


def _park_unique[M: models.Model](model: type[M], rows: list[M], fields: set[str]) -> None:
    """Give the rows a placeholder in each unique text field that changes, before the real update.

    Two roles may swap titles in one load; updated in place, the first row would meet the second's old
    title and the database would refuse the load (PostgreSQL and SQLite check uniqueness row by row).
    """
    unique = [
        f.attname
        for f in model._meta.concrete_fields
        if f.unique and not f.primary_key and f.attname in fields and isinstance(f, models.CharField)
    ]
    if not unique:
        return
    parked = [model(pk=row.pk, **{name: f"(moving {row.pk})" for name in unique}) for row in rows]
    model._default_manager.bulk_update(parked, unique, batch_size=BATCH)


def insert_rows(model: type[models.Model], rows: list[dict]) -> None:
    """INSERT rows given as {field attname: value}, without building a model instance for each.

    Why not bulk_create: it builds an instance per row and compiles every value into the SQL text,
    which took most of a large load's time (measured in bench/README.md). Here one statement is prepared
    and the driver runs it for every row. Each value
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
    sql = (
        # A concrete field always has a column; the stubs allow None (as for a reverse relation).
        f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(quote(f.column) for f in fields)}) "  # type: ignore[arg-type]
        f"VALUES ({', '.join(['%s'] * len(fields))})"
    )
    with connection.cursor() as cursor:
        for chunk in chunks(rows, BATCH * 10):
            params = [
                [f.get_db_prep_save(row.get(f.attname, defaults.get(f.attname)), connection) for f in fields]
                for row in chunk
            ]
            cursor.executemany(sql, params)


def chunks[T](items: list[T], size: int = 900) -> Iterable[list[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def in_chunks[R](queryset: models.QuerySet[Any, R], field_name: str, values: list) -> Iterable[R]:
    """queryset.filter(field__in=values), split so that no backend hits its parameter limit."""
    for chunk in chunks(values):
        yield from queryset.filter(**{f"{field_name}__in": chunk})


def apply_values(obj: models.Model, values: dict[str, Any]) -> list[str]:
    """Set on ``obj`` the fields whose values differ; their names (none: the row is already as wanted)."""
    diff = [name for name, value in values.items() if getattr(obj, name) != value]
    for name in diff:
        setattr(obj, name, values[name])
    return diff
