"""Near misses: the roles closest to a query that matched nothing ("machin lerning", "devloper")."""

from __future__ import annotations

import difflib
from collections import defaultdict

from careers.search.index import Entry, Field, SearchIndex


def _word_weight(entry: Entry, word: str) -> float:
    """How much a close word counts for this role: in its title 1, an alias 0.8, a skill 0.5."""
    best = 0.0
    for fld, _, name in entry.names:
        if word in name.split():
            best = max(best, 1.0 if fld == Field.TITLE else 0.8)
    if best < 0.5 and any(word in skill.split() for _, skill in entry.skills):
        best = 0.5
    return best


def closest(index: SearchIndex, query: str, count: int = 6) -> list[int]:
    """Roles whose title or alias is near the query ("machin lerning", "devloper"), by difflib.

    Each query word close to a word of a title counts fully, to a word of an alias a little less, to a
    word of a skill name half; a whole title or alias close to the whole query only breaks near-ties
    (its bonus is smaller than the gap between title and alias). Then by title. The roles holding a close
    word are found through the index, so the cost follows the vocabulary, not the number of roles.
    """
    vocabulary = index.vocabulary
    score: dict[int, float] = defaultdict(float)
    names: dict[str, set[int]] = defaultdict(set)
    tokens = [t for t in query.split() if len(t) >= 3] or [query]
    for token in tokens:
        best: dict[int, float] = {}
        for word in difflib.get_close_matches(token, vocabulary.words, n=3, cutoff=0.75):
            for i in index.containing(word):
                entry = index.entries[i]
                if weight := _word_weight(entry, word):
                    best[i] = max(best.get(i, 0.0), weight)
                    for _, _, name in entry.names:
                        names[name].add(i)
        for i, weight in best.items():
            score[i] += weight / len(tokens)
    for name in difflib.get_close_matches(query, list(names), n=count, cutoff=0.6):
        ratio = difflib.SequenceMatcher(None, query, name).ratio()
        for i in names[name]:
            score[i] += ratio * 0.15
    ranked = sorted(score, key=lambda i: (-score[i], index.entries[i].sort_title))
    return [index.entries[i].role_id for i in ranked[:count]]
