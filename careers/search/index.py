"""Every published role's searchable text, normalised once and kept in process in compact form.

At 10,000 roles a role per Python object (its strings, lists and tuples, and one more string of all its text
for scanning) held about 55 MB in every worker. Here each distinct title, alias, skill name and summary word is
held once, roles are numbers (their place in the index), and who has what is kept in flat arrays of ints
(``Postings``): "which roles have this alias", "which roles have a summary word starting with…". Summaries are
kept as one UTF-8 byte string, read back only for the roles a query has to look at. A role's whole searchable
text (``entry``) is put back together only for the few roles a page shows.
"""

from __future__ import annotations

import bisect
import ctypes
import gc
import pickle
import re
import threading
from array import array
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from enum import IntEnum
from functools import cached_property

from careers.models import ContentVersion
from careers.search.storage import Lines, Postings
from careers.search.text import normalise
from roles.models import Role, RoleAlias, RoleLevelSkill

# Normalised once per index: not through normalise()'s memo, which 10,000 summaries would fill for nothing.
fold = normalise.__wrapped__

# A word as the search sees one: what at_word_start() treats as word characters (letters, digits, "_").
WORD = re.compile(r"\w+")


class Field(IntEnum):
    TITLE = 0
    ALIAS = 1
    SKILL = 2
    SUMMARY = 3
    ANY = 4


@dataclass(frozen=True)
class Entry:
    """A role's searchable text, normalised: (original, normalised) pairs. Made only for the roles shown."""

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
        """All its normalised text, as one string (for "every word of the query found somewhere")."""
        return " ".join([n for _, _, n in self.names] + [n for _, n in self.skills] + [self.summary])


class SearchIndex:
    """The published roles' searchable text; a role is its place in ``role_ids`` (ordered by pk)."""

    def __init__(
        self,
        roles: list[tuple[int, str, str]],
        aliases: Mapping[int, list[str]],
        skills: Mapping[int, Iterable[str]],
        stamp: tuple = (),
        family_count: int = 0,
    ) -> None:
        self.stamp = stamp
        self.family_count = family_count
        roles = sorted(roles)  # the database's order (its collation) must not matter
        self.role_ids = array("q", [pk for pk, _, _ in roles])
        # Ties within a tier go by title, then pk: a role's place in that order, computed once.
        by_title = sorted(range(len(roles)), key=lambda i: (fold(roles[i][1]), roles[i][0]))
        self.by_place = array("i", by_title)
        self.order = array("i", bytes(4 * len(roles)))
        for place, i in enumerate(by_title):
            self.order[i] = place
        originals: dict[str, int] = {}  # each distinct title or alias as written, numbered
        normalised: dict[str, int] = {}  # each distinct normalised title or alias, numbered
        original_name: dict[int, int] = {}  # a title or alias as written -> its normalised name
        role_names: list[list[int]] = []  # per role: its title's number, then its aliases'
        name_roles: dict[int, list[int]] = defaultdict(list)  # normalised name -> role * 2 + (0 title, 1 alias)
        for i, (pk, title, _) in enumerate(roles):
            numbers = []
            for fld, name in [(Field.TITLE, title)] + [(Field.ALIAS, a) for a in aliases.get(pk, [])]:
                number = originals.setdefault(name, len(originals))
                key = normalised.setdefault(fold(name), len(normalised))
                original_name[number] = key
                numbers.append(number)
                name_roles[key].append(i * 2 + fld)
            role_names.append(numbers)
        self.originals = list(originals)
        self.original_name = array("i", [original_name[number] for number in range(len(originals))])
        self.names = Lines(list(normalised))
        self.name_roles = Postings(sorted(set(name_roles[n])) for n in range(len(normalised)))
        self.role_names = Postings(role_names)

        skill_numbers: dict[str, int] = {}
        role_skills = [
            [skill_numbers.setdefault(name, len(skill_numbers)) for name in skills.get(pk, [])] for pk, *_ in roles
        ]
        self.skill_originals = list(skill_numbers)
        self.skills = Lines([fold(name) for name in self.skill_originals])
        skill_roles: list[list[int]] = [[] for _ in self.skill_originals]
        for i, numbers in enumerate(role_skills):
            for number in numbers:
                skill_roles[number].append(i)
        self.skill_roles = Postings(skill_roles)
        self.role_skills = Postings(role_skills)

        # Summaries: one UTF-8 byte string (a str with one non-Latin character would take two or four bytes a
        # character), and which roles have a word starting with what (tokens sorted, for prefix ranges).
        joined = bytearray()
        self.summary_starts = array("q", [0])
        token_roles: dict[str, array] = defaultdict(lambda: array("i"))
        for i, (_, _, summary) in enumerate(roles):
            text = fold(summary)
            joined += text.encode() + b"\n"
            self.summary_starts.append(len(joined))
            for token in set(WORD.findall(text)):
                token_roles[token].append(i)
        self.summary_bytes = bytes(joined[:-1])
        del joined
        self.tokens = sorted(token_roles)
        self.token_roles = Postings(token_roles[token] for token in self.tokens)

    def __len__(self) -> int:
        return len(self.role_ids)

    def summary(self, i: int) -> str:
        return self.summary_bytes[self.summary_starts[i] : self.summary_starts[i + 1] - 1].decode()

    def title(self, i: int) -> str:
        return self.originals[self.role_names[i][0]]

    def entry(self, i: int) -> Entry:
        """Role ``i``'s whole searchable text, as the ranking rules read it."""
        numbers = self.role_names[i]
        names = [
            (
                Field.TITLE if n == 0 else Field.ALIAS,
                self.originals[number],
                self.names[self.original_name[number]],
            )
            for n, number in enumerate(numbers)
        ]
        skills = [(self.skill_originals[s], self.skills[s]) for s in self.role_skills[i]]
        return Entry(int(self.role_ids[i]), names[0][1], names, skills, self.summary(i))

    def with_word_starting(self, prefix: str) -> set[int]:
        """The roles whose summary has a word starting with ``prefix`` (a run of word characters)."""
        start = bisect.bisect_left(self.tokens, prefix)
        end = bisect.bisect_left(self.tokens, prefix + "\U0010ffff", start)
        found: set[int] = set()
        for t in range(start, end):
            found.update(self.token_roles[t])
        return found

    @cached_property
    def vocabulary(self) -> Vocabulary:
        return Vocabulary.of(self)


