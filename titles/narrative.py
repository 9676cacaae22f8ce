"""Every sentence of the title pages that quotes data: built here from the title, its level, its employer type and
the pay read for it, so that the templates only place them."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from salaries import money

if TYPE_CHECKING:
    from .models import JobTitle
    from .reads import TitleDetail

TITLE_LIMIT = 60
DESCRIPTION_MIN, DESCRIPTION_MAX = 70, 160


def cut(text: str, limit: int) -> str:
    """``text`` at most ``limit`` characters long, cut at a word boundary with an ellipsis when it must be cut."""
    if len(text) <= limit:
        return text
    head = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:·–-")
    return head + "…"


def article(phrase: str) -> str:
    return ("an " if phrase[:1].lower() in "aeiou" else "a ") + phrase


def employer_phrase(title: JobTitle) -> str:
    """ "a product company", "an IT services and consulting firm", "any kind of employer"."""
    if title.employer_type is None:
        return "any kind of employer"
    name = title.employer_type.name
    if name.endswith("consulting"):  # the name says the business; the sentence needs the firm
        name += " firm"
    # "IT …" keeps its capitals; "Product company" reads in a sentence as "product company".
    return article(name if name[:2].isupper() else name[0].lower() + name[1:])


def where_phrase(title: JobTitle) -> str:
    return f"at {employer_phrase(title)}"


def display_name(title: JobTitle, shared: bool) -> str:
    """The title's name, with where it is used when another title shares its words: "Associate at a global
    capability centre (GCC)"."""
    return f"{title.name} {where_phrase(title)}" if shared else title.name


def meaning(title: JobTitle) -> str:
    """ "At a product company, SDE II is a mid-level title, usually held with 2–5 years of experience." """
    level = title.level
    return (
        f"At {employer_phrase(title)}, {title.name} is {article(level.short_name)} title, usually held with "
        f"{level.years} of experience."
    )


def reading(title: JobTitle) -> str:
    """Why one reading of a title that means different levels: where, what level, and our note on it."""
    return f"{meaning(title)} {title.note}".strip()


def page_title(name: str) -> str:
    """ "SDE II: level, skills and pay", no longer than 60 characters (the name alone when that is too long)."""
    full = f"{name}: level, skills and pay"
    return full if len(full) <= TITLE_LIMIT else cut(name, TITLE_LIMIT)


def page_description(title: JobTitle, name: str) -> str:
    """70–160 characters, cut at a word boundary."""
    text = (
        f"{name} in India: {article(title.level.short_name)} title ({title.level.years}), the roles it fits, "
        f"their skills and pay, and the next title up."
    )
    return cut(text, DESCRIPTION_MAX)


def level_pay(detail: TitleDetail) -> str:
    """ "Across the 9 roles we cover, this level pays ₹6L to ₹35L a year in India at a product company." """
    spread = detail.level_range
    if spread is None or detail.home is None:
        return ""
    scoped = bool(detail.title.family_id or detail.title.roles.all())
    if scoped and detail.level_roles == 1:
        return ""  # the one role's own band says it
    roles = f"the {detail.level_roles} roles {'it fits' if scoped else 'we cover'}"
    where = where_phrase(detail.title) if detail.title.employer_type else "for all employers"
    return (
        f"Across {roles}, this level pays {money.format_short(spread.low, spread.currency)} to "
        f"{money.format_short(spread.high, spread.currency)} a year in {detail.home.name} {where}."
    )


def years_note(title: JobTitle, years: Decimal | None) -> str:
    """A word on the years given against the level's usual range."""
    if years is None:
        return ""
    level, given = title.level, format(years.normalize(), "f")
    unit = "year" if years == 1 else "years"
    if years < level.min_years:
        return f"With {given} {unit}, you hold this title early: the level usually starts at {level.min_years}."
    if level.max_years is not None and years >= level.max_years:
        return f"With {given} {unit}, you are past this level's usual range ({level.years}): ask about the next one."
    return f"With {given} {unit}, you are within this level's usual range ({level.years})."
