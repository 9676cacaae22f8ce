"""Writing content into the database: ``load_content`` makes the database match the files.

Every file is read and checked (``content_problems``, the rules ``checkcontent`` applies) before
anything is written; then everything is written in one transaction, row by row only where something
differs, so a second run changes nothing. Roles that are not in the files are left alone (an editor
may have added them in the admin); the children of a role in the files (levels, skills, moves, pay,
questions) follow the file. Old slugs and removed roles are added from the files, never deleted by a
load: a redirect or a 410 goes only when an editor deletes it in the admin.
Every role created or changed gets a revision in its history, so the loaded version can be restored.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from django.db import DatabaseError, transaction
from django.utils import timezone

from careers.models import FAQ, ContentVersion
from roles.models import (
    Level,
    Role,
    RoleAlias,
    RoleFamily,
    RoleLevel,
    RoleLevelSkill,
    RoleRelation,
    Skill,
)
from salaries.models import EmployerType, Location, RarelyHiring, SalaryBand

from .addresses import write_addresses
from .database import read_state
from .reader import ContentError, ContentSet, Problem, display_path, read_content
from .revisions import record_load_revisions
from .statistics import refresh_statistics
from .sync import LoadReport, Syncer, chunks, in_chunks
from .titles_sync import write_titles
from .validate import content_problems


def load_content(*, directory: Path, progress: Callable[[str], None] | None = None) -> LoadReport:
    """Read, check and write the content of ``directory``; raise ContentError and write nothing on any problem."""
    say = progress or (lambda message: None)
    with _no_cycle_collection():
        say(f"Reading {directory} …")
        content = read_content(directory)
        return load_content_set(content=content, source=directory, progress=say)


def load_content_set(*, content: ContentSet, source: Path, progress: Callable[[str], None] | None = None) -> LoadReport:
    """Check and write content already read (from a directory, or a downloaded catalog: ``source``)."""
    say = progress or (lambda message: None)
    with _no_cycle_collection():
        problems = content_problems(content, read_state())
        if problems:
            raise ContentError(problems)
        say(f"Checked {len(content.roles)} role files; writing …")
        try:
            with transaction.atomic():
                report, touched = _write(content, say)
                if report.changed:
                    # Bulk writes send no signals: move the content version on once, for the whole load.
                    ContentVersion.bump()
                report.revisions = record_load_revisions(role_ids=touched, source=source.name)
            if report.changed:
                refresh_statistics()
        except DatabaseError as exc:
            # The checks above are meant to leave nothing for the database to refuse; should it refuse
            # anyway (a rule we have not thought of), the answer is still a refusal, not a traceback.
            reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise ContentError(
                [Problem(display_path(source), "", f"the database refused the content: {reason}")]
            ) from exc
        return report


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Python's cycle collector off while loading: a load builds a great many objects that all live until
    it ends, so the collector would walk them again and again and free nothing (the measurement is in
    bench/README.md)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _write(content: ContentSet, say: Callable[[str], None]) -> tuple[LoadReport, set[int]]:
    """Write everything; return the report and the ids of the roles created or changed."""
    report = LoadReport(roles_in_files=len(content.roles))
    sync = Syncer(report)

    families = sync.upsert(
        RoleFamily,
        "families",
        "slug",
        {f.slug: dict(name=f.name, order=f.order, description=f.description) for f in content.families},
    )
    levels = sync.upsert(
        Level,
        "levels",
        "slug",
        {
            lv.slug: dict(
                name=lv.name, short_name=lv.short_name, order=lv.order, min_years=lv.min_years, max_years=lv.max_years
            )
            for lv in content.levels
        },
    )
    skills = sync.upsert(
        Skill,
        "skills",
        "slug",
        {s.slug: dict(name=s.name, kind=s.kind, description=s.description) for s in content.skills},
    )
    locations = sync.upsert(
        Location,
        "locations",
        "slug",
        {
            loc.slug: dict(name=loc.name, kind=loc.kind, country_code=loc.country_code, order=loc.order)
            for loc in content.locations
        },
    )
    employer_types = sync.upsert(
        EmployerType,
        "employer types",
        "slug",
        {
            e.slug: dict(name=e.name, description=e.description, level_naming=e.level_naming, order=e.order)
            for e in content.employer_types
        },
    )
    docs = [rf.doc for rf in content.roles]
    roles = sync.upsert(
        Role,
        "roles",
        "slug",
        {
            d.slug: dict(
                title=d.title,
                family_id=families[d.family].pk,
                summary=d.summary,
                body=d.body,
                status=d.status,
                featured=d.featured,
            )
            for d in docs
        },
        touches_roles=True,
    )
    say(f"Roles written ({len(roles)}); writing their levels, pay and questions …")
    role_ids = [roles[d.slug].pk for d in docs]

    sync.children(
        RoleAlias,
        "aliases",
        role_ids,
        lambda o: (o.role_id, o.name),
        {(roles[d.slug].pk, name): dict(role_id=roles[d.slug].pk, name=name) for d in docs for name in d.aliases},
    )
    sync.children(
        RoleLevel,
        "role levels",
        role_ids,
        lambda o: (o.role_id, o.level_id),
        {
            (roles[d.slug].pk, levels[rl.level].pk): dict(
                role_id=roles[d.slug].pk,
                level_id=levels[rl.level].pk,
                title=rl.title,
                what_you_do=rl.what_you_do,
                manager_track=rl.manager_track,
                specialist_track=rl.specialist_track,
            )
            for d in docs
            for rl in d.levels
        },
    )
    role_level_ids = {
        (rl.role_id, rl.level_id): rl.pk
        for rl in in_chunks(RoleLevel.objects.only("pk", "role_id", "level_id"), "role_id", role_ids)
    }
    owner_of_role_level = {pk: role_id for (role_id, _), pk in role_level_ids.items()}
    desired_level_skills = {}
    for d in docs:
        for rl in d.levels:
            rl_id = role_level_ids[roles[d.slug].pk, levels[rl.level].pk]
            for order, slug in enumerate(rl.skills):
                desired_level_skills[rl_id, skills[slug].pk] = dict(
                    role_level_id=rl_id, skill_id=skills[slug].pk, order=order
                )
    sync.children(
        RoleLevelSkill,
        "level skills",
        list(owner_of_role_level),
        lambda o: (o.role_level_id, o.skill_id),
        desired_level_skills,
        parent_field="role_level_id",
        owner=lambda values: owner_of_role_level[values["role_level_id"]],
    )
    sync.children(
        RoleRelation,
        "relations",
        role_ids,
        lambda o: (o.from_role_id, o.to_role_id),
        {
            (roles[d.slug].pk, roles[rel.to].pk): dict(
                from_role_id=roles[d.slug].pk, to_role_id=roles[rel.to].pk, kind=rel.kind, note=rel.note, order=order
            )
            for d in docs
            for order, rel in enumerate(d.relations)
        },
        parent_field="from_role_id",
        owner=lambda values: values["from_role_id"],
    )
    desired_bands = {}
    for d in docs:
        if not d.salaries:
            continue
        s = d.salaries
        for b in s.bands:
            employer_type = employer_types[b.employer_type].pk if b.employer_type else None
            key = (roles[d.slug].pk, levels[b.level].pk, locations[b.location].pk, employer_type)
            desired_bands[key] = dict(
                role_id=key[0],
                level_id=key[1],
                location_id=key[2],
                employer_type_id=employer_type,
                currency=b.currency or s.currency,
                period=s.period,
                low=b.low,
                median=b.median,
                high=b.high,
                source=b.source or s.source,
                as_of=b.as_of or s.as_of,
            )
    sync.children(
        SalaryBand,
        "salary bands",
        role_ids,
        lambda o: (o.role_id, o.level_id, o.location_id, o.employer_type_id),
        desired_bands,
    )
    sync.children(
        RarelyHiring,
        "rarely hiring",
        role_ids,
        lambda o: (o.role_id, o.employer_type_id),
        {
            (roles[d.slug].pk, employer_types[slug].pk): dict(
                role_id=roles[d.slug].pk, employer_type_id=employer_types[slug].pk
            )
            for d in docs
            if d.salaries
            for slug in d.salaries.rarely_hired_by
        },
    )
    sync.children(
        FAQ,
        "FAQs",
        role_ids,
        lambda o: (o.role_id, o.question),
        {
            (roles[d.slug].pk, faq.question): dict(
                role_id=roles[d.slug].pk, question=faq.question, answer=faq.answer, order=order
            )
            for d in docs
            for order, faq in enumerate(d.faqs)
        },
    )

    references = {"levels": levels, "families": families, "employer_types": employer_types}
    write_titles(content=content, sync=sync, references=references)

    # A role's page changes when anything shown on it changes: that is its updated_at.
    if sync.touched_roles:
        now = timezone.now()
        for chunk in chunks(sorted(sync.touched_roles)):
            Role.objects.filter(pk__in=chunk).update(updated_at=now)
    write_addresses(content=content, role_ids={slug: role.pk for slug, role in roles.items()}, report=report)
    return report, sync.touched_roles