CHUNK = 2000  # rows fetched at a time while building


def build_index(roles: list[tuple[int, str, str]], stamp: tuple = (), family_count: int = 0) -> SearchIndex:
    """roles: (pk, title, summary). Two flat queries whatever the number of roles: aliases and skill names.
    ``family_count``: how many fields the roles are in (the results page shows it with the number of roles)."""
    pks = [pk for pk, _, _ in roles]
    # Streamed (iterator), not held as a list of rows: 10,000 roles have 160,000 skill rows, and holding them
    # while the index is built would leave the worker that much bigger for good (freed memory stays mapped).
    aliases: dict[int, list[str]] = defaultdict(list)
    alias_rows = RoleAlias.objects.filter(role__in=pks).order_by("name").values_list("role_id", "name")
    for role_id, name in alias_rows.iterator(chunk_size=CHUNK):
        aliases[role_id].append(name)
    skills: dict[int, list[str]] = defaultdict(list)  # in the ladder's order, without repeats
    names: dict[str, str] = {}  # one string per skill name, not one per row
    rows = RoleLevelSkill.objects.filter(role_level__role__in=pks).order_by("role_level__level__order", "order")
    for role_id, name in rows.values_list("role_level__role_id", "skill__name").iterator(chunk_size=CHUNK):
        held = skills[role_id]
        if name not in held:  # a role asks for a dozen or so: a list is smaller than a dict, and quick enough
            held.append(names.setdefault(name, name))
    return SearchIndex(roles, aliases, skills, stamp, family_count)


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
            _index = None  # let the old one go before building the next: one at a time in memory
            rows, families = [], set()
            published = Role.objects.published().order_by("pk").values_list("pk", "title", "summary", "family_id")
            for pk, title, summary, family in published.iterator(chunk_size=CHUNK):
                rows.append((pk, title, summary))
                families.add(family)
            # Kept as a copy made after the build's memory is freed. Python's small-object allocator gives a 1 MB
            # arena back only when nothing in it lives, and the index's few lasting objects, made among the build's
            # rows and lists (about 36 MB at 10,000 roles), kept a dozen arenas for good. Through one pickle (8 MB,
            # about 13 ms; made here, never read from outside) everything of the build goes first: a worker that
            # searched holds about 7 MB less (README.md, "Benchmark").
            built = pickle.dumps(build_index(rows, stamp, family_count=len(families)), pickle.HIGHEST_PROTOCOL)
            del rows
            _give_back_freed_memory()
            _index = pickle.loads(built)
            del built
        return _index


def _give_back_freed_memory() -> None:
    """Building the index frees about twice what the index keeps (the rows read, the lists sorted into arrays); glibc
    keeps freed memory mapped unless asked, which would leave every worker that much bigger for good."""
    gc.collect()
    with suppress(OSError, AttributeError):  # not glibc: nothing to ask
        ctypes.CDLL("libc.so.6").malloc_trim(0)


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
    """The distinct words of every title, alias and skill, for near-miss suggestions; built once per index, with
    which names and skills hold each word whole."""

    words: list[str]
    in_names: dict[str, array]
    in_skills: dict[str, list[int]]

    @classmethod
    def of(cls, index: SearchIndex) -> Vocabulary:
        in_names: dict[str, array] = defaultdict(lambda: array("i"))
        for number, name in enumerate(index.names):
            for word in set(name.split()):
                in_names[word].append(number)
        in_skills: dict[str, list[int]] = defaultdict(list)
        for number, skill in enumerate(index.skills):
            for word in set(skill.split()):
                in_skills[word].append(number)
        words = sorted({w for w in in_names if len(w) >= 3} | {w for w in in_skills if len(w) >= 3})
        return cls(words, dict(in_names), dict(in_skills))
