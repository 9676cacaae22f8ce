"""The sentences that quote data: a career path's takeaways and standard questions, a level's next step, a move's
skill overlap and pay.

One source of truth: every figure, title, skill and role named here is read from the database,
so an editor's change to a band or a level shows in every sentence that quotes it.
Sentences are plain text; templates escape them, and JSON-LD quotes them as they are shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from roles.models import Role, RoleLevel
from roles.text import join
from salaries import money

if TYPE_CHECKING:
    from careers.pages.levels import LevelPage
    from careers.pages.moves import Move
    from careers.pages.skill_pay import SkillPay
    from roles.models import Skill
    from salaries.models import Location, SalaryBand


@dataclass(frozen=True)
class QA:
    question: str
    answer: str


def article(noun: str) -> str:
    """ "a" or "an" for a job title: an Android Developer, a UX Designer, an ML Engineer."""
    word = noun.split()[0] if noun else ""
    if word.upper() in {"ML", "MLOPS", "SRE", "SDET", "SEO", "SOC"}:
        return "an"
    if word[:1].upper() in "AEIO" or (
        word[:1].upper() == "U" and not word.upper().startswith(("UX", "UI", "USER", "UNI"))
    ):
        return "an"
    return "a"


def ladder_text(role: Role, arrow: str = " → ") -> str:
    """ "junior → mid-level → senior → lead, principal or manager"."""
    return arrow.join(rl.level.short_name for rl in role.ladder)


def ladder_sentence(role: Role) -> str:
    """ "junior to mid-level, then senior, then lead, principal or manager"."""
    names = [rl.level.short_name for rl in role.ladder]
    if len(names) < 3:
        return " to ".join(names)
    return f"{names[0]} to {names[1]}, " + ", ".join(f"then {n}" for n in names[2:])


def skill_names(role: Role, count: int) -> str:
    return ", ".join(s.name for s in role.top_skills(count))


def top_branches(role: Role) -> str:
    """ "a management track (…) or a principal / specialist track (…)", from the top level's titles."""
    ladder = role.ladder
    top = ladder[-1] if ladder else None
    if top is None:
        return ""
    tracks = []
    if top.manager_track:
        tracks.append(f"a management track ({top.manager_track})")
    if top.specialist_track:
        tracks.append(f"a principal or specialist track ({top.specialist_track})")
    return join(tracks, "or")


def intro(role: Role, pay_text: str, where: str) -> str:
    """pay_text: the role's pay range in its home location, named ``where`` ("" when it has no figures)."""
    text = (
        f"{article(role.title).capitalize()} {role.title} career usually climbs from {ladder_sentence(role)}, "
        "and every step brings more scope, more ownership and more pay."
    )
    if pay_text:
        text += f" Across {where} the role typically pays {pay_text} a year."
    return text + f" Here is how each level works, which skills to grow and where {role.title}s go next."


def takeaways(role: Role, pay) -> list[str]:
    """pay: the role's PayRange in its home location, or None."""
    items = [
        f"{article(role.title).capitalize()} {role.title} career typically runs {ladder_text(role)}, "
        "with scope and pay rising at each step."
    ]
    if role.top_skills(4):
        items.append(
            f"Level up by deepening the skills employers test for ({skill_names(role, 4)}) "
            "and by taking on more ownership and mentoring."
        )
    if pay:
        items.append(
            f"Pay rises with the level: entry roles start near {pay.low_text} a year and senior and lead roles "
            f"reach towards {pay.high_text} (a typical range of {pay}/yr)."
        )
    return items


def standard_faqs(role: Role, pay, where: str) -> list[QA]:
    """The questions every career path answers, written from the data; ``where``: the place ``pay`` is quoted for."""
    title, a = role.title, article(role.title)
    ladder = role.ladder
    faqs = []

    steps = [f"{rl.title} ({rl.level.years})" for rl in ladder]
    path_answer = f"The usual {title} path has {len(ladder)} levels: {join(steps)}."
    if top_branches(role):
        path_answer += f" At the top it forks into {top_branches(role)}."
    if role.top_skills(4):
        path_answer += (
            f" You move up by deepening skills such as {skill_names(role, 4)} and by taking on more responsibility."
        )
    faqs.append(QA(f"What is the career path for {a} {title}?", path_answer))

    senior = [rl.title for rl in ladder[2:]]
    next_answer = ""
    if senior:
        next_answer = f"Inside the role, the next steps up are {join(senior, 'then')}."
    if role.next_roles:
        next_answer += f" Beyond it, many move up to {join([r.title for r in role.next_roles], 'or')}."
    if role.lateral_roles:
        next_answer += (
            f" Others move sideways into related roles such as {join([r.title for r in role.lateral_roles])}."
        )
    if next_answer:
        faqs.append(QA(f"What is the next role after {a} {title}?", next_answer.strip()))

    grow = f"{title} pay usually rises when you move up a level ({ladder_text(role)})"
    if role.top_skills(3):
        grow += f", add skills that are in demand ({skill_names(role, 3)})"
    grow += ", change employers and negotiate well."
    if pay:
        grow += f" Typical pay in {where} is {pay}/yr, with senior and lead roles near the top of that range."
    faqs.append(QA(f"How do you grow your {title} salary?", grow))

    faqs.append(QA(f"What does {a} {title} do?", role.summary))
    return faqs


