"""Pages of the catalog alone: skills, and the roles and levels that ask for each."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from .models import Skill


@require_GET
def skill_list(request: HttpRequest) -> HttpResponse:
    skills = Skill.objects.order_by("kind", "name")
    return render(request, "roles/skill_list.html", {"skills": skills, "crumbs": [("Skills", "")]})


@require_GET
def skill_detail(request: HttpRequest, skill: str) -> HttpResponse:
    try:
        skill_obj = Skill.objects.get(slug=skill)
    except Skill.DoesNotExist:
        raise Http404("No such skill") from None
    crumbs = [("Skills", reverse("skill_list")), (skill_obj.name, "")]
    return render(request, "roles/skill_detail.html", {"skill": skill_obj, "crumbs": crumbs})
