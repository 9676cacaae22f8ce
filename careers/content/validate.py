"""Rules that span documents. Two sets:

- ``content_problems``: what must not reach the site (an unknown skill, a relation to nowhere, a
  published role without its ladder, a circle of "next" moves, a slug or title that the database gives
  to another role; and the rules of pay in careers.content.pay_rules: pay in the wrong currency or falling
  with the level, an unknown employer type, pay by employer type incomplete, a place copied from another).
  ``loadcontent`` and ``checkcontent`` both call it and both refuse the content if it finds anything: one
  set of rules.
- ``editorial_problems``: what a complete role on this site has (four skills a level, pay in every
  city, its moves and its questions): targets, not refusals. ``checkcontent`` lists them and the test
  suite requires the real fixtures to meet them; a role below them still loads (a new role is
  written in steps, and the admin lets an editor save it that way too).
"""

from __future__ import annotations

from collections import defaultdict

from roles.rules import missing_levels

from .database import DatabaseState
from .pay_rules import pay_problems
from .reader import ContentSet, Problem, RoleFile
from .slugs import database_slug_problems, file_slug_problems
from .title_docs import title_problems

MIN_SKILLS_PER_LEVEL = 4
MIN_LATERAL = 2
MIN_NEXT = 1
MIN_FAQS = 2


def content_problems(content: ContentSet, state: DatabaseState | None) -> list[Problem]:
    """Every reason to refuse this content; ``state`` is the database it would be loaded into (None: none yet)."""
    problems = reference_problems(content) + title_problems(content, state)
    if state is not None:
        problems += database_slug_problems(content, state)
    return problems


def reference_problems(content: ContentSet) -> list[Problem]:
    """The rules the files can be checked against alone."""
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
            missing = sorted(lv.slug for lv in missing_levels((rl.level for rl in doc.levels), content.levels))
            if missing:
                say("levels", f"a published role needs every level; missing {', '.join(missing)}")
            paid = [b.level for b in doc.salaries.bands if b.employer_type is None] if doc.salaries else []
            unpaid = sorted(lv.slug for lv in missing_levels(paid, content.levels))
            if unpaid:
                say("salaries.bands", f"a published role needs pay for every level; missing {', '.join(unpaid)}")
    problems += pay_problems(content)
    problems += _next_cycles(content)
    problems += file_slug_problems(content, f"{content.reference_dir}/removed.json")
    return problems


def editorial_problems(content: ContentSet) -> list[Problem]:
    """Completeness rules for published roles; each reason starts with the rule's name."""
    ladder = [lv.slug for lv in sorted(content.levels, key=lambda lv: lv.order)]
    locations = [loc.slug for loc in sorted(content.locations, key=lambda loc: loc.order)]
    problems: list[Problem] = []
    used_skills: set[str] = set()
    destinations = {rel.to for rf in content.roles for rel in rf.doc.relations if rel.kind == "next"}

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
        # Next moves never go round in a circle, so some roles end the paths: a role that others step
        # up into may grow along its own ladder (its top level's branches) instead.
        if kinds["next"] < MIN_NEXT and doc.slug not in destinations:
            say("relations", f"relations: at least {MIN_NEXT} next step (or be where other roles' next steps lead)")
        if len(doc.faqs) < MIN_FAQS:
            say("faqs", f"faqs: at least {MIN_FAQS} questions of the role's own")
        problems += _band_problems(rf, ladder, locations)

    for skill in content.skills:
        if skill.slug not in used_skills:
            problems.append(
                Problem(f"{content.reference_dir}/skills.json", skill.slug, "skill-used: no role uses this skill")
            )
    return problems


def _band_problems(rf: RoleFile, ladder: list[str], locations: list[str]) -> list[Problem]:
    problems: list[Problem] = []
    say = _reporter(rf, problems)
    # Today's figures, for all employers, in every place; pay by employer type is a rule of its own (pay_rules).
    salaries = rf.doc.salaries
    bands = {(b.location, b.level) for b in salaries.bands if b.employer_type is None} if salaries else set()
    for location in locations:
        missing = [lv for lv in ladder if (location, lv) not in bands]
        if missing:
            say("salaries.bands", f"bands-complete: no band for {location} at {', '.join(missing)}")
    return problems


def _next_cycles(content: ContentSet) -> list[Problem]:
    """ "Next" moves go up or out, so following them never leads back: a circle (A → B → C → A) is refused."""
    paths = {rf.doc.slug: rf.path for rf in content.roles}
    nexts = {
        rf.doc.slug: [(i, rel.to) for i, rel in enumerate(rf.doc.relations) if rel.kind == "next" and rel.to in paths]
        for rf in content.roles
    }
    problems: list[Problem] = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    for start in sorted(nexts):
        if start in state:
            continue
        # Depth-first, with an explicit stack: 10,000 roles must not hit Python's recursion limit.
        path: list[str] = [start]
        edges = [iter(nexts[start])]
        state[start] = 1
        while path:
            step = next(edges[-1], None)
            if step is None:
                state[path.pop()] = 2
                edges.pop()
                continue
            _, to = step
            if state.get(to) == 1:
                circle = path[path.index(to) :]
                first = min(circle)
                turn = circle.index(first)
                circle = circle[turn:] + circle[:turn]
                after = circle[1] if len(circle) > 1 else circle[0]
                where = next(i for i, slug in nexts[first] if slug == after)
                problems.append(
                    Problem(
                        paths[first],
                        f"relations[{where}]",
                        f"next moves go round in a circle: {' → '.join([*circle, first])}",
                    )
                )
            elif to not in state:
                state[to] = 1
                path.append(to)
                edges.append(iter(nexts[to]))
    return problems


def _reporter(rf: RoleFile, problems: list[Problem]):
    def say(path: str, reason: str) -> None:
        problems.append(Problem(rf.path, path, reason))

    return say
