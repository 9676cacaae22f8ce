"""One way to read a job title, so that "Sr. SDE-II", "senior sde 2" and "Senior Software Development Engineer II"
meet: case, accents and punctuation off, roman numerals as numbers, common abbreviations written out.

The content check and the translator both read titles through ``normalise``: two titles of one employer type that
read the same are refused, and what a visitor types is matched by the same reading.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Words as employers abbreviate them, written out. A key is a whole word after punctuation is gone.
ABBREVIATIONS: dict[str, str] = {
    "sr": "senior",
    "snr": "senior",
    "jr": "junior",
    "jnr": "junior",
    "assoc": "associate",
    "asso": "associate",
    "asst": "assistant",
    "mgr": "manager",
    "mngr": "manager",
    "engg": "engineer",
    "eng": "engineer",
    "engr": "engineer",
    "dev": "developer",
    "devs": "developer",
    "tech": "technical",
    "tl": "technical lead",
    "sde": "software development engineer",
    "sdet": "software development engineer in test",
    "swe": "software engineer",
    "sse": "senior software engineer",
    "mts": "member of technical staff",
    "amts": "associate member of technical staff",
    "smts": "senior member of technical staff",
    "lmts": "lead member of technical staff",
    "pmts": "principal member of technical staff",
    "ase": "assistant system engineer",
    "get": "graduate engineer trainee",
    "sdm": "software development manager",
    "em": "engineering manager",
    "tpm": "technical program manager",
    "apm": "associate product manager",
    "sre": "site reliability engineer",
    "dba": "database administrator",
    "ba": "business analyst",
    "avp": "assistant vice president",
    "vp": "vice president",
    "svp": "senior vice president",
    "ml": "machine learning",
    "sys": "system",
    "systems": "system",
    "sysadmin": "system administrator",
    "admin": "administrator",
    "arch": "architect",
    "exec": "executive",
    "programme": "program",
    "pgm": "program",
    "prog": "program",
    "mgmt": "management",
    "sw": "software",
    "fullstack": "full stack",
    "frontend": "front end",
    "backend": "back end",
}
# Roman numerals as employers number levels (I to X); "i" alone is a numeral here, never a pronoun.
ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4", "v": "5", "vi": "6", "vii": "7", "viii": "8", "ix": "9", "x": "10"}
PUNCTUATION = re.compile(r"[^\w\s]+|_")
# "sde2", "l3": a number written onto a word is a word of its own.
LETTERS_DIGITS = re.compile(r"(?<=[^\W\d_])(?=\d)|(?<=\d)(?=[^\W\d_])")
NOISE = {"and", "the"}


def fold(text: str) -> str:
    """Accents off, case folded, format and control characters dropped (a NUL, a zero-width joiner)."""
    kept = []
    for ch in unicodedata.normalize("NFKD", text):
        kind = unicodedata.category(ch)
        if kind.startswith("C"):
            kept.append("" if kind == "Cf" else " ")  # a joiner joins; a tab, a line break or a NUL separates
        elif not unicodedata.combining(ch):
            kept.append(ch)
    return "".join(kept).casefold()


@lru_cache(maxsize=4096)
def normalise(title: str) -> str:
    """A title as matching reads it: "Sr. SDE-II" -> "senior software development engineer 2"."""
    text = PUNCTUATION.sub(" ", fold(title.replace("&", " and ")))
    text = LETTERS_DIGITS.sub(" ", text)
    words: list[str] = []
    for word in text.split():
        if word.isdigit():
            word = word.lstrip("0") or "0"  # "SDE 02" is SDE 2
        word = ROMAN.get(word) or ABBREVIATIONS.get(word) or word
        words.extend(w for w in word.split() if w not in NOISE)
    return " ".join(words)
