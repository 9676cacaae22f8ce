"""The pay grid as part of a role's version (roles.concurrency): what "no silent overwrite" compares and shows.

The grid is not a model formset, so it names its own rows, in the shape of the snapshot's other rows:

- one row per cell that holds figures, keyed by the cell (``salaries.salaryband:india-senior``) rather than by a
  band's id, so a band one editor added and figures another typed into the same empty cell meet as one row;
- one row for the source and as-of date, entered once for the role;
- one row per employer type ticked as rarely hiring the role (``salaries.rarelyhiring:product``): ticking one reads
  "added", unticking "removed".

A cell without figures has no row: in the version opened an empty cell, in a posted form a cell emptied. So a band
removed reads "removed", a band added "added", as for any other inline row. Values are those of the form, read
by roles.concurrency's own helpers, so the grid and the rest of the screen compare alike; pay reads in ₹ through
the words salaries registers for its bands (salaries.apps).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from roles.concurrency import SKIPPED, form_values, raw_value

from .editing import FIGURES
from .models import RarelyHiring, SalaryBand

if TYPE_CHECKING:
    from .pay_grid import BasePayGrid

MODEL = SalaryBand._meta.label_lower
COMMON = f"{MODEL}:every-band"
NAMES = {"low": "Low", "median": "Median", "high": "High", "source": "Source", "as_of": "As of"}
MARK = RarelyHiring._meta.label_lower


def version_rows(grid: BasePayGrid, *, bound: bool, labels: bool) -> dict[str, dict[str, Any]]:
    """The grid's rows of a snapshot: as opened (the role's bands) or, ``bound``, as the editor posted it."""
    verbose = str(SalaryBand._meta.verbose_name).capitalize()
    common = grid.common.initial
    rows: dict[str, dict[str, Any]] = {
        COMMON: {
            "label": "Pay of every level and place" if labels else "",
            "fields": form_values(grid.common, SKIPPED, bound=bound),
            "names": NAMES,
        }
    }
    for form in grid.forms:
        fields = form_values(form, SKIPPED, bound=bound)
        if all(fields[name] == "" for name in FIGURES):
            continue
        band = grid.bands.get(form.cell.key)
        if not bound and band is not None:
            # A band whose source or date is not the role's (set elsewhere) shows it: a change to it is a change.
            for name in ("source", "as_of"):
                if getattr(band, name) != common.get(name):
                    fields[name] = raw_value(getattr(band, name))
        rows[f"{MODEL}:{form.cell.slug}"] = {
            "label": f"{verbose} “{form.cell.label}”" if labels else "",
            "fields": fields,
            "names": NAMES,
        }
    values = form_values(grid.rarely, SKIPPED, bound=bound)
    for employer_type in grid.employer_types:
        if values.get(employer_type.slug):
            rows[f"{MARK}:{employer_type.slug}"] = {
                "label": f"Rarely hires the role: “{employer_type}”" if labels else "",
                "fields": {"rarely": "yes"},
                "names": {"rarely": "Ticked"},
            }
    return rows
