"""Which page tags a change to one row of content moves on (roles/page_tags.py names the tags).

One rule per kind of row, so that a new model is safe by default: a row that belongs to a role (it has a
``role_id``, or is the role, one of its levels' skills or one of its moves) touches that role, the lists and the
pages of the role's skills; any other row is reference data that any page may show (a skill's name, a level, a
location, a kind of employer, a family), and it moves the whole site on.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field

from django.db import models, transaction

from careers.web import page_tags

# The skills a role asked for before a save changed one of its rows, kept until the save's signal (pre_save →
# post_save, same thread); without it a skill the role no longer asks for would keep showing it.
_BEFORE = "_page_tags_before"


def owning_roles(instance: models.Model) -> set[int]:
    """The roles this row belongs to; empty for reference data."""
    from roles.models import Role, RoleLevel, RoleLevelSkill, RoleRelation

    if isinstance(instance, Role):
        return {instance.pk}
    if isinstance(instance, RoleRelation):
        return {instance.from_role_id, instance.to_role_id}
    if isinstance(instance, RoleLevelSkill):
        # The level may be gone already (a cascade deletes it first): then its own delete touched the role.
        return set(RoleLevel.objects.filter(pk=instance.role_level_id).values_list("role_id", flat=True))
    role_id = getattr(instance, "role_id", None)
    return {role_id} if role_id is not None else set()


def _skill_of(instance: models.Model) -> int | None:
    return getattr(instance, "skill_id", None)


def remember_before_save(instance: models.Model) -> None:
    """Note the skill a level's skill row had before it is changed in place (see ``_BEFORE``)."""
    from roles.models import RoleLevelSkill

    if isinstance(instance, RoleLevelSkill) and instance.pk is not None:
        before = RoleLevelSkill.objects.filter(pk=instance.pk).values_list("skill_id", flat=True).first()
        setattr(instance, _BEFORE, before)


def content_changed(instance: models.Model) -> None:
    """Move on, when the transaction commits, the tags of the pages that show this row."""
    batch = _batch()
    roles = owning_roles(instance)
    if not roles and not _is_role_row(instance):
        batch.site = True
    else:
        batch.roles |= roles
        batch.skills |= {pk for pk in (_skill_of(instance), getattr(instance, _BEFORE, None)) if pk is not None}
    # One callback per change, each moving on the whole batch if no other has: a role's save sends dozens of signals
    # (its levels, skills, pay) and the first callback does the work once; registering only the first would lose
    # the changes made after a savepoint that rolled back with that callback in it.
    transaction.on_commit(batch.move_on)


@dataclass(eq=False)
class _Batch:
    """What one transaction changed, waiting for its commit."""

    site: bool = False
    roles: set[int] = field(default_factory=set)
    skills: set[int] = field(default_factory=set)
    done: bool = False

    def move_on(self) -> None:
        from roles.models import RoleLevelSkill, RoleRelation

        if self.done:
            return
        self.done = True
        tags = {page_tags.SITE} if self.site else set()
        if self.roles or self.skills:
            # After the change: every skill the roles ask for now, with those a row named before and after it changed.
            asked = RoleLevelSkill.objects.filter(role_level__role_id__in=self.roles).values_list("skill_id", flat=True)
            # Pages of the roles that move into these show them (title, link; gone once unpublished): drafts too,
            # since a draft's move is hidden until it is published, and publishing is such a save.
            into = RoleRelation.objects.filter(to_role_id__in=self.roles).values_list("from_role_id", flat=True)
            tags |= {page_tags.ROLES} | {page_tags.role(pk) for pk in self.roles | set(into)}
            tags |= {page_tags.skill(pk) for pk in self.skills | set(asked)}
        if tags:
            page_tags.move_on(tags)


# Each transaction's batch, by its outermost atomic block: a transaction that rolls back takes its batch with it.
_batches: weakref.WeakKeyDictionary[object, _Batch] = weakref.WeakKeyDictionary()


def _batch() -> _Batch:
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        return _Batch()  # autocommit: the change is committed already, and on_commit runs at once
    return _batches.setdefault(connection.atomic_blocks[0], _Batch())


def _is_role_row(instance: models.Model) -> bool:
    """A row of a role whose role is already gone (a level's skill after its level): nothing left to touch but
    the lists and its skill."""
    from roles.models import RoleLevelSkill

    return isinstance(instance, RoleLevelSkill)
