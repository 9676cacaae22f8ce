"""How a stored value reads to an editor, for the admin's comparisons (edit conflicts, version compare).

Apps further along register the words for their own fields (salaries: pay in ₹ with Indian grouping), so that
``roles`` shows them without importing those apps.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

# (model label, field name) -> formatter(value, the row's other values) -> words
Formatter = Callable[[Any, dict[str, Any]], str]
_FORMATTERS: dict[tuple[str, str], Formatter] = {}


def register(model_label: str, fields: Iterable[str], formatter: Formatter) -> None:
    for name in fields:
        _FORMATTERS[(model_label.lower(), name)] = formatter


def in_words(model_label: str, field: str, value: Any, row: dict[str, Any]) -> str | None:
    """The registered words for this value, or None when the field has no formatter (or the value does not fit)."""
    formatter = _FORMATTERS.get((model_label.lower(), field))
    if formatter is None or value in ("", None):
        return None
    try:
        return formatter(value, row)
    except (TypeError, ValueError):
        return None
