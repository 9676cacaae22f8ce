"""schema.org data as JSON-LD, built from exactly what a page shows.

Each builder takes the objects the page renders and returns a plain dict; the ``json_ld`` template
tag serialises it safely. Nothing here queries the database.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from roles.models import Role, RoleLevel
from salaries.models import SalaryBand

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


def _experience(role_levels: Sequence[RoleLevel]) -> dict | None:
    if not role_levels:
        return None
    months = min(rl.level.min_years for rl in role_levels) * 12
    return {"@type": "OccupationalExperienceRequirements", "monthsOfExperience": months}


def _salary(bands: Iterable[SalaryBand], name: str) -> list[dict]:
    return [
        {
            "@type": "MonetaryAmountDistribution",
            "name": f"{name}: {band.level.name}, {band.location.name}",
            "currency": band.currency,
            "duration": "P1Y",
            "percentile10": band.low,
            "median": band.median,
            "percentile90": band.high,
        }
        for band in bands
    ]


def occupation(
    *,
    name: str,
    description: str,
    role_levels: Sequence[RoleLevel],
    bands: Sequence[SalaryBand],
    url: str,
) -> dict:
    """An Occupation with the skills, experience and pay the page shows (one distribution per band shown)."""
    skills: list[str] = []
    for rl in role_levels:
        for skill in rl.skills:
            if skill.name not in skills:
                skills.append(skill.name)
    places = []
    for band in bands:
        if band.location.name not in [p["name"] for p in places]:
            kind = "Country" if band.location.kind == "country" else "City"
            places.append({"@type": kind, "name": band.location.name})
    data = {
        "@context": SCHEMA,
        "@type": "Occupation",
        "name": name,
        "description": description,
        "url": url,
        "skills": ", ".join(skills),
        "occupationLocation": places,
        "estimatedSalary": _salary(bands, name),
    }
    if experience := _experience(role_levels):
        data["experienceRequirements"] = experience
    return data


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
            {"@type": "ListItem", "position": i, "name": role.title, "url": f"{site_url}/roles/{role.slug}/career-path/"}
            for i, role in enumerate(roles, start=1)
        ],
    }
