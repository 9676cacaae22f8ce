"""Pages of the catalog alone: skills, and the roles and levels that ask for each.

Only what published roles ask for is shown: a skill that only drafts use has no page yet.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models.functions import Lower
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from careers.pages.paging import paginate, requested_page

from .models import Role, Skill
from .narrative import KINDS, catalogue_summary, kind_words, skill_summary

RELATED_SKILLS = 8


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


@require_safe
def skill_detail(request: HttpRequest, skill: str) -> HttpResponse:
    try:
        skill_obj = Skill.objects.in_published_use().get(slug=skill)
    except Skill.DoesNotExist:
        raise Http404("No published role asks for this skill") from None
    # One page of the roles that ask for it (a skill of 5,000 roles lists 100 a page); the count came with the skill.
    asking = Role.objects.published().asking_for(skill_obj).order_by(Lower("title"), "title")
    count = skill_obj.role_count  # annotated by in_published_use()
    pages = paginate(asking, requested_page(request), count=count, path=request.path)
    roles = list(pages.page.object_list)
    context = {
        "skill": skill_obj,
        "kind_heading": kind_words(skill_obj.kind).heading,
        "roles": roles,
        "pages": pages,
        "related": list(Skill.objects.asked_alongside(skill_obj, RELATED_SKILLS)),
        "summary": skill_summary(skill_obj, roles, count),
        "crumbs": [("Skills", reverse("skill_list")), (skill_obj.name, "")],
    }
    return render(request, "roles/skill_detail.html", context)
