"""Reading JSON text strictly: what ``json.loads`` lets through silently is refused here, with its place.

- a key twice in one object (``json.loads`` keeps the last one, so an editor's first value vanishes);
- nesting deeper than any content needs (``json.loads`` recurses: 100,000 brackets overflow the stack);
- text no database column can hold: a NUL character, or half of a UTF-16 pair (``"\\ud800"``);
- numbers with thousands of digits (Python refuses to convert them, with a ValueError).

Each problem is a (JSON path, reason) pair; the reader adds the file's name.
"""

from __future__ import annotations

import json
import re
from collections import Counter

# Our documents are five levels deep (role → salaries → bands → [i] → field); 64 leaves room and
# still stops a pathological file long before the parser's recursion does.
MAX_DEPTH = 64
_BAD_TEXT = re.compile("[\x00\ud800-\udfff]")


class _Object(dict):
    """A JSON object that remembers which of its keys it was given more than once."""

    repeated: list[str]


def _object(pairs: list[tuple[str, object]]) -> dict:
    obj = _Object(pairs)
    if len(obj) != len(pairs):
        counts = Counter(k for k, _ in pairs)
        obj.repeated = sorted(k for k, n in counts.items() if n > 1)
    return obj


def loads(text: str) -> tuple[object, list[tuple[str, str]]]:
    """Parse ``text``; return the data (None if unusable) and the problems found as (path, reason).

    Raises json.JSONDecodeError for text that is not JSON, as ``json.loads`` does.
    """
    try:
        data = json.loads(text, object_pairs_hook=_object)
    except RecursionError:
        return None, [("", f"is nested too deeply to read (content needs fewer than {MAX_DEPTH} levels)")]
    except json.JSONDecodeError:
        raise
    except ValueError as exc:  # a number with more digits than Python converts
        return None, [("", f"holds a number too long to read ({str(exc).split(':')[0].lower()})")]
    return data, list(_walk(data))


def _walk(data: object):
    """Every repeated key and unstorable string in ``data``, with its JSON path; iterative, never recursive."""
    stack: list[tuple[str, object, int]] = [("", data, 0)]
    while stack:
        path, value, depth = stack.pop()
        if depth > MAX_DEPTH and isinstance(value, dict | list):
            yield path, f"is nested more than {MAX_DEPTH} levels deep"
            continue
        if isinstance(value, dict):
            for key in getattr(value, "repeated", ()):
                yield _join(path, key), f"the key {key!r} appears more than once in this object"
            for key, item in value.items():
                if _BAD_TEXT.search(key):
                    yield path, f"a key holds a character no database can store ({_describe(key)})"
                stack.append((_join(path, key), item, depth + 1))
        elif isinstance(value, list):
            stack.extend((f"{path}[{i}]", item, depth + 1) for i, item in enumerate(value))
        elif isinstance(value, str) and _BAD_TEXT.search(value):
            yield path, f"holds a character no database can store ({_describe(value)})"


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _describe(text: str) -> str:
    char = _BAD_TEXT.search(text).group()  # type: ignore[union-attr]
    return "a NUL character" if char == "\x00" else f"a lone surrogate U+{ord(char):04X}"
