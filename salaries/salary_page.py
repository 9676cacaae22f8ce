"""What one salary page shows: a role's pay in one place, for all employers or for one kind of employer.

A page is chosen by two GET parameters, ``location`` and ``employer`` (both slugs, both optional). This module
decides, in memory, from the role's bands (``salaries.pay.role_pay``) and its pay by employer type
(``salaries.employer_pay.employer_pay``):

- which places and which kinds of employer the page offers, and the links that switch them;
- what was asked for: an unknown or unoffered slug is a 404, never a quiet fallback to the default;
- the page's address (``salary_url``): the one function that writes a salary page's URL, for every link to one (the
  template tag ``{% salary_url %}``, the comparison of every role), its canonical URL and the sitemap;
- for all employers, the same figures by kind of employer (a table and a grouped chart); an employer type that
  rarely hires the role is said to in words.

Places for one kind of employer are the places it has figures in (the country, in today's content); a kind of
employer that rarely hires the role has none, so its page names no place.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.http import Http404
from django.urls import reverse

from roles.models import Level, Role

from . import employer_chart
from .employer_pay import EmployerPay
from .models import EmployerType, Location, SalaryBand, home_location
from .pay import Provenance, RolePay, provenance


def salary_query(location: str = "", employer: str = "") -> str:
    """A salary page's query string, "?location=…&employer=…" with only the parameters given ("" for none)."""
    params = [(name, value) for name, value in (("location", location), ("employer", employer)) if value]
    return f"?{urlencode(params)}" if params else ""


def salary_url(role: str, place: str = "", employer: str = "", *, home: str) -> str:
    """A role's salary page in a place ("": its default) for a kind of employer ("": all employers), by slugs.

    ``home`` is the place that page opens on, the home location (``salaries.models.home_location``; for a kind of
    employer, the home among the places it has figures in): its page names no place, as
    ``?location=<home>`` is the same page at a second address, whose canonical is the plain one.
    """
    location = "" if place == home else place
    return reverse("role_salary", args=[role]) + salary_query(location, employer)


@dataclass(frozen=True)
class Choice:
    """One link of a switch (a place, a kind of employer): where it leads, and whether it is the page shown."""

    slug: str
    name: str
    url: str
    current: bool


@dataclass(frozen=True)
class EmployerRow:
    """One row of the table by kind of employer: its band at each level (None: no figure), or "rarely hires"."""

    slug: str  # "" for all employers
    name: str
    url: str  # its own salary page; "" for the page it is shown on
    rarely_hires: bool
    bands: list[SalaryBand | None]


@dataclass(frozen=True)
class Comparison:
    """The role's pay by kind of employer in one place: a row per kind (all employers first), a column per level."""

    location: Location
    levels: list[Level]
    rows: list[EmployerRow]
    rarely: list[str]  # the names of the kinds of employer that rarely hire the role
    chart: employer_chart.GroupedChart | None
    provenance: Provenance


@dataclass(frozen=True)
class SalaryPage:
    """One salary page: its place (None: no figures anywhere), its kind of employer (None: all employers), the bands
    its table shows, its two switches, its canonical URL (a path) and, for all employers, the table by kind."""

    location: Location | None
    employer: EmployerType | None
    rarely_hires: bool  # the kind of employer shown rarely hires the role
    bands: list[SalaryBand]  # what the page's table shows, in ladder order
    places: list[Choice]
    employers: list[Choice]  # "All employers" first; empty when the role has no pay by employer type
    canonical: str
    comparison: Comparison | None


def _home(locations: list[Location]) -> Location | None:
    """The place quoted by default among these: the home location's rule (the country when there is one)."""
    return home_location(locations)


def _slug(location: Location | None) -> str:
    return location.slug if location is not None else ""


def _places(by_type: EmployerPay, employer: str) -> list[Location]:
    seen = {b.location.slug: b.location for b in by_type.bands if b.employer_type and b.employer_type.slug == employer}
    return sorted(seen.values(), key=lambda loc: loc.order)


def offered_employers(by_type: EmployerPay) -> list[EmployerType]:
    """The kinds of employer a role's pages name: those with figures for it and those that rarely hire it."""
    hiring = {et.slug for et in by_type.hiring}
    return [et for et in by_type.employer_types if et.slug in hiring or by_type.rarely_hires(et.slug)]


