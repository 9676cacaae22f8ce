"""Near misses: the roles closest to a query that matched nothing ("machin lerning", "devloper")."""

from __future__ import annotations

import difflib
import heapq
from collections import Counter, defaultdict
from collections.abc import Iterable

from careers.search.index import Field, SearchIndex

# How much a close word counts for a role: in its title, an alias, a skill name.
TITLE_WEIGHT, ALIAS_WEIGHT, SKILL_WEIGHT = 1.0, 0.8, 0.5


def close_matches(word: str, possibilities: Iterable[str], n: int, cutoff: float) -> list[str]:
    """What ``difflib.get_close_matches`` answers, faster: its second bound (``quick_ratio``, the characters both
    strings share) is counted with ``str.count`` in C, one call per distinct character of ``word``, instead of a
    Python loop over every character of each possibility (most of the time near misses took).
    """
    counts = list(Counter(word).items())
    length = len(word)
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(word)
    found = []
    for x in possibilities:
        total = len(x) + length
        # difflib's bounds, as difflib computes them: real_quick_ratio, then quick_ratio, then ratio.
        if total and 2.0 * min(len(x), length) / total < cutoff:
            continue
        if total and 2.0 * sum(min(x.count(c), k) for c, k in counts) / total < cutoff:
            continue
        matcher.set_seq1(x)
        if (ratio := matcher.ratio()) >= cutoff:
            found.append((ratio, x))
    return [x for _, x in heapq.nlargest(n, found)]


def _weights(index: SearchIndex, word: str) -> dict[int, float]:
    """The roles holding ``word`` whole in a title, an alias or a skill name, with the best weight each has."""
    vocabulary = index.vocabulary
    weights: dict[int, float] = {}
    for number in vocabulary.in_skills.get(word, ()):
        weights.update(dict.fromkeys(index.skill_roles[number], SKILL_WEIGHT))
    for number in vocabulary.in_names.get(word, ()):
        for posting in index.name_roles[number]:  # role * 2 + its field
            weight = TITLE_WEIGHT if posting & 1 == Field.TITLE else ALIAS_WEIGHT
            role = posting >> 1
            if weight > weights.get(role, 0.0):
                weights[role] = weight
    return weights


def closest(index: SearchIndex, query: str, count: int = 6) -> list[int]:
    """Roles whose title or alias is near the query ("machin lerning", "devloper"), by difflib.

    Each query word close to a word of a title counts fully, to a word of an alias a little less, to a
    word of a skill name half; a whole title or alias close to the whole query only breaks near-ties
    (its bonus is smaller than the gap between title and alias). Then by title. The roles holding a close
    word come from the vocabulary's lists, so the cost follows the vocabulary and those roles, not the catalog.
    """
    vocabulary = index.vocabulary
    score: dict[int, float] = defaultdict(float)
    tokens = [t for t in query.split() if len(t) >= 3] or [query]
    for token in tokens:
        best: dict[int, float] = {}
        for word in close_matches(token, vocabulary.words, n=3, cutoff=0.75):
            for role, weight in _weights(index, word).items():
                if weight > best.get(role, 0.0):
                    best[role] = weight
        for role, weight in best.items():
            score[role] += weight / len(tokens)
    # The whole query against the titles and aliases of the roles found: distinct names, and who has each.
    names: dict[str, dict[int, None]] = defaultdict(dict)
    strings = index.names
    for role in score:
        for number in index.role_names[role]:
            names[strings[index.original_name[number]]][role] = None
    for name in close_matches(query, names, n=count, cutoff=0.6):
        ratio = difflib.SequenceMatcher(None, query, name).ratio()
        for role in names[name]:
            score[role] += ratio * 0.15
    order = index.order
    ranked = sorted(score, key=lambda role: (-score[role], order[role]))
    return [int(index.role_ids[role]) for role in ranked[:count]]
