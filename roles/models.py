"""The catalog: role families, roles, the shared ladder of levels, skills and moves between roles.

Nothing here knows about pay or pages: ``salaries`` and ``careers`` build on these models. Their reads
(``Role.objects.published()``, ``Skill.objects.in_published_use()``, …) are in roles/querysets.py.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone

from roles.querysets import RoleQuerySet, SkillQuerySet


class RoleFamily(models.Model):
    """A group of related roles ("Data & Analytics"), shown together in the catalog."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    order = models.PositiveSmallIntegerField(default=0)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["order", "name"]
        verbose_name_plural = "role families"

    def __str__(self) -> str:
        return self.name


class Level(models.Model):
    """One rung of the ladder every role shares: junior, mid, senior, lead."""

    slug = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=100)
    short_name = models.CharField(max_length=60, help_text='How the level reads in a sentence: "junior", "mid-level".')
    order = models.PositiveSmallIntegerField(unique=True)
    min_years = models.PositiveSmallIntegerField()
    max_years = models.PositiveSmallIntegerField(null=True, blank=True, help_text="Empty for open-ended (8+).")

    class Meta:
        ordering = ["order"]
        constraints = [
            models.CheckConstraint(
                condition=Q(max_years__isnull=True) | Q(max_years__gt=F("min_years")),
                name="level_years_in_order",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def years(self) -> str:
        """The experience span as people say it: "0–2 years", "8+ years"."""
        if self.max_years is None:
            return f"{self.min_years}+ years"
        return f"{self.min_years}–{self.max_years} years"


class Skill(models.Model):
    """Something employers test for; a role level asks for skills in order of importance."""

    class Kind(models.TextChoices):
        LANGUAGE = "language", "Language"
        FRAMEWORK = "framework", "Framework"
        TOOL = "tool", "Tool or platform"
        PRACTICE = "practice", "Practice"
        KNOWLEDGE = "knowledge", "Knowledge"
        PEOPLE = "people", "People skill"

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    description = models.TextField()

    objects = SkillQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("skill_detail", args=[self.slug])


class Role(models.Model):
    """A job a person can hold (Machine Learning Engineer): what it does and how it grows."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"
        # Taken off the site (410) with everything kept, so that one action brings it back.
        ARCHIVED = "archived", "Archived"

    title = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    family = models.ForeignKey(RoleFamily, on_delete=models.PROTECT, related_name="roles")
    summary = models.TextField(help_text="What the role does, in two or three sentences.")
    body = models.TextField(help_text="Paragraphs separated by a blank line.")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True)
    featured = models.BooleanField(default=False, help_text="Shown among the featured career paths on the home page.")
    # What an archived role was before, so that restoring it puts it back as it was (blank otherwise).
    archived_from = models.CharField(max_length=10, choices=Status.choices, blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    # Set by the content writes (loader, admin) when the role or anything shown with it changes.
    updated_at = models.DateTimeField(default=timezone.now)

    objects = RoleQuerySet.as_manager()

    class Meta:
        # Lower: SQLite compares case-sensitively and would put "MLOps" before "Machine".
        ordering = [Lower("title"), "title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("role_detail", args=[self.slug])

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def is_archived(self) -> bool:
        return self.status == self.Status.ARCHIVED

    # The helpers below read prefetched rows (see RoleQuerySet.with_ladder) and never query.

    @property
    def ladder(self) -> list[RoleLevel]:
        return sorted(self.role_levels.all(), key=lambda rl: rl.level.order)

    def related(self, kind: str) -> list[Role]:
        return [rel.to_role for rel in self.relations_out.all() if rel.kind == kind]

    @property
    def next_roles(self) -> list[Role]:
        return self.related(RoleRelation.Kind.NEXT)

    @property
    def lateral_roles(self) -> list[Role]:
        return self.related(RoleRelation.Kind.LATERAL)

    def top_skills(self, count: int = 4) -> list[Skill]:
        """The first skills a person meets on the ladder, in the order the levels ask for them."""
        seen: dict[int, Skill] = {}
        for role_level in self.ladder:
            for skill in role_level.skills:
                seen.setdefault(skill.pk, skill)
        return list(seen.values())[:count]


class RoleSlugHistory(models.Model):
    """A slug a role used to have: its old URLs answer with a permanent redirect to the new ones."""

    slug = models.SlugField(max_length=80, unique=True)
    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="old_slugs")
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "old slug"

    def __str__(self) -> str:
        return f"{self.slug} → {self.role.slug}"


class RemovedRole(models.Model):
    """The slug of a role that was deleted: its URLs answer 410 Gone, so search engines drop them."""

    slug = models.SlugField(max_length=80, unique=True)
    title = models.CharField(max_length=120)
    removed_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return self.slug


class RoleAlias(models.Model):
    """Another name people search for a role by ("SDE", "ML engineer")."""

    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=120)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "role aliases"
        constraints = [models.UniqueConstraint(fields=["role", "name"], name="unique_alias_per_role")]

    def __str__(self) -> str:
        return self.name


class RoleLevel(models.Model):
    """One role at one level: its title there, what the work is, and the skills to deepen."""

    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="role_levels")
    level = models.ForeignKey(Level, on_delete=models.PROTECT, related_name="role_levels")
    title = models.CharField(max_length=150)
    what_you_do = models.TextField()
    manager_track = models.CharField(
        max_length=150, blank=True, help_text="Top level only: the title of the management branch."
    )
    specialist_track = models.CharField(
        max_length=150, blank=True, help_text="Top level only: the title of the principal / specialist branch."
    )

    class Meta:
        ordering = ["role", "level__order"]
        constraints = [models.UniqueConstraint(fields=["role", "level"], name="unique_level_per_role")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("career_level", args=[self.role.slug, self.level.slug])

    @property
    def skills(self) -> list[Skill]:
        return [ls.skill for ls in sorted(self.level_skills.all(), key=lambda ls: ls.order)]


class RoleLevelSkill(models.Model):
    """A skill that a role level asks for, in order of importance."""

    role_level = models.ForeignKey(RoleLevel, on_delete=models.CASCADE, related_name="level_skills")
    skill = models.ForeignKey(Skill, on_delete=models.PROTECT, related_name="level_uses")
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order"]
        constraints = [models.UniqueConstraint(fields=["role_level", "skill"], name="unique_skill_per_level")]

    def __str__(self) -> str:
        return f"{self.role_level}: {self.skill}"


class RoleRelation(models.Model):
    """A move from one role to another: a step up or out (next) or sideways (lateral)."""

    class Kind(models.TextChoices):
        NEXT = "next", "Next step"
        LATERAL = "lateral", "Lateral move"

    from_role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="relations_out")
    to_role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="relations_in")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    note = models.TextField(blank=True, help_text="Why this move makes sense.")
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order"]
        constraints = [
            models.UniqueConstraint(fields=["from_role", "to_role"], name="unique_relation"),
            models.CheckConstraint(condition=~Q(from_role=F("to_role")), name="relation_not_to_itself"),
        ]

    def __str__(self) -> str:
        return f"{self.from_role} → {self.to_role} ({self.get_kind_display()})"

    def clean(self) -> None:
        if self.from_role_id and self.from_role_id == self.to_role_id:
            raise ValidationError({"to_role": "A role cannot lead to itself: choose a different role."})
