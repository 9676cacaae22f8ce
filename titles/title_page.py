"""One known title's page (/titles/<slug>/): its level, the roles it fits and what they pay at its kind of employer,
the next title there, and the same words elsewhere. Eight queries whatever the number of titles or roles."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import Http404

from . import narrative
from .models import JobTitle
from .narrative import page_description, page_title
from .normalise import normalise
from .reads import Reading, TitleDetail, display_names, read_detail, read_titles


@dataclass
class TitlePage:
    title: JobTitle
    name: str  # unique among titles: the H1
    detail: TitleDetail
    same_words: list[JobTitle]  # the same title at other kinds of employer
    same_level: list[JobTitle]  # other titles for this level at the same kind of employer
    names: dict[int, str]
    head_title: str
    description: str

    @property
    def elsewhere(self) -> list[Reading]:
        return [Reading(t, self.names.get(t.pk, t.name), narrative.meaning(t)) for t in self.same_words]

    @property
    def next_name(self) -> str:
        step = self.title.next_title
        return self.names.get(step.pk, step.name) if step else ""


def read_title_page(slug: str) -> TitlePage:
    titles = read_titles()
    title = next((t for t in titles if t.slug == slug), None)
    if title is None:
        raise Http404("No such job title")
    names = display_names(titles)
    reads_as = normalise(title.name)
    detail = read_detail(title)
    same_level = [
        t
        for t in titles
        if t.pk != title.pk and t.level_id == title.level_id and t.employer_type_id == title.employer_type_id
    ]
    return TitlePage(
        title=title,
        name=names[title.pk],
        detail=detail,
        same_words=[t for t in titles if t.pk != title.pk and normalise(t.name) == reads_as],
        same_level=same_level[:12],
        names=names,
        head_title=page_title(names[title.pk]),
        description=page_description(title, names[title.pk]),
    )
