"""What the career-path pages add to the catalog: the questions editors answer for a role."""

import datetime

from django.db import models
from django.db.models import F
from django.utils import timezone

from careers.web.prepared import PreparedRead
from roles.models import Role


class FAQ(models.Model):
    """A question an editor answers for one role, shown after the standard questions."""

    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="faqs")
    question = models.CharField(max_length=300)
    answer = models.TextField()
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["role", "order"]
        verbose_name = "FAQ"
        verbose_name_plural = "FAQs"
        constraints = [models.UniqueConstraint(fields=["role", "question"], name="unique_question_per_role")]

    def __str__(self) -> str:
        return self.question


class ContentVersion(models.Model):
    """A counter that moves on with every change to content; cached pages are keyed by it.

    Kept in the database, not in the cache, so that every app server (each with its own local-memory
    cache, or sharing Redis) sees an editor's save at its next request.
    """

    id = models.PositiveSmallIntegerField(primary_key=True, default=1, editable=False)
    version = models.PositiveBigIntegerField(default=0)
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "content version"

    def __str__(self) -> str:
        return f"content version {self.version}"

    @classmethod
    def current(cls) -> tuple[int, datetime.datetime]:
        """(version, changed_at). Read on every request the page cache answers, so through SQL the ORM writes once
        (careers.web.prepared): building the ORM query cost more than the rest of a cached response together (see
        bench/README.md)."""
        rows = _CURRENT.rows(1)
        if not rows:
            return 0, datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
        version, changed_at = rows[0]
        return version, changed_at

    @classmethod
    def bump(cls, *, every_page: bool = True) -> None:
        """Move the version on; by default every cached page goes with it (a bulk write that sends no signals,
        such as loadcontent). The content signal passes ``every_page=False`` and moves only the pages the row
        touched (careers/web/invalidation.py)."""
        if every_page:
            from careers.web import page_tags

            page_tags.changed([page_tags.SITE])
        now = timezone.now()
        if not cls.objects.filter(pk=1).update(version=F("version") + 1, changed_at=now):
            cls.objects.get_or_create(pk=1, defaults={"version": 1, "changed_at": now})


# Keyed by the one row's id: the SQL's parameter.
_CURRENT = PreparedRead(lambda pk: ContentVersion.objects.filter(pk=pk).values_list("version", "changed_at"))


# Models kept beside the code that uses them, registered with this app.
from careers.changes.models import RoleChange  # noqa: E402, F401
