"""What a published role must have, said once: every level of the ladder (and, where pay is asked about, pay for
every level). The content files' validation, the role screen's levels inline and pay grid, and the admin's Publish
and Restore all ask ``missing_levels``; each says what is missing in its own words.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from .models import Level


class HasSlug(Protocol):
    """A level as the database holds it (``Level``) or as a content file states it (``LevelDoc``)."""

    @property
    def slug(self) -> str: ...


def missing_levels[L: HasSlug](present: Iterable[str], ladder: Iterable[L]) -> list[L]:
    """The levels of ``ladder`` whose slugs are not in ``present``, in ladder order: what a published role lacks.

    ``present``: the slugs of the levels a role has (in its ladder, or with pay).
    """
    have = set(present)
    return [level for level in ladder if level.slug not in have]


def missing_level_names(present: Iterable[str]) -> list[str]:
    """``missing_levels`` against the site's ladder, by the names editors know the levels by."""
    return [level.name for level in missing_levels(present, Level.objects.order_by("order"))]
