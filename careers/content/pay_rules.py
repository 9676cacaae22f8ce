"""The content check's rules for pay (part of ``content_problems``, careers.content.validate): known employer types,
a median that rises with the level, the location's currency, complete pay by employer type, no place a copy of
another. Each problem names the file, the JSON path and the reason.
"""

from __future__ import annotations

from collections import defaultdict

from salaries.currency import currency_of
from salaries.rules import NATIONAL, Band, banded_yet_rarely_hiring, employer_pay_gaps

from .reader import ContentSet, Problem, RoleFile


def pay_problems(content: ContentSet) -> list[Problem]:
    """Every pay rule over every role file."""
    ladder = [lv.slug for lv in sorted(content.levels, key=lambda lv: lv.order)]
    places = [loc.slug for loc in sorted(content.locations, key=lambda loc: loc.order)]
    problems: list[Problem] = []
    for rf in content.roles:
        problems += employer_type_problems(rf, content)
        problems += median_problems(rf, ladder)
        problems += copied_place_problems(rf, places)
    return problems + currency_problems(content)


def employer_type_problems(rf: RoleFile, content: ContentSet) -> list[Problem]:
    """Known employer types; none both banded and rarely hiring the role; a published role paid by every employer
    type that hires it, at every level, in the country (salaries.rules decides; the pay grid asks the same)."""
    salaries = rf.doc.salaries
    if not salaries:
        return []
    problems: list[Problem] = []
    known = [e.slug for e in sorted(content.employer_types, key=lambda e: e.order)]
    for i, band in enumerate(salaries.bands):
        if band.employer_type is not None and band.employer_type not in known:
            problems.append(
                Problem(rf.path, f"salaries.bands[{i}].employer_type", f"unknown employer type {band.employer_type!r}")
            )
    for i, slug in enumerate(salaries.rarely_hired_by):
        if slug not in known:
            problems.append(Problem(rf.path, f"salaries.rarely_hired_by[{i}]", f"unknown employer type {slug!r}"))
    kinds = {loc.slug: loc.kind for loc in content.locations}
    bands: list[Band] = [(kinds.get(b.location, ""), b.employer_type, b.level) for b in salaries.bands]
    for slug in banded_yet_rarely_hiring(bands=bands, rarely_hired_by=salaries.rarely_hired_by):
        problems.append(
            Problem(
                rf.path,
                f"salaries.rarely_hired_by[{salaries.rarely_hired_by.index(slug)}]",
                f"{slug} has bands of this role, so it does hire it: remove the bands or take {slug} off this list",
            )
        )
    if rf.doc.status == "published":
        levels = [lv.slug for lv in sorted(content.levels, key=lambda lv: lv.order)]
        own = {rl.level for rl in rf.doc.levels}
        national = ", ".join(loc.slug for loc in content.locations if kinds[loc.slug] == NATIONAL) or "the country"
        gaps = employer_pay_gaps(
            employer_types=known,
            levels=[lv for lv in levels if lv in own],
            bands=bands,
            rarely_hired_by=salaries.rarely_hired_by,
        )
        for gap in gaps:
            problems.append(
                Problem(
                    rf.path,
                    "salaries.bands",
                    f"pay-by-employer: a published role needs {gap.employer_type} pay in {national} at "
                    f"{', '.join(gap.levels)}, or {gap.employer_type} listed in salaries.rarely_hired_by",
                )
            )
    return problems


def median_problems(rf: RoleFile, ladder: list[str]) -> list[Problem]:
    """Pay rises with the level: in each location, for all employers and for each employer type, each level's
    median is above the one below it."""
    problems: list[Problem] = []
    medians: dict[tuple[str, str | None], dict[str, int]] = defaultdict(dict)
    for band in rf.doc.salaries.bands if rf.doc.salaries else []:
        medians[band.location, band.employer_type][band.level] = band.median
    for (location, employer_type), by_level in medians.items():
        present = [lv for lv in ladder if lv in by_level]
        where = f"in {location}" + (f" for {employer_type}" if employer_type else "")
        for lower, higher in zip(present, present[1:], strict=False):
            if by_level[higher] <= by_level[lower]:
                problems.append(
                    Problem(
                        rf.path,
                        "salaries.bands",
                        f"median-rises: {where} the {higher} median is not above the {lower} median",
                    )
                )
    return problems


def copied_place_problems(rf: RoleFile, places: list[str]) -> list[Problem]:
    """A place whose figures are exactly another place's, level for level (for all employers, or for one employer
    type): a copy, not an estimate of its own. The later place in the locations' order is named."""
    problems: list[Problem] = []
    figures: dict[tuple[str | None, str], dict[str, tuple[int, int, int]]] = defaultdict(dict)
    first: dict[tuple[str | None, str], int] = {}
    for i, band in enumerate(rf.doc.salaries.bands if rf.doc.salaries else []):
        key = (band.employer_type, band.location)
        figures[key][band.level] = (band.low, band.median, band.high)
        first.setdefault(key, i)
    order = {slug: n for n, slug in enumerate(places)}
    seen: dict[tuple[str | None, frozenset], str] = {}
    for employer_type, location in sorted(figures, key=lambda k: (k[0] or "", order.get(k[1], len(order)), k[1])):
        same = (employer_type, frozenset(figures[employer_type, location].items()))
        if same not in seen:
            seen[same] = location
            continue
        whose = f" for {employer_type}" if employer_type else ""
        problems.append(
            Problem(
                rf.path,
                f"salaries.bands[{first[employer_type, location]}]",
                f"same-as-another-place: every figure{whose} in {location} is the one in {seen[same]}; "
                f"give {location} figures of its own",
            )
        )
    return problems


def currency_problems(content: ContentSet) -> list[Problem]:
    """A band is paid in its location's currency: a dollar figure in Mumbai would be printed as rupees."""
    problems: list[Problem] = []
    expected: dict[str, str | None] = {}
    for i, loc in enumerate(content.locations):
        expected[loc.slug] = currency_of(loc.country_code)
        if expected[loc.slug] is None:
            problems.append(
                Problem(
                    f"{content.reference_dir}/locations.json",
                    f"locations[{i}].country_code",
                    f"no currency is known for the country {loc.country_code!r} (salaries/currency.py)",
                )
            )
    for rf in content.roles:
        salaries = rf.doc.salaries
        if not salaries:
            continue
        wrong_default: dict[str, None] = {}
        for i, band in enumerate(salaries.bands):
            want = expected.get(band.location)
            if want is None or (band.currency or salaries.currency) == want:
                continue
            if band.currency:
                problems.append(
                    Problem(
                        rf.path,
                        f"salaries.bands[{i}].currency",
                        f"{band.currency} is not the currency of {band.location} ({want})",
                    )
                )
            else:
                wrong_default[band.location] = None
        if wrong_default:
            places = ", ".join(wrong_default)
            problems.append(
                Problem(rf.path, "salaries.currency", f"{salaries.currency} is not the currency of {places}")
            )
    return problems
