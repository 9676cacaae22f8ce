"""Which pages search engines are asked to index: one rule per kind of page that is sometimes left out, read both by
the page (its ``noindex``) and by its sitemap, so that the two never disagree.

A page is indexable when it answers 200, says no ``noindex`` and its canonical is itself; the sitemaps list exactly
those pages. robots.txt never keeps a crawler from a page that is only ``noindex``: it could not read the tag.
"""

from __future__ import annotations

from roles.models import RoleRelation


def move_is_indexable(relation: RoleRelation | None) -> bool:
    """A move from one role to another is indexed when an editor has described it (a RoleRelation).

    Any two roles have a move page (the hub's "compare with" form reaches every pair): the undescribed ones are
    made of figures the two roles' own pages already show, so they are left to readers and kept out of the index.
    """
    return relation is not None


# A skill asked for by one role at one or two levels has little to say beyond that role's own pages.
SKILL_MIN_ROLES, SKILL_MIN_LEVELS = 2, 3


def skill_is_indexable(*, roles: int, levels: int) -> bool:
    """A skill's page is indexed when at least two roles, or three levels, ask for it: enough for a page of its own
    (who asks, from when, what it pays, what comes with it). Thinner ones stay reachable, noindex and unlisted."""
    return roles >= SKILL_MIN_ROLES or levels >= SKILL_MIN_LEVELS
