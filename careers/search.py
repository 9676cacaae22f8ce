"""Role search: titles, aliases, skills and summaries, case- and accent-insensitive, ranked in Python.

Why Python: SQLite and PostgreSQL fold case and accents differently, and ranking must be the same on
both. The candidate set is every published role (a few hundred at most), read in a constant number of
queries (the catalog list, its aliases, and one flat list of skill names), so ranking here is cheap and
nothing the user typed ever reaches SQL.

Ranking, best first: exact title or alias; title or alias starting with the query; title or alias
containing it; a skill name containing it; the summary containing it at a word start; every word of
the query found somewhere. Within a tier a title match beats an alias match; then by title.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from enum import IntEnum
from functools import lru_cache

from roles.models import Role, RoleAlias, RoleLevelSkill

MAX_QUERY_LENGTH = 100
SEPARATORS = re.compile(r"[\s\-_/]+")


class Tier(IntEnum):
    EXACT = 0
    PREFIX = 1
    CONTAINS = 2
    SKILL = 3
    SUMMARY = 4
    WORDS = 5


class Field(IntEnum):
    TITLE = 0
    ALIAS = 1
    SKILL = 2
    SUMMARY = 3
    ANY = 4


def clean_query(raw: str) -> str:
    """What the user typed, made safe to show and match: control characters out, spaces collapsed, capped."""
    raw = raw[: MAX_QUERY_LENGTH * 20]  # the cap is applied after cleaning; this only bounds the work
    kept = "".join(ch for ch in raw if ch.isspace() or not unicodedata.category(ch).startswith("C"))
    return " ".join(kept.split())[:MAX_QUERY_LENGTH].strip()


@lru_cache(maxsize=8192)
def normalise(text: str) -> str:
    """"Développeur  Full-Stack" -> "developpeur full stack": accents off, case folded, separators as one space.

    Memoised: the catalog's titles, aliases, skills and summaries are normalised on every search, and
    they rarely change; the cache is bounded, so edited text simply ages out.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return SEPARATORS.sub(" ", bare.casefold()).strip()


def _at_word_start(needle: str, haystack: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(needle), haystack) is not None


@dataclass(frozen=True)
class Hit:
    """One role found, how well, and by what (shown to the user: "Also called SDE")."""

    role: Role
    tier: Tier
    field: Field
    matched: str

    @property
    def key(self) -> tuple:
        return (self.tier, self.field, normalise(self.role.title), self.role.pk)

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


@dataclass
class SearchResult:
    query: str
    hits: list[Hit] = field(default_factory=list)
    suggestions: list[Role] = field(default_factory=list)  # closest roles when nothing matched
    popular: list[Role] = field(default_factory=list)  # editors' picks when nothing matched


@dataclass(frozen=True)
class Entry:
    """A role's searchable text, normalised once: (original, normalised) pairs."""

    role: Role
    names: list[tuple[Field, str, str]]  # title and aliases
    skills: list[tuple[str, str]]
    summary: str

    @property
    def everything(self) -> str:
        return " ".join([n for _, _, n in self.names] + [n for _, n in self.skills] + [self.summary])


def build_index(roles: list[Role]) -> list[Entry]:
    """Two flat queries whatever the number of roles: every alias, and the skill names of every level."""
    pks = [role.pk for role in roles]
    aliases: dict[int, list[str]] = defaultdict(list)
    for role_id, name in RoleAlias.objects.filter(role__in=pks).order_by("name").values_list("role_id", "name"):
        aliases[role_id].append(name)
    skills: dict[int, dict[str, None]] = defaultdict(dict)  # a dict keeps the ladder order without repeats
    rows = RoleLevelSkill.objects.filter(role_level__role__in=pks).order_by("role_level__level__order", "order")
    for role_id, name in rows.values_list("role_level__role_id", "skill__name"):
        skills[role_id].setdefault(name)
    return [
        Entry(
            role=role,
            names=[(Field.TITLE, role.title, normalise(role.title))]
            + [(Field.ALIAS, name, normalise(name)) for name in aliases[role.pk]],
            skills=[(name, normalise(name)) for name in skills[role.pk]],
            summary=normalise(role.summary),
        )
        for role in roles
    ]


