"""schema.org data as JSON-LD, built from exactly what a page shows (Occupation: salaries.structured_data).

Each builder takes the objects the page renders and returns a plain dict; the ``json_ld`` template
tag serialises it safely. Nothing here queries the database.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from roles.models import Role

SCHEMA = "https://schema.org"


def breadcrumbs(crumbs: Sequence[tuple[str, str]], site_url: str) -> dict:
    items = [("Home", "/")] + list(crumbs)
    elements = []
    for position, (label, url) in enumerate(items, start=1):
        element = {"@type": "ListItem", "position": position, "name": str(label)}
        if url:
            element["item"] = f"{site_url}{url}"
        elements.append(element)
    return {"@context": SCHEMA, "@type": "BreadcrumbList", "itemListElement": elements}


def website(name: str, alternate_name: str, site_url: str) -> dict:
    """WebSite for the home page only: the name (and the other name people know it by) a search engine shows."""
    return {
        "@context": SCHEMA,
        "@type": "WebSite",
        "name": name,
        "alternateName": alternate_name,
        "url": f"{site_url}/",
    }


def faq_page(questions: Iterable) -> dict:
    """FAQPage with each question and answer exactly as the page shows them."""
    return {
        "@context": SCHEMA,
        "@type": "FAQPage",
        "mainEntity": [
            {"@type": "Question", "name": qa.question, "acceptedAnswer": {"@type": "Answer", "text": qa.answer}}
            for qa in questions
        ],
    }


def item_list(roles: Sequence[Role], site_url: str, name: str) -> dict:
    return {
        "@context": SCHEMA,
        "@type": "ItemList",
        "name": name,
        "numberOfItems": len(roles),
        "itemListElement": [
            {"@type": "ListItem", "position": i, "name": role.title, "url": f"{site_url}{role.get_absolute_url()}"}
            for i, role in enumerate(roles, start=1)
        ],
    }
