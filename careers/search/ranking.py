"""How well a role matches a normalised query: the tiers, best first, and the order within a tier.

The tiers of every matching role are found at once, through the index's distinct names and skills and its
summary words (``tiers``), never by reading each role's text; only the roles a page shows are put back
together and matched in full (``best_hit``), which says why each one was found.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from enum import IntEnum

from careers.search.index import WORD, Entry, Field, SearchIndex
from careers.search.text import at_word_start
from roles.models import Role


class Tier(IntEnum):
    EXACT = 0
    PREFIX = 1
    CONTAINS = 2
    SKILL = 3
    SUMMARY = 4
    WORDS = 5


# A role's tier and field as one number (tier, then field): the ranking's first two keys.
FIELDS = len(Field)


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
    when the caller has it already."""
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


def in_summaries(index: SearchIndex, needle: str) -> set[int]:
    """The roles whose summary holds ``needle`` at a word start.

    Each run of word characters in the needle starts a word of the summary wherever the needle does, so
    only the roles having words that start with every run are read, and only when the needle is more than
    one run.
    """
    runs = WORD.findall(needle)
    if runs == [needle]:
        return index.with_word_starting(needle)
    if runs:
        candidates = set.intersection(*(index.with_word_starting(run) for run in dict.fromkeys(runs)))
    else:  # punctuation only ("++"): rare, so read them all
        candidates = set(range(len(index)))
    return {i for i in candidates if at_word_start(needle, index.summary(i))}


def with_word(index: SearchIndex, word: str) -> set[int]:
    """The roles with ``word`` at a word start anywhere: a title, an alias, a skill or the summary."""
    found = in_summaries(index, word)
    for number in index.names.containing(word, word_start=True):
        found.update(posting >> 1 for posting in index.name_roles[number])
    for number in index.skills.containing(word, word_start=True):
        found.update(index.skill_roles[number])
    return found


def tiers(needle: str, index: SearchIndex) -> dict[int, int]:
    """Every matching role (by its place in the index) -> its tier and field as one number, the best it has."""
    best: dict[int, int] = {}
    names = index.names
    for number in names.containing(needle):
        name = names[number]
        tier = Tier.EXACT if name == needle else Tier.PREFIX if name.startswith(needle) else Tier.CONTAINS
        for posting in index.name_roles[number]:  # role * 2 + its field: 0 title, 1 alias
            code = tier * FIELDS + (posting & 1)
            role = posting >> 1
            if code < best.get(role, FIELDS * len(Tier)):
                best[role] = code
    skilled: set[int] = set()
    for number in index.skills.containing(needle):
        skilled.update(index.skill_roles[number])
    lower = [
        (Tier.SKILL * FIELDS + Field.SKILL, skilled),
        (Tier.SUMMARY * FIELDS + Field.SUMMARY, in_summaries(index, needle)),
    ]
    words = needle.split()
    if len(words) > 1:
        lower.append((Tier.WORDS * FIELDS + Field.ANY, set.intersection(*(with_word(index, w) for w in words))))
    for code, roles in lower:
        best.update(dict.fromkeys(roles - best.keys(), code))
    return best


def rank(needle: str, index: SearchIndex, limit: int) -> tuple[int, list[Hit]]:
    """How many roles of the index match the normalised query, and the best ``limit`` of them, best first.

    Sorting goes by numbers (tier and field, then the role's place by title, known in advance); only the
    roles kept are matched in full, for why they were found.
    """
    best = tiers(needle, index)
    size, order = len(index), index.order
    keys = heapq.nsmallest(limit, (code * size + order[role] for role, code in best.items()))
    by_place = index.by_place
    hits = []
    for key in keys:
        # The same rules as tiers(), read from the role's own text (tests hold the two to the same answers).
        if hit := best_hit(index.entry(by_place[key % size]), needle):
            hits.append(hit)
    return len(best), hits
