"""What the discovery pages' tests share: the small catalog built for search (its reference data), and reading
the parts every page kind repeats — the breadcrumb trail and the role cards of search results."""

from __future__ import annotations

from typing import Any

from tests.factories import reference
from tests.html import element, elements


def zoo_reference() -> dict:
    """The factories' reference data with one more skill, Zebra Care, for the "zebra" search catalog."""
    ref = reference()
    ref["skills"]["skills"].append(
        {"slug": "zebra-care", "name": "Zebra Care", "kind": "practice", "description": "Zebras."}
    )
    return ref


def breadcrumbs(page: Any) -> list[tuple[str, str | None]]:
    """The breadcrumb trail as (label, href); the last crumb, the page itself, is no link (None) and is the one
    marked aria-current="page"."""
    trail = element(page, "nav", class_="breadcrumbs")
    crumbs = []
    for item in trail.find_all("li"):
        links = item.find_all("a", href=True)
        crumbs.append((item.text, links[0]["href"] if links else None))
    current = trail.find(aria_current="page")
    assert crumbs and crumbs[-1] == (current.text, None), f"the last crumb is not the current page: {crumbs}"
    return crumbs


def cards(page: Any, tag: str, labelled_by: str) -> list[tuple[str, str]]:
    """The role cards of one list of the page (the list labelled by that heading): (title, why it matched, or "")
    in page order; no such list, no cards."""
    lists = elements(page, tag, aria_labelledby=labelled_by)
    assert len(lists) <= 1, f"{len(lists)} lists labelled {labelled_by}"
    return [
        (
            card.find("a", class_="role-card__title").text,
            " ".join(w.text for w in card.find_all(class_="role-card__why")),
        )
        for grid in lists
        for card in grid.find_all("li", class_="role-card")
    ]


def ranked_cards(page: Any) -> list[tuple[str, str]]:
    """The ranked search results, best first: (title, why it matched)."""
    return cards(page, "ol", "results-heading")


def ranked_titles(page: Any) -> list[str]:
    """The ranked search results' titles, best first (not the closest or popular roles shown without a match)."""
    return [title for title, _ in ranked_cards(page)]


def closest_titles(page: Any) -> list[str]:
    """The titles of the closest roles offered when nothing matches."""
    return [title for title, _ in cards(page, "ul", "closest")]
