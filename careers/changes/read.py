"""Reads of the change lines, each in a fixed number of queries: a role's (career-path page), the site's (/changes/
and its feed). Published roles only: a draft's or an archived role's changes are never read for the public."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet

from careers.web.prepared import PreparedRead
from roles.models import Role

from .models import RoleChange

# The latest changes a career path lists, and how many of the role's latest revisions are read for them.
ROLE_LINES = 5
ROLE_ENTRIES = 6
PER_PAGE = 20
FEED_ENTRIES = 50


@dataclass(frozen=True)
class ChangeLine:
    """One sentence of a change and when it was made."""

    text: str
    when: datetime.datetime


@dataclass(frozen=True)
class RoleChanges:
    """A role's "Last reviewed" (its newest public version) and its latest change lines, newest first."""

    last_reviewed: datetime.datetime | None
    lines: list[ChangeLine]


def public_changes() -> QuerySet[RoleChange]:
    """Changes between two public versions of roles that are published now, newest first, with their role."""
    return (
        RoleChange.objects.filter(kind=RoleChange.Kind.CHANGED, role__status=Role.Status.PUBLISHED)
        .select_related("role")
        .only("recorded_at", "lines", "role__slug", "role__title", "role__status")
        .order_by("-recorded_at", "-pk")
    )


CHANGED = RoleChange.Kind.CHANGED
# Every career path reads it: its SQL is written once (careers.web.prepared).
_LATEST_OF_ROLE = PreparedRead(
    lambda role_id: (
        RoleChange.objects.filter(role_id=role_id)
        .order_by("-recorded_at", "-pk")
        .values_list("kind", "lines", "recorded_at")[:ROLE_ENTRIES]
    )
)


def read_role_changes(role: Role) -> RoleChanges:
    """In one query; nothing for a role the public cannot see (a draft in preview)."""
    if not role.is_published:
        return RoleChanges(last_reviewed=None, lines=[])
    entries = _LATEST_OF_ROLE.rows(role.pk)
    lines = [ChangeLine(text, recorded_at) for kind, texts, recorded_at in entries if kind == CHANGED for text in texts]
    return RoleChanges(last_reviewed=entries[0][2] if entries else None, lines=lines[:ROLE_LINES])


def read_changes_page(number: str | int | None) -> Page:
    """A page of /changes/ (two queries: the count and the page); a bad or too high number gives the nearest page."""
    return Paginator(public_changes(), PER_PAGE).get_page(number)


def latest_changes(count: int = FEED_ENTRIES) -> list[RoleChange]:
    return list(public_changes()[:count])
