"""Multi-step writes that editors trigger in the admin: ordered skills, renames, publishing.

Kept here, not in save() or signals, so that each write is one call with its whole effect visible.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db import transaction
from django.utils import timezone

from .models import RemovedRole, Role, RoleLevel, RoleLevelSkill, RoleSlugHistory, Skill


@transaction.atomic
def set_level_skills(*, role_level: RoleLevel, skills: Sequence[Skill]) -> None:
    """Make the level ask for exactly these skills, in this order."""
    wanted = {skill.pk: order for order, skill in enumerate(skills)}
    current = {ls.skill_id: ls for ls in RoleLevelSkill.objects.filter(role_level=role_level)}
    RoleLevelSkill.objects.filter(role_level=role_level).exclude(skill_id__in=wanted).delete()
    changed = []
    for skill_id, order in wanted.items():
        row = current.get(skill_id)
        if row is None:
            RoleLevelSkill.objects.create(role_level=role_level, skill_id=skill_id, order=order)
        elif row.order != order:
            row.order = order
            changed.append(row)
    RoleLevelSkill.objects.bulk_update(changed, ["order"])


@transaction.atomic
def record_rename(*, role: Role, old_slug: str) -> None:
    """Remember a role's previous slug so that its old URLs answer with a redirect."""
    if not old_slug or old_slug == role.slug:
        return
    # A slug given back to the role it once named is no longer an old slug.
    RoleSlugHistory.objects.filter(slug=role.slug).delete()
    RoleSlugHistory.objects.update_or_create(slug=old_slug, defaults={"role": role})


def touch(*, roles: Iterable[Role] | Iterable[int]) -> None:
    """Mark roles as changed now: their pages, sitemaps and caches follow updated_at."""
    ids = [r.pk if isinstance(r, Role) else r for r in roles]
    Role.objects.filter(pk__in=ids).update(updated_at=timezone.now())


@transaction.atomic
def set_status(*, roles: Iterable[Role], status: str) -> int:
    """Publish or unpublish roles; returns how many changed."""
    changed = [r for r in roles if r.status != status]
    now = timezone.now()
    for role in changed:
        role.status, role.updated_at = status, now
        # save(), not update(): a save is what tells the page cache that content changed.
        role.save(update_fields=["status", "updated_at"])
    return len(changed)


@transaction.atomic
def delete_roles(*, roles: Iterable[Role]) -> int:
    """Delete roles, leaving a record of each slug so that its old URLs answer 410 Gone."""
    roles = list(roles)
    for role in roles:
        RemovedRole.objects.update_or_create(slug=role.slug, defaults={"title": role.title})
        for old in role.old_slugs.all():
            RemovedRole.objects.update_or_create(slug=old.slug, defaults={"title": role.title})
        role.delete()
    return len(roles)
