"""Every published role's searchable text, normalised once and kept in process, rebuilt when content changes."""

from __future__ import annotations

import bisect
import threading
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import IntEnum
from functools import cached_property

from careers.models import ContentVersion
from careers.search.text import normalise
from roles.models import Role, RoleAlias, RoleLevelSkill


class Field(IntEnum):
    TITLE = 0
    ALIAS = 1
    SKILL = 2
    SUMMARY = 3
    ANY = 4


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


@contextmanager
def index_built_inside_is_dropped() -> Iterator[None]:
    """An index built inside the block (from data a transaction then rolls back: an editor's unsaved preview)
    must not outlive it."""
    before = _index
    try:
        yield
    finally:
        if _index is not before:
            forget_index()


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
