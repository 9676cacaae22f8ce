"""Role search: titles, aliases, skills and summaries, case- and accent-insensitive, ranked in Python.

Why Python: SQLite and PostgreSQL fold case and accents differently, and ranking must be the same on
both. The searchable text of every published role is normalised once into an in-process index (three
queries, rebuilt when the content version moves on), so a search scans one string in C for candidates,
ranks only those, and reads the few roles it shows in one query. Nothing the user typed reaches SQL.

Ranking, best first: exact title or alias; title or alias starting with the query; title or alias
containing it; a skill name containing it; the summary containing it at a word start; every word of
the query found somewhere. Within a tier a title match beats an alias match; then by title.
"""

from __future__ import annotations

import bisect
import difflib
import re
import threading
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from enum import IntEnum
from functools import cached_property, lru_cache

from roles.models import Role, RoleAlias, RoleLevelSkill

from .catalog import catalog_roles
from .models import ContentVersion

MAX_QUERY_LENGTH = 100
# A results page shows the best matches; a query like "engineer" on a large catalog matches thousands.
MAX_RESULTS = 60
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
    """ "Développeur  Full-Stack" -> "developpeur full stack": accents off, case folded, separators as one space,
    format characters (Unicode category Cf: zero-width joiner and non-joiner, soft hyphen, BOM…) dropped.

    The index and the query both go through here, so an alias typed with an invisible joiner (as Indic
    scripts and pasted text carry) and a query typed without one (or the reverse) meet.

    Memoised: the catalog's titles, aliases, skills and summaries are normalised on every search, and
    they rarely change; the cache is bounded, so edited text simply ages out.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    if not bare.isprintable():  # rare (a format character or a line break): only then look at each character
        bare = "".join(ch for ch in bare if unicodedata.category(ch) != "Cf")
    return SEPARATORS.sub(" ", bare.casefold()).strip()


def _at_word_start(needle: str, haystack: str) -> bool:
    """Whether ``needle`` occurs where a word starts (what the regex (?<!\\w)needle says, without a regex:
    this runs for thousands of candidates on a large catalog)."""
    start = haystack.find(needle)
    while start != -1:
        before = haystack[start - 1] if start else " "
        if not (before.isalnum() or before == "_"):
            return True
        start = haystack.find(needle, start + 1)
    return False


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


@dataclass
class SearchResult:
    query: str
    hits: list[Hit] = field(default_factory=list)  # the best MAX_RESULTS, with their roles
    total: int = 0  # how many roles matched in all
    suggestions: list[Role] = field(default_factory=list)  # closest roles when nothing matched
    popular: list[Role] = field(default_factory=list)  # editors' picks when nothing matched


@dataclass(frozen=True)
class Entry:
    """A role's searchable text, normalised once: (original, normalised) pairs."""

    role_id: int
    title: str
    names: list[tuple[Field, str, str]]  # title and aliases
    skills: list[tuple[str, str]]
    summary: str

    @cached_property
    def sort_title(self) -> str:
        return normalise(self.title)

    @property
    def everything(self) -> str:
        """All its normalised text (the index keeps these joined in one string; not cached per entry)."""
        return " ".join([n for _, _, n in self.names] + [n for _, n in self.skills] + [self.summary])


@dataclass
class SearchIndex:
    """Every published role's searchable text, and one string of all of it to scan for candidates."""

    entries: list[Entry]
    stamp: tuple = ()

    def __post_init__(self) -> None:
        # "\n" never occurs in normalised text, so no match can span two roles.
        texts = [entry.everything for entry in self.entries]
        self._starts = []
        offset = 0
        for text in texts:
            self._starts.append(offset)
            offset += len(text) + 1
        self._haystack = "\n".join(texts)

    def text(self, index: int) -> str:
        end = self._starts[index + 1] - 1 if index + 1 < len(self._starts) else len(self._haystack)
        return self._haystack[self._starts[index] : end]

    def containing(self, needle: str) -> set[int]:
        """Indexes of the entries whose text contains ``needle`` (str.find runs in C: fast on any catalog)."""
        found: set[int] = set()
        position = self._haystack.find(needle)
        while position != -1:
            index = bisect.bisect_right(self._starts, position) - 1
            found.add(index)
            # Skip to the next entry: one hit per role is enough to make it a candidate.
            next_start = self._starts[index + 1] if index + 1 < len(self._starts) else len(self._haystack)
            position = self._haystack.find(needle, next_start)
        return found

    @cached_property
    def vocabulary(self) -> Vocabulary:
        return Vocabulary.of(self.entries)

    def candidates(self, needle: str) -> list[int]:
        """Indexes of the roles that could match: the whole query somewhere, or (for several words) every word."""
        indexes = self.containing(needle)
        words = needle.split()
        if len(words) > 1:
            every = set.intersection(*(self.containing(word) for word in words))
            indexes |= every
        return sorted(indexes)


