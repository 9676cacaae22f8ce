"""careers.content.statistics: a load that changed the content leaves PostgreSQL's planner statistics up to date, so
the first pages after it are planned from the loaded rows (on SQLite there is nothing to refresh)."""

from __future__ import annotations

import pytest
from django.db import connection

from careers.content import load as load_module
from roles.models import RoleLevelSkill
from tests.factories import load_roles, role_doc

pytestmark = pytest.mark.django_db


def counted_rows(model) -> float:
    """What the planner believes the table holds (pg_class.reltuples; -1 before the first ANALYZE)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE oid = %s::regclass", [model._meta.db_table])
        return cursor.fetchone()[0]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's planner statistics")
def test_a_load_leaves_the_planner_the_loaded_rows(tmp_path):
    load_roles(tmp_path, *[role_doc(f"role-{i}", f"Role {i}") for i in range(3)])
    # ANALYZE inside the test's transaction sees its rows; autovacuum, which cannot, has not counted them.
    assert counted_rows(RoleLevelSkill) == RoleLevelSkill.objects.count() > 0


def test_statistics_are_refreshed_once_after_a_load_that_changed_something(tmp_path, monkeypatch):
    calls = []
    monkeypatch.setattr(load_module, "refresh_statistics", lambda: calls.append(True))
    load_roles(tmp_path / "a", role_doc("data-scientist"))
    load_roles(tmp_path / "a", role_doc("data-scientist"))  # the same again: nothing changed
    assert calls == [True]
