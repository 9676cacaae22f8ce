"""The query planner's statistics brought up to date at the end of a load that changed the content.

PostgreSQL plans each query from statistics about each table, which autovacuum refreshes in the background some
time after a large write. Right after loading 10,000 roles it had none for the new rows and planned a role page's
skills per level (``careers.pages.role_rows``) as a hash join over every role's skills: 19 ms a page instead of
0.5 ms, and the career path fell from 73 to 45 pages a second in ``make bench``, which measures as soon as the load
ends. ``ANALYZE`` of the tables a load writes takes about a second at that size. SQLite plans these queries from its
indexes alone, so there is nothing to do there.
"""

from __future__ import annotations

from django.db import connection

from careers.changes.models import RoleChange
from careers.models import FAQ
from roles.models import Role, RoleAlias, RoleLevel, RoleLevelSkill, RoleRelation, Skill
from salaries.models import RarelyHiring, SalaryBand
from titles.models import JobTitle

# The tables a load fills row by row; the reference tables (levels, places, kinds of employer) hold a few rows.
LOADED = (
    Role,
    RoleLevel,
    RoleLevelSkill,
    RoleRelation,
    RoleAlias,
    Skill,
    SalaryBand,
    RarelyHiring,
    FAQ,
    RoleChange,
    JobTitle,
)


def refresh_statistics() -> None:
    """``ANALYZE`` the loaded tables on PostgreSQL; nothing on other databases."""
    if connection.vendor != "postgresql":
        return
    tables = ", ".join(connection.ops.quote_name(model._meta.db_table) for model in LOADED)
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {tables}")
