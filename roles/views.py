"""Pages of the catalog alone: the skills, by kind. (A skill's own page shows pay too: careers.pages.skills.)

Only what published roles ask for is shown: a skill that only drafts use has no page yet.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from .models import Skill
from .narrative import KINDS, catalogue_summary, kind_words


@dataclass(frozen=True)
class SkillGroup:
    kind: str
    heading: str
    skills: list[Skill]


def group_by_kind(skills: list[Skill]) -> list[SkillGroup]:
    """Skills under their kind, kinds in page order (unknown kinds last), empty kinds left out."""
    by_kind: dict[str, list[Skill]] = {}
    for skill in skills:
        by_kind.setdefault(skill.kind, []).append(skill)
    order = list(KINDS) + sorted(set(by_kind) - set(KINDS))
    return [SkillGroup(kind, kind_words(kind).heading, by_kind[kind]) for kind in order if kind in by_kind]


@require_safe
def skill_list(request: HttpRequest) -> HttpResponse:
    # Sorted here, not in SQL: SQLite compares case-sensitively ("MLOps" before "Machine learning").
    skills = sorted(Skill.objects.in_published_use(), key=lambda s: s.name.casefold())
    groups = group_by_kind(skills)
    context = {"groups": groups, "summary": catalogue_summary(groups), "crumbs": [("Skills", "")]}
    return render(request, "roles/skill_list.html", context)
