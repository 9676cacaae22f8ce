"""A page's title and description as search engines show them: the one place their lengths are decided.

A result shows about 60 characters of a title and 160 of a description; what is longer is cut by the search engine
wherever it likes, often mid-word. Pages write the shortest wording that says what they are; these functions add the
site's name when there is room and, as a last resort, shorten at a word boundary (never mid-word).
"""

from __future__ import annotations

import re

TITLE_MAX = 60
DESCRIPTION_MIN, DESCRIPTION_MAX = 70, 160
ELLIPSIS = "…"

_SPACE = re.compile(r"\s+")
# "Global capability centre (GCC)" -> "GCC": a name that carries its own short form.
_ABBREVIATED = re.compile(r"\b[\w&/ -]+? \((?P<short>[A-Z][A-Za-z0-9&]{1,9})\)")
_TRAILING = " ,;:–—-|/(&"
_DANGLING = frozenset(
    {"a", "an", "and", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to", "with"}
)


def cut_at_word(text: str, limit: int, mark: str = "") -> str:
    """``text`` when it fits in ``limit`` characters; else its longest run of whole words that fits with ``mark``
    after it, without a dangling comma or dash."""
    text = _SPACE.sub(" ", text).strip()
    if len(text) <= limit:
        return text
    room = limit - len(mark)
    head = text[:room]
    if text[room].isalnum() and head[-1:].isalnum():  # the cut falls inside a word: drop that word
        head = head[: head.rfind(" ")] if " " in head else head
    words = head.rstrip(_TRAILING).split(" ")
    # A title or description never ends on "and", "of", "to": the words after it were what it announced.
    while len(words) > 1 and words[-1].casefold() in _DANGLING:
        words = words[:-1]
        words[-1] = words[-1].rstrip(_TRAILING)
    return " ".join(words) + mark


def fit_title(text: str, site_name: str) -> str:
    """The page's title, with " | site name" after it when both fit in 60 characters.

    Too long alone, a name with its short form in brackets gives way to the short form, then the title is cut at a
    word boundary: no "…" (a title reads as a name, and the search engine adds its own).
    """
    text = _SPACE.sub(" ", text).strip()
    if site_name in text:
        return cut_at_word(text, TITLE_MAX)
    for candidate in (text, _ABBREVIATED.sub(r"\g<short>", text)):
        if len(candidate) + len(f" | {site_name}") <= TITLE_MAX:
            return f"{candidate} | {site_name}"
        if len(candidate) <= TITLE_MAX:
            return candidate
    return cut_at_word(_ABBREVIATED.sub(r"\g<short>", text), TITLE_MAX)


# Where a longer description can end as a shorter one: after a sentence, else after a clause (made a sentence).
_SENTENCE_END = re.compile(r"(?<=[a-z0-9)][.!?])(?= )")
_CLAUSE_END = re.compile(r"[,;:—] ")


def fit_description(text: str) -> str:
    """The description, at most 160 characters: a longer one ends after its last sentence or clause that fits (a
    clause made a sentence), when that leaves at least 70 characters; else at a word boundary with "…"."""
    text = _SPACE.sub(" ", text).strip()
    if len(text) <= DESCRIPTION_MAX:
        return text
    sentences = [m.end() for m in _SENTENCE_END.finditer(text) if DESCRIPTION_MIN <= m.end() <= DESCRIPTION_MAX]
    if sentences:
        return text[: sentences[-1]]
    ends = [m.start() for m in _CLAUSE_END.finditer(text) if DESCRIPTION_MIN <= m.start() < DESCRIPTION_MAX]
    if ends:
        return cut_at_word(text[: ends[-1]], DESCRIPTION_MAX - 1) + "."
    return cut_at_word(text, DESCRIPTION_MAX, ELLIPSIS)
