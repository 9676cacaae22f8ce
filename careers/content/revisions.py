"""A history entry for every role a load creates or changes, so the loaded version can be restored.

The loader writes in bulk, which sends no signals, so django-reversion sees nothing by itself; here each
role is added to a revision of its own, as the admin would save it: the role with everything reversion
is told to follow (registered by the admin: levels with their skills, moves, aliases, pay, questions).
An editor can then compare or restore the loaded version, and recover a role deleted before anyone
edited it.
"""

from __future__ import annotations

from collections.abc import Iterable

import reversion
from django.db.models import Prefetch

from roles.models import Role, RoleLevel, RoleLevelSkill, RoleRelation
from salaries.models import SalaryBand

from .sync import chunks


def load_comment(*, source: str, slug: str) -> str:
    """The note a loaded version carries: where it came from ("Loaded from fixtures/roles/<slug>.json")."""
    return f"Loaded from {source}/roles/{slug}.json"


def record_load_revisions(*, role_ids: Iterable[int], source: str) -> int:
    """One revision per role in ``role_ids``, with the comment naming its file; returns how many were made."""
    ids = sorted(role_ids)
    if not ids or not reversion.is_registered(Role):
        return 0
    count = 0
    for chunk in chunks(ids, 200):
        # Prefetched, so that following the role's relations reads no row twice.
        roles = Role.objects.filter(pk__in=chunk).prefetch_related(*_follows())
        for role in roles:
            with reversion.create_revision(atomic=False):
                reversion.set_comment(load_comment(source=source, slug=role.slug))
                reversion.add_to_revision(role)
            count += 1
    return count


def _follows() -> list[str | Prefetch]:
    """What reversion follows from a role (see the admin's inlines), prefetched for a whole chunk at once, with
    what each row's name reads (a band is "role · level · location"): without it, one query per row.
    A relation it follows that is not listed here still works: it is read per role."""
    return [
        Prefetch("role_levels", queryset=RoleLevel.objects.select_related("level")),
        Prefetch("role_levels__level_skills", queryset=RoleLevelSkill.objects.select_related("skill")),
        Prefetch("relations_out", queryset=RoleRelation.objects.select_related("to_role")),
        "aliases",
        Prefetch("salary_bands", queryset=SalaryBand.objects.select_related("level", "location")),
        "faqs",
    ]