def best_hit(entry: Entry, query: str) -> Hit | None:
    """The best way this role matches the normalised query, or None."""
    candidates: list[Hit] = []
    for fld, original, name in entry.names:
        if name == query:
            candidates.append(Hit(entry.role, Tier.EXACT, fld, original))
        elif name.startswith(query):
            candidates.append(Hit(entry.role, Tier.PREFIX, fld, original))
        elif query in name:
            candidates.append(Hit(entry.role, Tier.CONTAINS, fld, original))
    if candidates:
        return min(candidates, key=lambda h: h.key)
    for original, name in entry.skills:
        if query in name:
            return Hit(entry.role, Tier.SKILL, Field.SKILL, original)
    if _at_word_start(query, entry.summary):
        return Hit(entry.role, Tier.SUMMARY, Field.SUMMARY, "")
    words = query.split()
    if len(words) > 1 and all(_at_word_start(w, entry.everything) for w in words):
        return Hit(entry.role, Tier.WORDS, Field.ANY, "")
    return None


def closest(entries: list[Entry], query: str, count: int = 6) -> list[Role]:
    """Roles whose title or alias is near the query ("machin lerning", "devloper"), by difflib.

    Each query word close to a word of a title counts fully, to a word of an alias a little less, to a
    word of a skill name half; a whole title or alias close to the whole query only breaks near-ties
    (its bonus is smaller than the gap between title and alias). Then by title.
    """
    full: dict[str, set[int]] = defaultdict(set)
    words: dict[str, dict[int, float]] = defaultdict(dict)
    for entry in entries:
        for fld, _, name in entry.names:
            full[name].add(entry.role.pk)
            weight = 1.0 if fld == Field.TITLE else 0.8
            for word in name.split():
                if len(word) >= 3:
                    words[word][entry.role.pk] = max(weight, words[word].get(entry.role.pk, 0.0))
        for _, skill in entry.skills:
            for word in skill.split():
                if len(word) >= 3:
                    words[word][entry.role.pk] = max(0.5, words[word].get(entry.role.pk, 0.0))
    score: dict[int, float] = defaultdict(float)
    tokens = [t for t in query.split() if len(t) >= 3] or [query]
    for token in tokens:
        best: dict[int, float] = {}
        for word in difflib.get_close_matches(token, list(words), n=3, cutoff=0.75):
            for pk, weight in words[word].items():
                best[pk] = max(best.get(pk, 0.0), weight)
        for pk, weight in best.items():
            score[pk] += weight / len(tokens)
    for name in difflib.get_close_matches(query, list(full), n=count, cutoff=0.6):
        ratio = difflib.SequenceMatcher(None, query, name).ratio()
        for pk in full[name]:
            score[pk] += ratio * 0.15
    by_pk = {entry.role.pk: entry.role for entry in entries}
    ranked = sorted(score, key=lambda pk: (-score[pk], normalise(by_pk[pk].title)))
    return [by_pk[pk] for pk in ranked[:count]]


def search(raw_query: str, roles: list[Role], popular: list[Role]) -> SearchResult:
    """Rank ``roles`` (the published catalog) against the query; suggest near misses when nothing matches."""
    query = clean_query(raw_query)
    result = SearchResult(query=query)
    needle = normalise(query)
    if not needle:  # only punctuation: nothing to match, so offer the popular roles
        result.popular = popular
        return result
    entries = build_index(roles)
    hits = [hit for entry in entries if (hit := best_hit(entry, needle)) is not None]
    result.hits = sorted(hits, key=lambda h: h.key)
    if not result.hits:
        result.suggestions = closest(entries, needle)
        result.popular = [role for role in popular if role not in result.suggestions]
    return result
