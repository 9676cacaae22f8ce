"""Rules that span documents. Two sets:

- ``reference_problems``: what the database cannot hold (an unknown skill, a relation to nowhere,
  a published role without its ladder). ``loadcontent`` refuses content that breaks any of them.
- ``editorial_problems``: what a complete role on this site has (four levels with four skills
  each, pay in every city rising with the level, its moves and its questions). The test suite
  runs them over every fixture, and ``checkcontent`` prints them, each naming its file and rule.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import pairwise

from .reader import ContentSet, Problem, RoleFile

MIN_SKILLS_PER_LEVEL = 4
MIN_LATERAL = 2
MIN_NEXT = 1
MIN_FAQS = 2


def reference_problems(content: ContentSet) -> list[Problem]:
    families = {f.slug for f in content.families}
    levels = {lv.slug for lv in content.levels}
    skills = {s.slug for s in content.skills}
    locations = {loc.slug for loc in content.locations}
    roles = {rf.doc.slug for rf in content.roles}
    titles: dict[str, str] = {}
    problems: list[Problem] = []

    for rf in content.roles:
        doc, say = rf.doc, _reporter(rf, problems)
        if doc.family not in families:
            say("family", f"unknown family {doc.family!r}")
        if doc.title.casefold() in titles:
            say("title", f"{doc.title!r} is already the title of {titles[doc.title.casefold()]}")
        titles.setdefault(doc.title.casefold(), rf.path)
        for i, rl in enumerate(doc.levels):
            if rl.level not in levels:
                say(f"levels[{i}].level", f"unknown level {rl.level!r}")
            for j, skill in enumerate(rl.skills):
                if skill not in skills:
                    say(f"levels[{i}].skills[{j}]", f"unknown skill {skill!r}")
        for i, rel in enumerate(doc.relations):
            if rel.to not in roles:
                say(f"relations[{i}].to", f"no role has the slug {rel.to!r}")
        if doc.salaries:
            for i, band in enumerate(doc.salaries.bands):
                if band.location not in locations:
                    say(f"salaries.bands[{i}].location", f"unknown location {band.location!r}")
                if band.level not in levels:
                    say(f"salaries.bands[{i}].level", f"unknown level {band.level!r}")
        if doc.status == "published":
            missing = sorted(levels - {rl.level for rl in doc.levels})
            if missing:
                say("levels", f"a published role needs every level; missing {', '.join(missing)}")
            paid = {b.level for b in doc.salaries.bands} if doc.salaries else set()
            unpaid = sorted(levels - paid)
            if unpaid:
                say("salaries.bands", f"a published role needs pay for every level; missing {', '.join(unpaid)}")
    return problems


def editorial_problems(content: ContentSet) -> list[Problem]:
    """Completeness rules for published roles; each reason starts with the rule's name."""
    ladder = [lv.slug for lv in sorted(content.levels, key=lambda lv: lv.order)]
    locations = [loc.slug for loc in sorted(content.locations, key=lambda loc: loc.order)]
    problems: list[Problem] = []
    used_skills: set[str] = set()

    for rf in content.roles:
        doc, say = rf.doc, _reporter(rf, problems)
        for rl in doc.levels:
            used_skills.update(rl.skills)
        if doc.status != "published":
            continue
        if [rl.level for rl in doc.levels] != ladder:
            say("levels", f"four-levels: levels must be {', '.join(ladder)}, in that order")
        for i, rl in enumerate(doc.levels):
            if len(rl.skills) < MIN_SKILLS_PER_LEVEL:
                say(f"levels[{i}].skills", f"skills-per-level: at least {MIN_SKILLS_PER_LEVEL} skills")
        if doc.levels and not doc.levels[-1].specialist_track:
            say(f"levels[{len(doc.levels) - 1}].specialist_track", "top-level-branches: name the specialist branch")
        kinds: defaultdict[str, int] = defaultdict(int)
        for rel in doc.relations:
            kinds[rel.kind] += 1
        if kinds["lateral"] < MIN_LATERAL:
            say("relations", f"relations: at least {MIN_LATERAL} lateral moves")
        if kinds["next"] < MIN_NEXT:
            say("relations", f"relations: at least {MIN_NEXT} next step")
        if len(doc.faqs) < MIN_FAQS:
            say("faqs", f"faqs: at least {MIN_FAQS} questions of the role's own")
        problems += _band_problems(rf, ladder, locations)

    for skill in content.skills:
        if skill.slug not in used_skills:
            problems.append(Problem("reference/skills.json", skill.slug, "skill-used: no role uses this skill"))
    return problems


def _band_problems(rf: RoleFile, ladder: list[str], locations: list[str]) -> list[Problem]:
    problems: list[Problem] = []
    say = _reporter(rf, problems)
    bands = {(b.location, b.level): b for b in rf.doc.salaries.bands} if rf.doc.salaries else {}
    for location in locations:
        missing = [lv for lv in ladder if (location, lv) not in bands]
        if missing:
            say("salaries.bands", f"bands-complete: no band for {location} at {', '.join(missing)}")
            continue
        medians = [bands[location, lv].median for lv in ladder]
        for (lower, a), (higher, b) in pairwise(zip(ladder, medians, strict=True)):
            if b <= a:
                say(
                    "salaries.bands", f"median-rises: in {location} the {higher} median is not above the {lower} median"
                )
    return problems


def _reporter(rf: RoleFile, problems: list[Problem]):
    def say(path: str, reason: str) -> None:
        problems.append(Problem(rf.path, path, reason))

    return say
