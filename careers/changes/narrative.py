"""Every sentence of the change lines: what changed in a role, in words a reader uses (never a field's name).

The date is not part of a line: the pages add it ("… on 3 Nov 2026") through the ``site_date`` filter.
"""

from __future__ import annotations

from collections.abc import Sequence


def listed(names: Sequence[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    names = list(names)
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def renamed(old: str, new: str) -> str:
    return f"Renamed from {old} to {new}"


def moved_to_field(family: str) -> str:
    return f"Moved to the {family} field"


def rewritten(what: str) -> str:
    return f"{what} rewritten"


def text_change(what: str, old: str, new: str) -> str:
    """A text that was added, removed or rewritten."""
    if not old:
        return f"{what} added"
    if not new:
        return f"{what} removed"
    return rewritten(what)


def level_added(level: str) -> str:
    return f"{level} added to the ladder"


def level_removed(level: str) -> str:
    return f"{level} taken off the ladder"


def level_title(level: str, title: str) -> str:
    return f"Title for {level} changed to {title}"


def skills(level: str, added: Sequence[str], removed: Sequence[str]) -> str:
    """ "Skills for Lead: Kubernetes added; Java removed", or "Skills for Lead reordered"."""
    parts = []
    if added:
        parts.append(f"{listed(added)} added")
    if removed:
        parts.append(f"{listed(removed)} removed")
    if not parts:
        return f"Skills for {level} reordered"
    return f"Skills for {level}: " + "; ".join(parts)


PAY_MOVES = {
    "raised": "raised",
    "lowered": "lowered",
    "range": "range adjusted",
    "added": "added",
    "removed": "removed",
}


def pay(levels: Sequence[str], places: Sequence[str], move: str) -> str:
    """ "Pay for Senior in Pune raised", "Pay for Junior and Senior in Pune and Chennai lowered"."""
    if move == "range":
        return f"Pay range for {listed(levels)} in {listed(places)} adjusted"
    return f"Pay for {listed(levels)} in {listed(places)} {PAY_MOVES[move]}"


def pay_place(location: str, employer_type: str | None) -> str:
    """A band's place: "Pune", or "India (Product company)" for a kind of employer's figure."""
    return f"{location} ({employer_type})" if employer_type else location


def pay_dated(month: str) -> str:
    return f"Pay figures dated {month}"


def pay_source() -> str:
    return "Source of the pay figures updated"


def move(kind: str, role: str, change: str) -> str:
    """ "Next step to Data Engineer added", "Related move to Data Analyst removed", "… note rewritten"."""
    what = "Next step to" if kind == "next" else "Related move to"
    return f"{what} {role} {change}"


def alias(name: str, added: bool) -> str:
    return f"Also known as “{name}” " + ("added" if added else "removed")


def question(text: str, change: str) -> str:
    """ "Question “Is it fun?” added / removed / answered anew"."""
    return f"Question “{text}” {change}"


def rarely_hires(employer_type: str, now: bool) -> str:
    if now:
        return f"Noted as rarely hired by {employer_type}"
    return f"No longer noted as rarely hired by {employer_type}"


def more(count: int) -> str:
    return f"{count} more change{'s' if count != 1 else ''}"
