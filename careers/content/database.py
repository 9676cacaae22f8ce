"""What the database already holds that the content files must agree with: read in three queries.

The content check compares the files with it (a new role on a slug that redirects to another role,
a title taken by a role renamed in the admin, an empty role folder against a full database).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import DatabaseError

from roles.models import RemovedRole, Role, RoleSlugHistory


@dataclass(frozen=True)
class DatabaseState:
    """The database's roles (slug -> title), its old slugs (slug -> the slug of the role they redirect to)
    and the slugs of removed roles (410 Gone)."""

    roles: dict[str, str] = field(default_factory=dict)
    old_slugs: dict[str, str] = field(default_factory=dict)
    removed: frozenset[str] = frozenset()


def read_state() -> DatabaseState | None:
    """The current state, or None when there is no database to compare with (not migrated yet)."""
    try:
        return DatabaseState(
            roles=dict(Role.objects.values_list("slug", "title")),
            old_slugs=dict(RoleSlugHistory.objects.values_list("slug", "role__slug")),
            removed=frozenset(RemovedRole.objects.values_list("slug", flat=True)),
        )
    except DatabaseError:
        return None
