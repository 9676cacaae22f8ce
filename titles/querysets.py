"""Reads of job titles as QuerySet methods (``JobTitle.objects``)."""

from __future__ import annotations

from django.db import models
from django.db.models import Prefetch


class JobTitleQuerySet(models.QuerySet):
    def with_references(self) -> JobTitleQuerySet:
        """Titles with their level, employer type, family and next title joined, and their published roles
        prefetched: two queries whatever the number of titles."""
        from roles.models import Role

        return self.select_related("level", "employer_type", "family", "next_title__level").prefetch_related(
            Prefetch("roles", queryset=Role.objects.published().only("pk", "slug", "title", "family_id"))
        )
