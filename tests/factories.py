"""Small content factories: documents in the fixture format, loaded through the real loader.

Tests describe the content they need in a few lines (``role_doc("data-scientist")``) and get a
database built exactly as production builds it.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

from careers.content.load import load_content

LEVELS = [
    {"slug": "junior", "name": "Entry / Junior", "short_name": "junior", "order": 1, "min_years": 0, "max_years": 2},
    {"slug": "mid", "name": "Mid-level", "short_name": "mid-level", "order": 2, "min_years": 2, "max_years": 5},
    {"slug": "senior", "name": "Senior", "short_name": "senior", "order": 3, "min_years": 5, "max_years": 8},
    {
        "slug": "lead",
        "name": "Lead / Principal / Manager",
        "short_name": "lead, principal or manager",
        "order": 4,
        "min_years": 8,
        "max_years": None,
    },
]
LOCATIONS = [
    {"slug": "india", "name": "India", "kind": "country", "country_code": "IN", "order": 0},
    {"slug": "bengaluru", "name": "Bengaluru", "kind": "city", "country_code": "IN", "order": 1},
]
SKILLS = [
    {"slug": slug, "name": name, "kind": "practice", "description": f"About {name}."}
    for slug, name in [
        ("python", "Python"),
        ("sql", "SQL"),
        ("statistics", "Statistics"),
        ("mlops", "MLOps"),
        ("docker", "Docker"),
        ("spark", "Spark"),
        ("mentoring", "Mentoring"),
        ("strategy", "Strategy"),
    ]
]
FAMILIES = [{"slug": "data", "name": "Data", "order": 1, "description": ""}]
# Kinds of employer: none unless a test asks (``reference(employer_types=True)``), so that a role needs no pay by
# employer type to be complete.
EMPLOYER_TYPES = [
    {
        "slug": slug,
        "name": name,
        "description": f"What counts as {name.lower()}.",
        "level_naming": "Numbered levels.",
        "order": order,
    }
    for order, (slug, name) in enumerate(
        [("it-services", "IT services and consulting"), ("product", "Product company")]
    )
]
# Pay by employer type, as a share of the all-employer figure at each level.
EMPLOYER_SHARE = {"it-services": 0.7, "product": 1.4}

# Pay in India per level (low, median, high), in lakh; other locations scale it.
PAY = {"junior": (7, 9, 12), "mid": (12, 15, 20), "senior": (20, 24, 30), "lead": (28, 31, 35)}


def reference(*, employer_types: bool = False) -> dict:
    return {
        "families": {"families": copy.deepcopy(FAMILIES)},
        "levels": {"levels": copy.deepcopy(LEVELS)},
        "skills": {"skills": copy.deepcopy(SKILLS)},
        "locations": {"locations": copy.deepcopy(LOCATIONS)},
        "employer_types": {"employer_types": copy.deepcopy(EMPLOYER_TYPES) if employer_types else []},
    }


def bands(pay: dict = PAY, locations=("india", "bengaluru")) -> list[dict]:
    out = []
    for i, location in enumerate(locations):
        factor = 1 + i / 10
        for level, (low, median, high) in pay.items():
            out.append(
                {
                    "location": location,
                    "level": level,
                    "low": round(low * factor * 100_000),
                    "median": round(median * factor * 100_000),
                    "high": round(high * factor * 100_000),
                }
            )
    return out


def employer_bands(pay: dict = PAY, shares: dict = EMPLOYER_SHARE, location: str = "india") -> list[dict]:
    """Bands for each employer type in ``shares`` at every level, in one place (the country by default)."""
    return [
        {
            "location": location,
            "level": level,
            "employer_type": employer_type,
            "low": round(low * share * 100_000),
            "median": round(median * share * 100_000),
            "high": round(high * share * 100_000),
        }
        for employer_type, share in shares.items()
        for level, (low, median, high) in pay.items()
    ]


def role_doc(slug: str = "data-scientist", title: str | None = None, **overrides) -> dict:
    title = title or slug.replace("-", " ").title()
    doc = {
        "slug": slug,
        "title": title,
        "family": "data",
        "status": "published",
        "featured": False,
        "aliases": [],
        "summary": f"{title}s do useful things with data.",
        "body": "First paragraph.\n\nSecond paragraph.",
        "levels": [
            {
                "level": "junior",
                "title": f"Junior {title}",
                "what_you_do": "You learn.",
                "skills": ["python", "sql"],
                "manager_track": "",
                "specialist_track": "",
            },
            {
                "level": "mid",
                "title": title,
                "what_you_do": "You own work.",
                "skills": ["statistics", "sql"],
                "manager_track": "",
                "specialist_track": "",
            },
            {
                "level": "senior",
                "title": f"Senior {title}",
                "what_you_do": "You lead projects.",
                "skills": ["mlops"],
                "manager_track": "",
                "specialist_track": "",
            },
            {
                "level": "lead",
                "title": f"Lead {title}",
                "what_you_do": "You set direction.",
                "skills": ["strategy", "mentoring"],
                "manager_track": f"{title} Manager",
                "specialist_track": f"Principal {title}",
            },
        ],
        "relations": [],
        "salaries": {
            "currency": "INR",
            "period": "year",
            "source": "Test estimate",
            "as_of": "2026-10-01",
            "bands": bands(),
        },
        "faqs": [],
    }
    doc.update(overrides)
    return doc


def write_content(directory: Path, roles: list[dict], ref: dict | None = None) -> Path:
    ref = ref if ref is not None else reference()
    (directory / "reference").mkdir(parents=True, exist_ok=True)
    (directory / "roles").mkdir(parents=True, exist_ok=True)
    for name, doc in ref.items():
        (directory / "reference" / f"{name}.json").write_text(json.dumps(doc, indent=2), encoding="utf-8")
    for doc in roles:
        (directory / "roles" / f"{doc['slug']}.json").write_text(json.dumps(doc, indent=2), encoding="utf-8")
    return directory


def load_roles(directory: Path, *roles: dict, ref: dict | None = None):
    """Write these roles (and the reference data) to ``directory`` and load them; return the report."""
    return load_content(directory=write_content(directory, list(roles), ref))
