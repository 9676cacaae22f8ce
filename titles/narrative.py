"""Every sentence of the title pages that quotes data: built here from the title, its level and its employer type."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .models import JobTitle

TITLE_LIMIT = 60
DESCRIPTION_MIN, DESCRIPTION_MAX = 70, 160


def cut(text: str, limit: int) -> str:
    """``text`` at most ``limit`` characters long, cut at a word boundary with an ellipsis when it must be cut."""
    if len(text) <= limit:
        return text
    head = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:·–-")
    return head + "…"


def page_title(name: str) -> str:
    """ "SDE II: level, skills and pay", no longer than 60 characters."""
    full = f"{name}: level, skills and pay"
    return full if len(full) <= TITLE_LIMIT else cut(name, TITLE_LIMIT)


def where_phrase(title: JobTitle) -> str:
    return f"at {article(title.employer_type.name)}" if title.employer_type else "at any kind of employer"


def article(name: str) -> str:
    if name.endswith("consulting"):  # "IT services and consulting" names the business, not the firm
        name += " firm"
    lowered = name[0].lower() + name[1:]
    return ("an " if lowered[0] in "aeiou" else "a ") + (lowered if not name[:3].isupper() else name)


def meaning(title: JobTitle) -> str:
    """ "SDE II at a product company is our mid-level (2–5 years)."""
    return f"{title.name} {where_phrase(title)} is our {title.level.short_name} level ({title.level.years})."


def page_description(title: JobTitle, name: str) -> str:
    """70–160 characters, cut at a word boundary."""
    text = (
        f"What {name} means {where_phrase(title)} in India: the {title.level.short_name} level "
        f"({title.level.years}), the roles it fits, their skills and pay, and the next title up."
    )
    text = cut(text, DESCRIPTION_MAX)
    if len(text) < DESCRIPTION_MIN:  # a very short name: say a little more
        text = cut(text + " Job titles read as levels.", DESCRIPTION_MAX)
    return text


def candidate_reason(title: JobTitle) -> str:
    """Why one reading of an ambiguous title: where it is used and what it stands for there."""
    return f"{meaning(title)} {title.note}".strip()


def years_sentence(title: JobTitle, years) -> str:
    """A word on the years given against the level's range, or nothing when they fit."""
    level = title.level
    if years is None:
        return ""
    if years < level.min_years:
        return f"Your {years} years are fewer than this level usually takes ({level.years}): the title may run ahead."
    if level.max_years is not None and years >= level.max_years:
        return f"Your {years} years are more than this level usually spans ({level.years})."
    return f"Your {years} years fit this level's usual range ({level.years})."
