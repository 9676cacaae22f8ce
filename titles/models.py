"""Job titles as employers in India use them, each read as one of our levels.

A title ("SDE II", "Senior Systems Engineer", "Associate") means a level at a kind of employer; the same words can
mean different levels at different kinds of employer, so a title belongs to one employer type (or, empty, to every
kind). Matching reads titles through ``titles.normalise.normalise``; the content check refuses two titles of one
employer type that normalise to the same text.
"""

from __future__ import annotations

from django.db import models
from django.urls import reverse

from roles.models import Level, Role, RoleFamily
from salaries.models import EmployerType

from .querysets import JobTitleQuerySet


class JobTitle(models.Model):
    """A job title as an employer writes it, the level it stands for, and the roles (or family) it names."""

    name = models.CharField(max_length=120, help_text='As employers write it: "SDE II", "Senior Systems Engineer".')
    slug = models.SlugField(max_length=80, unique=True)
    level = models.ForeignKey(Level, on_delete=models.PROTECT, related_name="job_titles")
    employer_type = models.ForeignKey(
        EmployerType,
        on_delete=models.PROTECT,
        related_name="job_titles",
        null=True,
        blank=True,
        help_text="Empty: every kind of employer uses the title.",
    )
    roles = models.ManyToManyField(
        Role, related_name="job_titles", blank=True, help_text="The roles the title names, where it names any."
    )
    family = models.ForeignKey(
        RoleFamily,
        on_delete=models.PROTECT,
        related_name="job_titles",
        null=True,
        blank=True,
        help_text="Where the title names a field but no one role.",
    )
    note = models.CharField(max_length=300, blank=True, help_text="One line: what the title means there.")
    next_title = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        related_name="previous_titles",
        null=True,
        blank=True,
        help_text="The title one step up at the same kind of employer.",
    )
    order = models.PositiveSmallIntegerField(default=0)

    objects = JobTitleQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("job_title", args=[self.slug])
