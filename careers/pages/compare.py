"""The "compare with" picker's reads: roles near a role, and roles matching what was typed, each a bounded list.

The hub once offered every other role in a <select>; at 10,000 roles that alone weighed more than the page. Now the
hub names a few roles of the same field and a text field; what is typed goes to the role's compare page
(/roles/<role>/compare/?q=), which lists the roles whose titles match, each a link to the move. A GET form and links:
it works without JavaScript.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Case, Q, Value, When
from django.db.models.functions import Lower

from roles.models import Role

# Roles of the same field named beside the picker, and matches shown for what was typed.
NEIGHBOURS = 8
MATCHES = 20


def neighbours(role: Role, count: int = NEIGHBOURS) -> list[Role]:
    """Published roles of ``role``'s field, the ones whose titles follow it first (then from the top): one query."""
    # The ones after it first, then from the top of the field: in one query, wherever the role falls.
    after = Case(When(title__gt=role.title, then=Value(0)), default=Value(1))
    same_field = Role.objects.published().filter(family_id=role.family_id).exclude(pk=role.pk).only("slug", "title")
    found = list(same_field.order_by(after, "title")[:count])
    return sorted(found, key=lambda r: r.title.casefold())


@dataclass(frozen=True)
class Matches:
    """Roles whose titles hold every word typed, the first ``MATCHES`` by title, and whether there were more."""

    roles: list[Role]
    more: bool
    exact: Role | None  # a role whose title or slug is exactly what was typed: the form goes straight to the move


def matching_roles(role: Role, query: str) -> Matches:
    """One query, at most ``MATCHES`` + 1 rows, whatever the catalog's size."""
    words = query.split()[:8]
    if not words:
        return Matches([], False, None)
    condition = Q()
    for word in words:
        condition &= Q(title__icontains=word)
    exact_slug = query.strip().lower()
    found = list(
        Role.objects.published()
        .exclude(pk=role.pk)
        .filter(condition | Q(slug=exact_slug))
        .only("slug", "title")
        .order_by(Lower("title"), "title")[: MATCHES + 1]
    )
    exact = next((r for r in found if r.slug == exact_slug or r.title.casefold() == query.casefold()), None)
    return Matches(found[:MATCHES], len(found) > MATCHES, exact)
