"""Archiving and restoring roles: how editors take a role off the site without losing anything.

An archived role keeps every row that belongs to it or points at it (levels, pay, questions, aliases, old
slugs, the moves other roles have into it); only its status changes. The public reads ask for published
roles, so it leaves every list at once, and its URLs answer 410 (careers.web.middleware). Restoring is the same
write backwards, so everything comes back together.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.db import transaction
from django.utils import timezone

from .editing import touch
from .models import Role, RoleRelation


def _linking_roles(roles: list[Role]) -> set[int]:
    """Roles whose pages link to these ones (a move into them): their pages change too."""
    ids = [role.pk for role in roles]
    return set(RoleRelation.objects.filter(to_role__in=ids).values_list("from_role", flat=True)) - set(ids)


@transaction.atomic
def archive_roles(*, roles: Iterable[Role]) -> list[Role]:
    """Take these roles off the site, remembering their status; returns the roles that changed."""
    changed = [role for role in roles if not role.is_archived]
    now = timezone.now()
    for role in changed:
        role.archived_from, role.status, role.updated_at = role.status, Role.Status.ARCHIVED, now
        # save(), not update(): a save is what tells the page cache that content changed.
        role.save(update_fields=["archived_from", "status", "updated_at"])
    touch(roles=_linking_roles(changed))
    return changed


@transaction.atomic
def restore_roles(*, roles: Iterable[Role], may_publish: Callable[[Role], bool] = lambda role: True) -> list[Role]:
    """Bring archived roles back with the status they had; returns them.

    A role comes back as a draft when its status before is not known, or when ``may_publish`` says it no longer
    has what a published role needs (a level or its pay removed while it was archived).
    """
    changed = [role for role in roles if role.is_archived]
    now = timezone.now()
    for role in changed:
        published = role.archived_from == Role.Status.PUBLISHED and may_publish(role)
        role.status = Role.Status.PUBLISHED if published else Role.Status.DRAFT
        role.archived_from, role.updated_at = "", now
        role.save(update_fields=["archived_from", "status", "updated_at"])
    touch(roles=_linking_roles(changed))
    return changed