def build_index(roles: list[tuple[int, str, str]], stamp: tuple = ()) -> SearchIndex:
    """roles: (pk, title, summary). Two flat queries whatever the number of roles: aliases and skill names."""
    pks = [pk for pk, _, _ in roles]
    aliases: dict[int, list[str]] = defaultdict(list)
    for role_id, name in RoleAlias.objects.filter(role__in=pks).order_by("name").values_list("role_id", "name"):
        aliases[role_id].append(name)
    skills: dict[int, dict[str, None]] = defaultdict(dict)  # a dict keeps the ladder order without repeats
    rows = RoleLevelSkill.objects.filter(role_level__role__in=pks).order_by("role_level__level__order", "order")
    for role_id, name in rows.values_list("role_level__role_id", "skill__name"):
        skills[role_id].setdefault(name)
    # Thousands of roles ask for the same few hundred skills: one (name, normalised) pair each, shared.
    skill_pairs: dict[str, tuple[str, str]] = {}
    entries = [
        Entry(
            role_id=pk,
            title=title,
            names=[(Field.TITLE, title, normalise(title))]
            + [(Field.ALIAS, name, normalise(name)) for name in aliases[pk]],
            skills=[skill_pairs.setdefault(name, (name, normalise(name))) for name in skills[pk]],
            summary=normalise(summary),
        )
        for pk, title, summary in roles
    ]
    return SearchIndex(entries, stamp)


_index: SearchIndex | None = None
_index_lock = threading.Lock()


def current_index() -> SearchIndex:
    """The index for the content as it is now: rebuilt (once per process) when the content version moves on."""
    global _index
    stamp = ContentVersion.current()
    index = _index
    if index is not None and index.stamp == stamp:
        return index
    with _index_lock:
        if _index is None or _index.stamp != stamp:
            published = Role.objects.published().order_by("pk").values_list("pk", "title", "summary")
            _index = build_index(list(published), stamp)
        return _index


def forget_index() -> None:
    """Drop the in-process index (tests change content without moving the version on)."""
    global _index
    _index = None


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
    if _at_word_start(query, entry.summary):
        return Hit(entry, Tier.SUMMARY, Field.SUMMARY, "")
    words = query.split()
    text = entry.everything if everything is None else everything
    if len(words) > 1 and all(_at_word_start(w, text) for w in words):
        return Hit(entry, Tier.WORDS, Field.ANY, "")
    return None


@dataclass
class Vocabulary:
    """The distinct words of every title, alias and skill, for near-miss suggestions; built once per index."""

    words: list[str]

    @classmethod
    def of(cls, entries: list[Entry]) -> Vocabulary:
        words: set[str] = set()
        for entry in entries:
            for _, _, name in entry.names:
                words.update(w for w in name.split() if len(w) >= 3)
            for _, skill in entry.skills:
                words.update(w for w in skill.split() if len(w) >= 3)
        return cls(sorted(words))


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


def rank(needle: str, index: SearchIndex) -> list[Hit]:
    """Every role of the index that matches the normalised query, best first."""
    hits = [
        hit for i in index.candidates(needle) if (hit := best_hit(index.entries[i], needle, index.text(i))) is not None
    ]
    return sorted(hits, key=lambda h: h.key)


def search(raw_query: str, popular: list[Role], index: SearchIndex | None = None) -> SearchResult:
    """Rank the published catalog against the query; suggest near misses when nothing matches.

    Queries: the content version, the index (only when the content changed), and one read of the roles shown.
    """
    query = clean_query(raw_query)
    result = SearchResult(query=query)
    needle = normalise(query)
    if not needle:  # only punctuation: nothing to match, so offer the popular roles
        result.popular = popular
        return result
    index = index or current_index()
    hits = rank(needle, index)
    result.total = len(hits)
    if hits:
        shown = hits[:MAX_RESULTS]
        roles = {role.pk: role for role in catalog_roles(ids=[hit.entry.role_id for hit in shown])}
        for hit in shown:
            hit.role = roles.get(hit.entry.role_id)
        # A role unpublished since the index was built is simply left out.
        result.hits = [hit for hit in shown if hit.role is not None]
        return result
    suggested = closest(index, needle)
    by_pk = {role.pk: role for role in catalog_roles(ids=suggested)} if suggested else {}
    result.suggestions = [by_pk[pk] for pk in suggested if pk in by_pk]
    result.popular = [role for role in popular if role not in result.suggestions]
    return result