def choose(role: Role, pay: RolePay, by_type: EmployerPay, *, location: str, employer: str) -> SalaryPage:
    """The page asked for by these slugs ("" for the default); a 404 for one the role has no page for."""
    kinds = offered_employers(by_type)
    chosen = next((et for et in kinds if et.slug == employer), None) if employer else None
    if employer and chosen is None:
        raise Http404("No figures for this role from that kind of employer")
    rarely = chosen is not None and by_type.rarely_hires(chosen.slug)
    places = pay.locations if chosen is None else _places(by_type, chosen.slug)
    home = _home(places)
    place = next((loc for loc in places if loc.slug == location), None) if location else home
    if location and place is None:
        raise Http404("No figures for this role in that location")
    bands: list[SalaryBand] = []
    if place is not None:
        bands = pay.in_location(place.slug) if chosen is None else by_type.in_type(chosen.slug, place.slug)
    kept = place.slug if place is not None and place != home else ""  # a place chosen by the reader
    switch = []
    if kinds:
        url = salary_url(role.slug, _kept(kept, pay.locations), home=_slug(_home(pay.locations)))
        switch.append(Choice("", "All employers", url, chosen is None))
        for et in kinds:
            among = _places(by_type, et.slug)
            url = salary_url(role.slug, _kept(kept, among), et.slug, home=_slug(_home(among)))
            switch.append(Choice(et.slug, et.name, url, et == chosen))
    for_whom = chosen.slug if chosen else ""
    return SalaryPage(
        location=place,
        employer=chosen,
        rarely_hires=rarely,
        bands=bands,
        places=[
            Choice(loc.slug, loc.name, salary_url(role.slug, loc.slug, for_whom, home=_slug(home)), loc == place)
            for loc in places
        ],
        employers=switch,
        canonical=salary_url(role.slug, _slug(place), for_whom, home=_slug(home)),
        comparison=comparison(role, pay, by_type, place, kinds) if chosen is None and place else None,
    )


def _kept(place: str, among: list[Location]) -> str:
    """The chosen place, when the page a link leads to has figures there; else none (that page's default)."""
    return place if place and any(loc.slug == place for loc in among) else ""


def comparison(
    role: Role, pay: RolePay, by_type: EmployerPay, place: Location, kinds: list[EmployerType]
) -> Comparison | None:
    """The role's pay by kind of employer where the page is, or in the country when there are none there."""
    here = place if any(b.location == place for b in by_type.bands) else None
    if here is None:
        here = next((b.location for b in by_type.bands if b.location.slug == by_type.home_location_slug), None)
    if here is None:
        return None
    ladder = sorted((rl.level for rl in role.role_levels.all()), key=lambda level: level.order)
    # The all-employer row is the page shown, unless the table is another place's (the country's).
    everywhere = _slug(_home(pay.locations))
    elsewhere = salary_url(role.slug, here.slug if here in pay.locations else "", home=everywhere)
    everyone = EmployerRow(
        "", "All employers", elsewhere if here != place else "", False, [pay.band(here.slug, lv.slug) for lv in ladder]
    )
    rows = [everyone]
    for et in kinds:
        rarely = by_type.rarely_hires(et.slug)
        cells = [None if rarely else by_type.band(et.slug, lv.slug, here.slug) for lv in ladder]
        at = here.slug if not rarely else ""
        rows.append(
            EmployerRow(
                et.slug,
                et.name,
                salary_url(role.slug, at, et.slug, home=_slug(_home(_places(by_type, et.slug)))),
                rarely,
                cells,
            )
        )
    # Only the levels with a figure somewhere in the table get a column.
    shown = [i for i in range(len(ladder)) if any(row.bands[i] for row in rows)]
    rows = [EmployerRow(row.slug, row.name, row.url, row.rarely_hires, [row.bands[i] for i in shown]) for row in rows]
    levels = [ladder[i] for i in shown]
    absent = [row.name for row in rows if row.rarely_hires]
    return Comparison(
        location=here,
        levels=levels,
        rows=rows,
        rarely=absent,
        chart=_chart(role, rows[1:], levels, here, absent),
        provenance=provenance((band.source, band.as_of) for row in rows for band in row.bands if band),
    )


def _chart(
    role: Role, rows: list[EmployerRow], levels: list[Level], here: Location, absent: list[str]
) -> employer_chart.GroupedChart | None:
    """The grouped chart of the kinds of employer's figures (a group per level); none when they mix currencies or
    there are none."""
    currencies = {band.currency for row in rows for band in row.bands if band}
    if len(currencies) != 1:
        return None
    groups = [
        employer_chart.LevelFigures(
            level.slug,
            f"{level.name} · {level.years}",
            [
                employer_chart.EmployerFigures(row.slug, row.name, band.low, band.median, band.high)
                for row in rows
                if (band := row.bands[i]) is not None
            ],
        )
        for i, level in enumerate(levels)
    ]
    title = f"{role.title} pay by kind of employer and level in {here.name}"
    return employer_chart.grouped_chart([g for g in groups if g.bars], currencies.pop(), title, absent)
