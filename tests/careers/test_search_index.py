"""The compact search index answers as reading every role's text would: the same roles, order, reasons and
near misses. The reference here is the plain way (each role matched in full by ``best_hit``; near misses by
scanning every role), run over many queries on the real catalog."""

from __future__ import annotations

import difflib
import random
from collections import defaultdict

import pytest

from careers.search import current_index, normalise
from careers.search.index import Field, SearchIndex
from careers.search.ranking import best_hit, rank
from careers.search.suggestions import close_matches, closest

pytestmark = pytest.mark.django_db


def ranked_slowly(needle: str, index: SearchIndex) -> list[tuple]:
    hits = [hit for i in range(len(index)) if (hit := best_hit(index.entry(i), needle)) is not None]
    return [(h.entry.role_id, h.tier, h.field, h.matched) for h in sorted(hits, key=lambda h: h.key)]


def closest_slowly(index: SearchIndex, query: str, count: int = 6) -> list[int]:
    """The near misses as they were found before the index was compact: every role's text scanned."""
    entries = [index.entry(i) for i in range(len(index))]
    words: set[str] = set()
    for entry in entries:
        for _, _, name in entry.names:
            words.update(w for w in name.split() if len(w) >= 3)
        for _, skill in entry.skills:
            words.update(w for w in skill.split() if len(w) >= 3)

    def weight(i: int, word: str) -> float:
        best = 0.0
        for fld, _, name in entries[i].names:
            if word in name.split():
                best = max(best, 1.0 if fld == Field.TITLE else 0.8)
        if best < 0.5 and any(word in skill.split() for _, skill in entries[i].skills):
            best = 0.5
        return best

    score: dict[int, float] = defaultdict(float)
    names: dict[str, set[int]] = defaultdict(set)
    tokens = [t for t in query.split() if len(t) >= 3] or [query]
    for token in tokens:
        best: dict[int, float] = {}
        for word in difflib.get_close_matches(token, sorted(words), n=3, cutoff=0.75):
            for i, entry in enumerate(entries):
                if word in entry.everything and (w := weight(i, word)):
                    best[i] = max(best.get(i, 0.0), w)
                    for _, _, name in entry.names:
                        names[name].add(i)
        for i, w in best.items():
            score[i] += w / len(tokens)
    for name in difflib.get_close_matches(query, list(names), n=count, cutoff=0.6):
        ratio = difflib.SequenceMatcher(None, query, name).ratio()
        for i in sorted(names[name]):
            score[i] += ratio * 0.15
    ranked = sorted(score, key=lambda i: (-score[i], entries[i].sort_title, entries[i].role_id))
    return [entries[i].role_id for i in ranked[:count]]


def queries(index: SearchIndex) -> list[str]:
    """Every word of every title, alias and skill, their beginnings and middles, pairs of them, and odd input."""
    found: set[str] = set()
    for i in range(len(index)):
        entry = index.entry(i)
        for text in [n for _, _, n in entry.names] + [n for _, n in entry.skills]:
            words = text.split()
            found.update(words)
            found.update(w[:3] for w in words)
            found.update(w[1:4] for w in words if len(w) > 3)
            found.update(" ".join(words[k : k + 2]) for k in range(len(words) - 1))
            found.add(text)
        found.update(entry.summary.split()[:6])
        found.add(" ".join(entry.summary.split()[2:5]))
    found.update(["a", "e", "engineer data", "data ml", "sde (", "(backend)", "++", "c++", ".", "-", "ops engineer"])
    return sorted(normalise(q) for q in found if normalise(q))


def test_ranking_is_the_same_as_matching_every_role_in_full(site_content):
    index = current_index()
    for needle in queries(index):
        total, hits = rank(needle, index, limit=10_000)
        expected = ranked_slowly(needle, index)
        assert [(h.entry.role_id, h.tier, h.field, h.matched) for h in hits] == expected, needle
        assert total == len(expected), needle
        # A page shows the best few: the same ones, and the same count of all.
        assert rank(needle, index, limit=3) == (total, hits[:3]), needle


@pytest.mark.parametrize(
    "query", ["machin lerning", "devloper", "andriod", "enginer", "data sceintist", "kubernets", "pyton", "zz", "ux"]
)
def test_near_misses_are_the_same_as_scanning_every_role(site_content, query):
    index = current_index()
    needle = normalise(query)
    assert closest(index, needle) == closest_slowly(index, needle)


def test_summaries_are_matched_at_word_starts_only(site_content):
    index = current_index()
    for needle in ["ngineer", "ata", "ode"]:
        assert any(needle in index.summary(i) for i in range(len(index)))
        assert all(h.field != Field.SUMMARY for h in rank(needle, index, limit=1000)[1])


def test_close_matches_answer_as_difflib_does():
    rng = random.Random(7)
    letters = "aeilnrst ódz"
    words = ["".join(rng.choice(letters) for _ in range(rng.randrange(0, 12))) for _ in range(3000)]
    for word in words[:200]:
        for n, cutoff in [(3, 0.75), (6, 0.6), (2, 0.0)]:
            assert close_matches(word, words, n, cutoff) == difflib.get_close_matches(word, words, n, cutoff), word
