"""Text as the site keeps and writes it: editors' text as stored, paragraphs, and lists of names in a sentence.

Editors' running text: paragraphs separated by a blank line.

Editors write a role's body, a level's "what you do", an FAQ answer or a description in a plain text box
(the admin's textarea, or a JSON string in the content files). A blank line starts a new paragraph; a single
line break is only where the editor's line wrapped. Every page splits text through ``paragraphs`` (the
``paragraphs`` template filter in ``roles.templatetags.text``), so it reads the same everywhere.
"""

from __future__ import annotations

import re

# A blank line: two line breaks with nothing but spaces between. Browsers send CRLF from a textarea,
# and a line of spaces looks blank to the editor who typed it.
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")


def paragraphs(text: str) -> list[str]:
    """The paragraphs of ``text``, each stripped; none when the text is empty or only whitespace."""
    unified = text.replace("\r\n", "\n").replace("\r", "\n")
    return [part.strip() for part in _BLANK_LINE.split(unified) if part.strip()]


def join(items: list[str], conjunction: str = "and") -> str:
    """A list in a sentence: ["a", "b", "c"] -> "a, b and c"; empty items are left out, none gives ""."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def normalise_text(value: str) -> str:
    """ "\\r\\n" and "\\r" become "\\n"; spaces at the end of each line go (they never show on a page)."""
    lines = value.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(line.rstrip() for line in lines)
