"""How well a role matches a normalised query: the tiers, best first, and the order within a tier."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

from careers.search.index import Entry, Field, SearchIndex
from careers.search.text import at_word_start
from roles.models import Role


class Tier(IntEnum):
    EXACT = 0
    PREFIX = 1
    CONTAINS = 2
    SKILL = 3
    SUMMARY = 4
    WORDS = 5


@dataclass
class Hit:
    """One role found, how well, and by what (shown to the user: "Also called SDE")."""

    entry: Entry
    tier: Tier
    field: Field
    matched: str
    role: Role | None = None  # read from the database only for the hits that are shown

    @property
    def key(self) -> tuple:
        return (self.tier, self.field, self.entry.sort_title, self.entry.role_id)

    @property
    def why(self) -> str:
        """Why a role that the title alone does not explain was found."""
        if self.field == Field.ALIAS:
            return f"Also called {self.matched}"
        if self.field == Field.SKILL:
            return f"Asks for {self.matched}"
        if self.field == Field.SUMMARY:
            return "Mentioned in what the role does"
        return ""


def best_hit(entry: Entry, query: str, everything: str | None = None) -> Hit | None:
    """The best way this role matches the normalised query, or None. ``everything``: the entry's whole text,
    when the caller has it already (the index keeps it in one string)."""
    candidates: list[Hit] = []
    for fld, original, name in entry.names:
        if name == query:
            candidates.append(Hit(entry, Tier.EXACT, fld, original))
        elif name.startswith(query):
            candidates.append(Hit(entry, Tier.PREFIX, fld, original))
        elif query in name:
            candidates.append(Hit(entry, Tier.CONTAINS, fld, original))
    if candidates:
        return min(candidates, key=lambda h: h.key)
    for original, name in entry.skills:
        if query in name:
            return Hit(entry, Tier.SKILL, Field.SKILL, original)
    if at_word_start(query, entry.summary):
        return Hit(entry, Tier.SUMMARY, Field.SUMMARY, "")
    words = query.split()
    text = entry.everything if everything is None else everything
    if len(words) > 1 and all(at_word_start(w, text) for w in words):
        return Hit(entry, Tier.WORDS, Field.ANY, "")
    return None


def rank(needle: str, index: SearchIndex) -> list[Hit]:
    """Every role of the index that matches the normalised query, best first."""
    hits = [
        hit for i in index.candidates(needle) if (hit := best_hit(index.entries[i], needle, index.text(i))) is not None
    ]
    return sorted(hits, key=lambda h: h.key)
