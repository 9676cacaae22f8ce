"""A query's answer: the best matches with their roles, or near misses and editors' picks when nothing matched."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from careers.pages.catalog import catalog_roles
from careers.search.index import SearchIndex, current_index
from careers.search.ranking import Hit, rank
from careers.search.suggestions import closest
from careers.search.text import clean_query, normalise
from roles.models import Role

# A results page shows the best matches; a query like "engineer" on a large catalog matches thousands.
MAX_RESULTS = 60


@dataclass
class SearchResult:
    query: str
    hits: list[Hit] = field(default_factory=list)  # the best MAX_RESULTS, with their roles
    total: int = 0  # how many roles matched in all
    suggestions: list[Role] = field(default_factory=list)  # closest roles when nothing matched
    popular: list[Role] = field(default_factory=list)  # editors' picks when nothing matched
    role_count: int = 0  # the published roles and their fields, as the index counted them
    family_count: int = 0


def read_popular() -> list[Role]:
    """The editors' picks, offered when nothing matched."""
    return catalog_roles(featured_only=True)[:6]


def search(
    raw_query: str, popular: Callable[[], list[Role]] = read_popular, index: SearchIndex | None = None
) -> SearchResult:
    """Rank the published catalog against the query; suggest near misses when nothing matches.

    Queries: the content version, the index (only when the content changed), and one read of the roles shown;
    when nothing matched, the near misses and the editors' picks (``popular``) instead. The catalog's counts
    come with the index, so a results page needs no query of its own for them.
    """
    query = clean_query(raw_query)
    result = SearchResult(query=query)
    needle = normalise(query)
    index = index or current_index()
    result.role_count, result.family_count = len(index), index.family_count
    if not needle:  # only punctuation: nothing to match, so offer the popular roles
        result.popular = popular()
        return result
    result.total, shown = rank(needle, index, MAX_RESULTS)
    if shown:
        roles = {role.pk: role for role in catalog_roles(ids=[hit.entry.role_id for hit in shown])}
        for hit in shown:
            hit.role = roles.get(hit.entry.role_id)
        # A role unpublished since the index was built is simply left out.
        result.hits = [hit for hit in shown if hit.role is not None]
        return result
    suggested = closest(index, needle)
    by_pk = {role.pk: role for role in catalog_roles(ids=suggested)} if suggested else {}
    result.suggestions = [by_pk[pk] for pk in suggested if pk in by_pk]
    result.popular = [role for role in popular() if role not in result.suggestions]
    return result
