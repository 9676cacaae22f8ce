"""The catalog's reads as QuerySet methods: ``Skill.objects`` and ``Role.objects`` (roles/models.py).

The models are imported inside the methods: roles/models.py builds its managers from these classes, so it
imports this module first, and the models exist by the time a query is built.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models
from django.db.models import Count, Exists, OuterRef, Prefetch, Q

if TYPE_CHECKING:
    from roles.models import Skill


class SkillQuerySet(models.QuerySet):
    def in_published_use(self) -> SkillQuerySet:
        """Skills that a published role asks for, each with ``role_count``: how many published roles ask."""
        from roles.models import Role

        published = Q(level_uses__role_level__role__status=Role.Status.PUBLISHED)
        return self.annotate(role_count=Count("level_uses__role_level__role", filter=published, distinct=True)).filter(
            role_count__gt=0
        )

    def asked_alongside(self, skill: Skill, limit: int = 8) -> SkillQuerySet:
        """The skills most often asked for by the same published role levels as ``skill``, with ``shared``."""
        from roles.models import Role

        # One filter() call, so the role level it constrains is the one the count below walks through.
        return (
            self.filter(
                level_uses__role_level__level_skills__skill=skill,
                level_uses__role_level__role__status=Role.Status.PUBLISHED,
            )
            .exclude(pk=skill.pk)
            .annotate(shared=Count("level_uses__role_level", distinct=True))
            .order_by("-shared", "name")[:limit]
        )


class RoleQuerySet(models.QuerySet):
    def published(self) -> RoleQuerySet:
        from roles.models import Role

        return self.filter(status=Role.Status.PUBLISHED)

    def visible(self, *, preview: bool = False) -> RoleQuerySet:
        """Published roles; with preview (staff), drafts too. Archived roles never: their URLs answer 410."""
        from roles.models import Role

        return self.exclude(status=Role.Status.ARCHIVED) if preview else self.published()

    def archived(self) -> RoleQuerySet:
        from roles.models import Role

        return self.filter(status=Role.Status.ARCHIVED)

    def asking_for(self, skill: Skill, levels: models.QuerySet | None = None) -> RoleQuerySet:
        """Roles with a level that asks for ``skill``; those levels are in ``levels_asking``, in ladder order.

        ``levels``: the role levels as the caller wants them read (annotated with their pay, say)."""
        from roles.models import RoleLevel, RoleLevelSkill

        levels = (RoleLevel.objects.all() if levels is None else levels).filter(level_skills__skill=skill)
        levels = levels.select_related("level").order_by("level__order")
        # EXISTS rather than a join and DISTINCT: each role once, and a page of them (LIMIT) read in title order.
        asks = RoleLevelSkill.objects.filter(skill=skill, role_level__role=OuterRef("pk"))
        return (
            self.filter(Exists(asks))
            .select_related("family")
            .prefetch_related(Prefetch("role_levels", queryset=levels, to_attr="levels_asking"))
        )

    def with_ladder(self) -> RoleQuerySet:
        """Everything a page about a role shows of the catalog, in a fixed number of queries."""
        from roles.models import Role, RoleLevel, RoleLevelSkill, RoleRelation

        return self.select_related("family").prefetch_related(
            Prefetch(
                "role_levels",
                # Unordered: Role.ladder sorts them by level, and ordering by a joined column is one more thing for
                # the ORM to work out at every page (building a query costs more than running it; bench/profile.py).
                queryset=RoleLevel.objects.select_related("level")
                .order_by()
                .prefetch_related(Prefetch("level_skills", queryset=RoleLevelSkill.objects.select_related("skill"))),
            ),
            Prefetch(
                "relations_out",
                queryset=RoleRelation.objects.filter(to_role__status=Role.Status.PUBLISHED).select_related("to_role"),
            ),
            "aliases",
        )
