"""schema.org Occupation with its estimated pay, built from exactly the bands and skills a page shows."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from salaries.models import SalaryBand

SCHEMA = "https://schema.org"


def _distributions(bands: Iterable[SalaryBand], name: str) -> list[dict]:
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
    bands: Sequence[SalaryBand],
    url: str,
    skills: Sequence[str] = (),
) -> dict:
    """An Occupation: one pay distribution per band shown, the places they are for, the skills listed."""
    places: dict[str, dict] = {}
    for band in bands:
        kind = "Country" if band.location.kind == "country" else "City"
        places.setdefault(band.location.name, {"@type": kind, "name": band.location.name})
    data: dict[str, object] = {
        "@context": SCHEMA,
        "@type": "Occupation",
        "name": name,
        "description": description,
        "url": url,
        "occupationLocation": list(places.values()),
        "estimatedSalary": _distributions(bands, name),
    }
    if skills:
        data["skills"] = ", ".join(dict.fromkeys(skills))
    if bands:
        months = min(band.level.min_years for band in bands) * 12
        data["experienceRequirements"] = {"@type": "OccupationalExperienceRequirements", "monthsOfExperience": months}
    return data
