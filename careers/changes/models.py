"""The change lines of a role's recorded revisions, derived once when the revision is recorded."""

from __future__ import annotations

from django.db import models
from reversion.models import Revision

from roles.models import Role


class RoleChange(models.Model):
    """One recorded revision of a role that the public may see: its date and what changed, in words.

    "added" is the role's first public version (first loaded or saved as published, published from a draft, or
    restored from the archive): it dates "Last reviewed" but is not listed as a change. "changed" carries the
    sentences. Who saved it and the revision's comment are never copied here, so they cannot be shown.
    """

    class Kind(models.TextChoices):
        ADDED = "added", "Added"
        CHANGED = "changed", "Changed"

    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="changes")
    # Kept when old revisions are pruned (reversion's deleterevisions): the lines stand on their own.
    revision = models.ForeignKey(Revision, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    recorded_at = models.DateTimeField()
    kind = models.CharField(max_length=10, choices=Kind.choices)
    lines = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-recorded_at", "-pk"]
        indexes = [
            models.Index(fields=["role", "-recorded_at"], name="rolechange_role_latest"),
            models.Index(fields=["kind", "-recorded_at"], name="rolechange_kind_latest"),
        ]
        constraints = [models.UniqueConstraint(fields=["role", "revision"], name="one_change_per_role_revision")]

    def __str__(self) -> str:
        return f"{self.role_id} {self.kind} {self.recorded_at:%Y-%m-%d}"
