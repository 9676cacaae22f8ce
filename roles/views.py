"""Pages of the catalog alone: skills, and the roles and levels that ask for each.

Only what published roles ask for is shown: a skill that only drafts use has no page yet.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from .models import Role, Skill
from .text import join

RELATED_SKILLS = 8
NAMED_ROLES = 3  # how many role titles the summary sentence names before "and N more"


class KindWords(NamedTuple):
    """How a kind of skill reads as a heading and when counted ("1 language", "14 languages")."""

    heading: str
    one: str
    many: str


# Declared order is the page order: from what you write to how you work with people.
KINDS: dict[str, KindWords] = {
    Skill.Kind.LANGUAGE: KindWords("Languages", "language", "languages"),
    Skill.Kind.FRAMEWORK: KindWords("Frameworks", "framework", "frameworks"),
    Skill.Kind.TOOL: KindWords("Tools and platforms", "tool or platform", "tools and platforms"),
    Skill.Kind.PRACTICE: KindWords("Practices", "practice", "practices"),
    Skill.Kind.KNOWLEDGE: KindWords("Knowledge", "area of knowledge", "areas of knowledge"),
    Skill.Kind.PEOPLE: KindWords("People skills", "people skill", "people skills"),
}


@dataclass(frozen=True)
class SkillGroup:
    kind: str
    heading: str
    skills: list[Skill]


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def kind_words(kind: str) -> KindWords:
    # A kind the choices do not know (a hand-edited row) still gets a page, not a 500.
    return KINDS.get(kind) or KindWords(kind.title(), kind, kind)


def group_by_kind(skills: list[Skill]) -> list[SkillGroup]:
    """Skills under their kind, kinds in page order (unknown kinds last), empty kinds left out."""
    by_kind: dict[str, list[Skill]] = {}
    for skill in skills:
        by_kind.setdefault(skill.kind, []).append(skill)
    order = list(KINDS) + sorted(set(by_kind) - set(KINDS))
    return [SkillGroup(kind, kind_words(kind).heading, by_kind[kind]) for kind in order if kind in by_kind]


def catalogue_summary(groups: list[SkillGroup]) -> str:
    """ "The 194 skills our career paths ask for, by kind: 14 languages, … and 9 people skills." """
    total = sum(len(g.skills) for g in groups)
    parts = [_count(len(g.skills), kind_words(g.kind).one, kind_words(g.kind).many) for g in groups]
    by_kind = f", by kind: {join(parts)}" if parts else ""
    return f"The {_count(total, 'skill', 'skills')} our career paths ask for{by_kind}."


def skill_summary(skill: Skill, roles: list[Role]) -> str:
    """ "Python is asked for by 15 roles, among them AI Engineer, Backend Developer and Data Engineer." """
    titles = [role.title for role in roles]
    if len(titles) <= NAMED_ROLES:
        return f"{skill.name} is asked for by {join(titles)}."
    named = ", ".join(titles[:NAMED_ROLES])
    return f"{skill.name} is asked for by {len(titles)} roles, among them {named} and {len(titles) - NAMED_ROLES} more."


@require_safe
def skill_list(request: HttpRequest) -> HttpResponse:
    # Sorted here, not in SQL: SQLite compares case-sensitively ("MLOps" before "Machine learning").
    skills = sorted(Skill.objects.in_published_use(), key=lambda s: s.name.casefold())
    groups = group_by_kind(skills)
    context = {"groups": groups, "summary": catalogue_summary(groups), "crumbs": [("Skills", "")]}
    return render(request, "roles/skill_list.html", context)


@require_safe
def skill_detail(request: HttpRequest, skill: str) -> HttpResponse:
    try:
        skill_obj = Skill.objects.in_published_use().get(slug=skill)
    except Skill.DoesNotExist:
        raise Http404("No published role asks for this skill") from None
    roles = sorted(Role.objects.published().asking_for(skill_obj), key=lambda r: r.title.casefold())
    context = {
        "skill": skill_obj,
        "kind_heading": kind_words(skill_obj.kind).heading,
        "roles": roles,
        "related": list(Skill.objects.asked_alongside(skill_obj, RELATED_SKILLS)),
        "summary": skill_summary(skill_obj, roles),
        "crumbs": [("Skills", reverse("skill_list")), (skill_obj.name, "")],
    }
    return render(request, "roles/skill_detail.html", context)
