"""Reads whose SQL the ORM writes once per process: a page's rows by one role, without building a query per page.

Profiling a cold career path (``python -m bench.profile``) showed the ORM spending about ten times longer building
each query (filters, joins, the compiler) and its model instances than the database spent running it: 8.4 ms of a
17 ms page, of which the SQL itself was under 1 ms. A ``PreparedRead`` asks the ORM for a ``values_list`` query
once, with a stand-in for the one value that changes from page to page, keeps the SQL and its parameters, and from
then on runs that SQL through the connection's cursor with the page's value. So the SQL is still the ORM's (quoting,
joins and each database's dialect), the rows get the same conversions (dates and JSON read from SQLite), and the
query is counted and logged as any other. ``rows()`` gives plain tuples; ``instances()`` turns the columns of one
model into an instance as the ORM would (``Model.from_db``; the first of ``columns()`` is the primary key).

A read is written as a function of that one value, returning the queryset (``values_list(*columns(Model), …)``):

    LEVELS = PreparedRead(lambda role_id: RoleLevel.objects.filter(role_id=role_id).values_list(*columns(RoleLevel)))
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from django.db import connections
from django.db.models import Model, QuerySet

# Stand in for the page's value while the ORM writes the SQL; never sent to a database. The number is within every
# integer field's range (the ORM writes no SQL for a value a field cannot hold, such as -1 for a positive one) and is
# unlikely to be one of a query's own constants, which would be taken for the value too.
_STAND_IN_ID = 31_337
_STAND_IN_TEXT = "\x00prepared-read\x00"


def columns(model: type[Model], through: str = "") -> list[str]:
    """The lookups naming every concrete column of ``model`` in its fields' order (``instances()`` reads them in that
    order), reached through a relation when ``through`` says so (``"level__"``)."""
    return [f"{through}{field.attname}" for field in model._meta.concrete_fields]


@cache
def _attnames(model: type[Model]) -> tuple[str, ...]:
    fields = model._meta.concrete_fields
    if fields[0] is not model._meta.pk:
        raise ValueError(f"{model.__name__}: instances() reads the primary key from the first column")
    return tuple(field.attname for field in fields)


def instances(
    row: Sequence[Any],
    *models: type[Model],
    known: dict[type[Model], dict[Any, Model]] | None = None,
    db: str = "default",
) -> list[Any]:
    """One instance per model from a row holding each model's ``columns()`` in turn; None where a model's primary key
    is empty (a nullable relation with nothing at its end, read through a LEFT OUTER JOIN).

    ``known``: instances already made of small tables (a level, a place), by model and primary key, shared by every
    row that joins them rather than made again."""
    made: list[Any] = []
    start = 0
    for model in models:
        fields = model._meta.concrete_fields
        values = row[start : start + len(fields)]
        start += len(fields)
        attnames = _attnames(model)
        seen = known.get(model) if known is not None else None
        if values[0] is None:
            made.append(None)
        elif seen is not None and values[0] in seen:
            made.append(seen[values[0]])
        else:
            instance = model.from_db(db, attnames, values)
            if seen is not None:
                seen[values[0]] = instance
            made.append(instance)
    return made


@dataclass(frozen=True)
class _Compiled:
    sql: str
    params: tuple[Any, ...]
    positions: tuple[int, ...]  # where the page's value goes among the parameters
    converters: list[tuple[int, list[Callable], Any]]  # (column, its converters, its expression)


class PreparedRead:
    """A ``values_list`` query by one value (an id or a slug), its SQL written once per process and database."""

    def __init__(self, build: Callable[[Any], QuerySet], *, by_text: bool = False) -> None:
        self._build = build
        self._stand_in: Any = _STAND_IN_TEXT if by_text else _STAND_IN_ID
        self._compiled: dict[str, _Compiled] = {}

    def _compile(self, alias: str) -> _Compiled:
        queryset = self._build(self._stand_in)
        compiler = queryset.query.get_compiler(using=alias)
        sql, params = compiler.as_sql()
        positions = tuple(i for i, param in enumerate(params) if param == self._stand_in)
        if not positions:
            raise ValueError(f"the value does not reach the SQL: {sql}")
        # The conversions values_list() applies to each row (SQLite's dates and decimals as text, JSON).
        converters = compiler.get_converters([expression for expression, _, _ in compiler.select])
        return _Compiled(sql, tuple(params), positions, [(i, convs, expr) for i, (convs, expr) in converters.items()])

    def rows(self, value: Any, *, using: str = "default") -> list[tuple]:
        connection = connections[using]
        # Keyed by the database's kind too: tests may point the same alias at another database.
        key = f"{using}:{connection.vendor}"
        compiled = self._compiled.get(key)
        if compiled is None:
            compiled = self._compiled[key] = self._compile(using)
        params = list(compiled.params)
        for position in compiled.positions:
            params[position] = value
        with connection.cursor() as cursor:
            cursor.execute(compiled.sql, params)
            rows = cursor.fetchall()
        if not compiled.converters:
            return rows
        # As SQLCompiler.apply_converters does, with this thread's connection.
        converted = []
        for row in rows:
            values = list(row)
            for position, converters, expression in compiled.converters:
                for converter in converters:
                    values[position] = converter(values[position], expression, connection)
            converted.append(tuple(values))
        return converted
