"""What was typed, made safe to show and match, and text folded for matching (the index and the query alike)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

MAX_QUERY_LENGTH = 100
SEPARATORS = re.compile(r"[\s\-_/]+")


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

    Memoised for what is typed (the same queries come again); the index normalises the catalog's text once
    per content version without the memo (``index.fold``), which 10,000 summaries would only fill.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    if not bare.isprintable():  # rare (a format character or a line break): only then look at each character
        bare = "".join(ch for ch in bare if unicodedata.category(ch) != "Cf")
    return SEPARATORS.sub(" ", bare.casefold()).strip()


def at_word_start(needle: str, haystack: str) -> bool:
    """Whether ``needle`` occurs where a word starts (what the regex (?<!\\w)needle says, without a regex:
    this runs for thousands of candidates on a large catalog)."""
    start = haystack.find(needle)
    while start != -1:
        before = haystack[start - 1] if start else " "
        if not (before.isalnum() or before == "_"):
            return True
        start = haystack.find(needle, start + 1)
    return False