def move_up(page: LevelPage) -> str:
    """ "To become a Senior X, add A and B, …; the median rises from ₹9L to ₹15L a year in India.\""""
    if page.next is None:
        return ""
    title = page.next.title
    parts = [f"The next step is {article(title)} {title} ({page.next.level.years} of experience)."]
    if page.skills_to_add:
        parts.append(f"To get there, add {join([s.name for s in page.skills_to_add])} to what you use today.")
    if page.skills_to_deepen:
        parts.append(f"Keep deepening {join([s.name for s in page.skills_to_deepen])}.")
    home = page.pay.home_location
    here, there = page.home_band, (page.pay.band(home.slug, page.next.level.slug) if home else None)
    if home and here and there:
        parts.append(
            f"The typical (median) pay in {home.name} rises from {money.format_short(here.median, here.currency)} "
            f"to {money.format_short(there.median, there.currency)} a year."
        )
    return " ".join(parts)


def overlap_sentence(move: Move) -> str:
    """ "A Data Analyst already uses 9 of the 14 skills a Data Scientist asks for: a skill overlap of 64%." """
    if move.overlap is None:
        return ""
    return (
        f"{article(move.source.title).capitalize()} {move.source.title} already uses {len(move.shared)} of the "
        f"{move.target_skill_count} skills {article(move.target.title)} {move.target.title} asks for: "
        f"a skill overlap of {move.overlap}%."
    )


def pay_sentence(move: Move) -> str:
    """How the medians compare at the first level where both roles are paid."""
    row = next((r for r in move.pay_rows if r.difference is not None and r.target_level), None)
    if row is None or row.source_level is None or row.target_level is None or row.target is None:
        return ""
    target, source, where = row.target_level.title, row.source_level.title, move.location.name
    if row.direction == "same":
        median = money.format_short(row.target.median, row.target.currency)
        return (
            f"{article(target).capitalize()} {target} and {article(source)} {source} both earn a median of "
            f"{median} a year in {where}."
        )
    gap = money.format_short(row.gap, row.target.currency)
    return (
        f"{article(target).capitalize()} {target} earns a median of {gap} {row.direction} a year "
        f"than {article(source)} {source} in {where}."
    )


def employer_spread(low: SalaryBand, high: SalaryBand) -> str:
    """One level's spread across kinds of employer, in one line: the lowest and the highest median and who pays them.

    The employer types' names are labels ("Product company", "IT services and consulting"), so they stand on their
    own after a comma, never inside a phrase that would need an article or a plural.
    """
    low_text = money.format_short(low.median, low.currency)
    high_text = money.format_short(high.median, high.currency)
    if low.employer_type_id == high.employer_type_id:
        return f"Median with the one kind of employer that has figures, {low.employer_type}: {low_text} a year."
    if low_text == high_text:
        return f"Median by kind of employer: {low_text} a year with each kind that has figures."
    return (
        f"Median by kind of employer: {low_text} a year at the lowest, {low.employer_type}; "
        f"{high_text} at the highest, {high.employer_type}."
    )


def level_heading(role: Role, role_level: RoleLevel) -> str:
    """ "Senior Data Scientist", or "Mid-level Data Scientist" where the level's title is the role's own: a level's
    page is never headed like the role's hub."""
    if role_level.title.casefold() != role.title.casefold():
        return role_level.title
    return f"{role_level.level.name} {role.title}"


def skill_pay(skill: Skill, pay: SkillPay | None, home: Location | None) -> list[str]:
    """What the levels that ask for a skill pay in the home location: the lowest and highest medians, and the middle."""
    if pay is None or home is None:
        return []
    low, high, middle = pay.low, pay.high, pay.middle
    if pay.levels == 1:
        return [
            f"The one level in {home.name} that asks for {skill.name}, {low.title}, has a median pay of "
            f"{money.format_short(low.median, low.currency)} a year."
        ]
    if low.median == high.median:
        return [
            f"The {pay.levels:,} levels in {home.name} that ask for {skill.name} have the same median pay: "
            f"{money.format_short(low.median, low.currency)} a year."
        ]
    sentences = [
        f"Across the {pay.levels:,} levels in {home.name} that ask for {skill.name}, the median pay runs from "
        f"{money.format_short(low.median, low.currency)} a year ({low.title}) to "
        f"{money.format_short(high.median, high.currency)} ({high.title})."
    ]
    if pay.levels > 2:
        sentences.append(
            f"The middle of those medians is {money.format_short(middle.median, middle.currency)}: "
            "pay follows the level and the role more than the skill itself."
        )
    return sentences
