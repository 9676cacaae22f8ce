"""The catalog read: published roles with their family, pay range in India and level count, in two queries.

Home, the catalog, search and the compare picker all start from this list, so their query counts stay
fixed however many roles there are. Grouping (by family, A–Z) happens in Python on that list.
"""

from __future__ import annotations

import string
import unicodedata
from dataclasses import dataclass

from django.db.models import Count, F, Q, Window
from django.db.models.functions import Lower, RowNumber

from roles.models import Role, RoleFamily, RoleLevel
from salaries.pay import with_pay_range

# The catalog's two views; anything else in ?view= falls back to the first.
VIEWS = ("family", "az")


def role_cards(published=None):
    """Published roles by title, each with family and pay_low/pay_high/pay_currency (a queryset); read it with
    ``card_list``, which adds each role's level_count."""
    published = Role.objects.published() if published is None else published
    # A card shows neither text; the pay aggregate groups by every column read (SQLite cannot group by the key
    # alone), so leaving them out keeps each role's summary and body out of the grouping.
    cards = published.select_related("family").defer("summary", "body")
    return with_pay_range(cards).order_by(Lower("title"), "title")


def card_list(cards) -> list[Role]:
    """The cards read, each with ``level_count``, its number of levels, counted in one more query for the whole list.

    Not an annotation of the cards' query: beside the pay aggregate, a correlated count joins its GROUP BY, and SQLite
    then counted once per joined band instead of once per role (60 search results: 3.8 of the query's 7.5 ms,
    ``python -m bench.profile --path search``); a join would multiply the bands by the levels instead."""
    roles = list(cards)
    if roles:
        counts = dict(
            RoleLevel.objects.filter(role__in=[role.pk for role in roles])
            .order_by()
            .values("role")
            .annotate(n=Count("pk"))
            .values_list("role", "n")
        )
        for role in roles:
            setattr(role, "level_count", counts.get(role.pk, 0))  # noqa: B010 (a read-only figure, not a field)
    return roles


def catalog_roles(*, ids: list[int] | None = None, featured_only: bool = False) -> list[Role]:
    """Published roles ordered by title, each with family, pay_low/pay_high/pay_currency and level_count.

    ``ids`` or ``featured_only`` narrow it (search results, the popular picks) in the same two queries.
    """
    published = Role.objects.published()
    if ids is not None:
        published = published.filter(pk__in=ids)
    if featured_only:
        published = published.filter(featured=True)
    return card_list(role_cards(published))


def catalog_order(view: str):
    """The published roles' ids in the order of ``view`` (a queryset): a page of it is sliced in SQL."""
    ids = Role.objects.published().values_list("pk", flat=True)
    if view == "az":
        return ids.order_by(Lower("title"), "title")
    return ids.order_by("family__order", "family__name", Lower("title"), "title")


def catalog_cards(view: str, page_ids) -> list[Role]:
    """The roles of one page (``page_ids``, a sliced ``catalog_order``) with their cards' figures, in one query: the
    pay is aggregated for those roles only, not the whole catalog (about 1 s at 10,000 roles)."""
    cards = role_cards(Role.objects.published().filter(pk__in=page_ids))
    if view != "az":
        cards = cards.order_by("family__order", "family__name", Lower("title"), "title")
    return card_list(cards)


@dataclass(frozen=True)
class FamilyCount:
    """A family with how many published roles it has and where they start in the catalog by field."""

    family: RoleFamily
    count: int
    first_index: int  # the position of its first role in the catalog by field, from 0

    def page(self, page_size: int) -> int:
        return self.first_index // page_size + 1


def family_counts() -> list[FamilyCount]:
    """Families with published roles, in the catalog's order, with their counts: one query, whatever the size."""
    published = Q(roles__status=Role.Status.PUBLISHED)
    families = RoleFamily.objects.annotate(n=Count("roles", filter=published)).filter(n__gt=0).order_by("order", "name")
    found, start = [], 0
    for family in families:
        found.append(FamilyCount(family, family.n, start))  # annotated above
        start += family.n
    return found


def counts() -> dict[str, int]:
    """How many published roles and fields there are, for the pages that do not list them all."""
    return Role.objects.published().aggregate(role_count=Count("pk"), family_count=Count("family", distinct=True))


def families_with_roles(roles: list[Role]) -> list[tuple[RoleFamily, list[Role]]]:
    """The roles grouped by family, families in their editorial order, roles in the given order."""
    grouped: dict[int, tuple[RoleFamily, list[Role]]] = {}
    for role in roles:
        grouped.setdefault(role.family_id, (role.family, []))[1].append(role)
    return sorted(grouped.values(), key=lambda pair: (pair[0].order, pair[0].name))


def featured(roles: list[Role], count: int = 6) -> list[Role]:
    """The editors' picks (Role.featured), a handful at most."""
    return [role for role in roles if role.featured][:count]


@dataclass(frozen=True)
class Letter:
    """One letter of the A–Z index: its roles (possibly none, then the index shows it unlinked)."""

    letter: str
    roles: list[Role]
    page: int = 0  # the page of the A–Z view where its roles start, when the catalog is cut into pages; 0: none

    @property
    def anchor(self) -> str:
        return "letter-other" if self.letter == "#" else f"letter-{self.letter.lower()}"


def first_letter(title: str) -> str:
    """ "Évaluateur" files under E; a title starting with a digit or symbol files under "#"."""
    base = unicodedata.normalize("NFKD", title.strip()[:1])[:1].upper()
    return base if base in string.ascii_uppercase else "#"


def letter_pages(page_size: int) -> dict[str, int]:
    """The page of the A–Z view where each letter's roles start, for letters that have roles: one query.

    Counted on the titles in the database's order (what the pages are cut by); a title with an accented first letter
    may sort elsewhere there, and is then found on its page by its neighbours, not by the index."""
    titles = Role.objects.published().annotate(lowered=Lower("title"))
    bounds = {c: Count("pk", filter=Q(lowered__lt=c.lower())) for c in string.ascii_uppercase}
    found = titles.aggregate(**bounds, total=Count("pk"))
    letters = list(string.ascii_uppercase)
    pages = {}
    for i, letter in enumerate(letters):
        end = found[letters[i + 1]] if i + 1 < len(letters) else found["total"]
        if end > found[letter]:
            pages[letter] = found[letter] // page_size + 1
    return pages


def a_to_z(roles: list[Role], pages: dict[str, int] | None = None) -> list[Letter]:
    """Every letter A–Z (and "#" when needed), each with its roles sorted by title; with ``pages``
    (``letter_pages``), the page where the letters of other pages start."""
    by_letter: dict[str, list[Role]] = {}
    for role in sorted(roles, key=lambda r: r.title.casefold()):
        by_letter.setdefault(first_letter(role.title), []).append(role)
    pages = pages or {}
    letters = [Letter(ch, by_letter.get(ch, []), pages.get(ch, 0)) for ch in string.ascii_uppercase]
    if "#" in by_letter:
        letters.append(Letter("#", by_letter["#"]))
    return letters


def family_samples(per_family: int) -> dict[int, list[Role]]:
    """The first ``per_family`` published roles of each family by title, keyed by family id: one query."""
    rank = Window(RowNumber(), partition_by=F("family_id"), order_by=[Lower("title").asc(), F("title").asc()])
    roles = (
        Role.objects.published()
        .only("slug", "title", "family_id")
        .annotate(rank=rank)
        .filter(rank__lte=per_family)
        .order_by(Lower("title"), "title")
    )
    samples: dict[int, list[Role]] = {}
    for role in roles:
        samples.setdefault(role.family_id, []).append(role)
    return samples
