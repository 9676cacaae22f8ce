"""Writing the database back to fixture files, in the format ``loadcontent`` reads.

Editors change content in the admin; ``exportcontent`` turns those changes into files that can be
reviewed and committed. Loading an export gives back the same database; exporting a fresh load
gives back the same files.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from django.db.models import Prefetch, QuerySet

from careers.models import FAQ
from roles.models import Level, RemovedRole, Role, RoleFamily, RoleLevel, RoleLevelSkill, RoleSlugHistory, Skill
from salaries.models import FALLBACK_SOURCE, EmployerType, Location, RarelyHiring, SalaryBand

from .schema import (
    BandDoc,
    EmployerTypeDoc,
    EmployerTypesFile,
    FamiliesFile,
    FamilyDoc,
    FAQDoc,
    LevelDoc,
    LevelsFile,
    LocationDoc,
    LocationsFile,
    RelationDoc,
    RemovedFile,
    RemovedRoleDoc,
    RoleDoc,
    RoleLevelDoc,
    SalariesDoc,
    SkillDoc,
    SkillsFile,
)
from .title_docs import TitlesFile
from .titles_sync import titles_document


def dump(document) -> str:
    """The one text form of a document: two-space indent, UTF-8 as is, a final newline."""
    return json.dumps(document_data(document), indent=2, ensure_ascii=False) + "\n"


def document_data(document) -> dict:
    """A document as the files hold it (the open-data downloads use the same form): what is absent is left out."""
    data = document.model_dump(mode="json")
    if isinstance(document, RoleDoc) and data["salaries"]:
        # A band's own currency, source and date appear only where they differ from the role's.
        data["salaries"]["bands"] = [{k: v for k, v in b.items() if v is not None} for b in data["salaries"]["bands"]]
        if not data["salaries"]["rarely_hired_by"]:
            del data["salaries"]["rarely_hired_by"]  # only a role that some employer type rarely hires says so
    if isinstance(document, TitlesFile):
        # A title says only what it has: no employer type is every kind, no roles, no family, no next.
        data["titles"] = [
            {k: v for k, v in t.items() if v not in (None, [], "") and (k, v) != ("order", 0)} for t in data["titles"]
        ]
    if isinstance(document, RoleDoc) and not data["old_slugs"]:
        del data["old_slugs"]  # only a renamed role says what it was called
    return data


def export_content(*, directory: Path) -> list[Path]:
    """Write every reference document and one file per role; return the paths written."""
    (directory / "reference").mkdir(parents=True, exist_ok=True)
    (directory / "roles").mkdir(parents=True, exist_ok=True)
    written = []
    for name, document in reference_documents().items():
        written.append(_write(directory / "reference" / f"{name}.json", dump(document)))
    written.append(_write(directory / "reference" / "titles.json", dump(titles_document())))
    for doc in role_documents():
        written.append(_write(directory / "roles" / f"{doc.slug}.json", dump(doc)))
    return written


def _write(path: Path, text: str) -> Path:
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return path


def reference_documents() -> dict:
    return {
        "families": FamiliesFile(
            families=[
                FamilyDoc(slug=f.slug, name=f.name, order=f.order, description=f.description)
                for f in RoleFamily.objects.order_by("order", "slug")
            ]
        ),
        "levels": LevelsFile(
            levels=[
                LevelDoc(
                    slug=lv.slug,
                    name=lv.name,
                    short_name=lv.short_name,
                    order=lv.order,
                    min_years=lv.min_years,
                    max_years=lv.max_years,
                )
                for lv in Level.objects.order_by("order")
            ]
        ),
        "skills": SkillsFile(
            skills=[
                SkillDoc(slug=s.slug, name=s.name, kind=s.kind, description=s.description)  # type: ignore[arg-type]
                for s in Skill.objects.order_by("slug")
            ]
        ),
        "locations": LocationsFile(
            locations=[
                LocationDoc(slug=loc.slug, name=loc.name, kind=loc.kind, country_code=loc.country_code, order=loc.order)  # type: ignore[arg-type]
                for loc in Location.objects.order_by("order", "slug")
            ]
        ),
        "employer_types": EmployerTypesFile(
            employer_types=[
                EmployerTypeDoc(
                    slug=e.slug, name=e.name, description=e.description, level_naming=e.level_naming, order=e.order
                )
                for e in EmployerType.objects.order_by("order", "slug")
            ]
        ),
        "removed": RemovedFile(
            removed=[
                RemovedRoleDoc(slug=r.slug, title=r.title)
                # A removed role recovered in the admin is live again (or redirects): it is not gone.
                for r in RemovedRole.objects.exclude(slug__in=Role.objects.values("slug"))
                .exclude(slug__in=RoleSlugHistory.objects.values("slug"))
                .order_by("slug")
            ]
        ),
    }


def role_documents(roles: QuerySet[Role] | None = None, *, chunk_size: int = 200) -> Iterator[RoleDoc]:
    """Every role's document (or those of ``roles``), read in chunks: memory stays bounded at any catalog size."""
    roles = (
        (Role.objects.all() if roles is None else roles)
        .select_related("family")
        .prefetch_related(
            Prefetch(
                "role_levels",
                queryset=RoleLevel.objects.select_related("level").prefetch_related(
                    Prefetch("level_skills", queryset=RoleLevelSkill.objects.select_related("skill"))
                ),
            ),
            "relations_out__to_role",
            "aliases",
            "old_slugs",
            Prefetch("salary_bands", queryset=SalaryBand.objects.select_related("level", "location", "employer_type")),
            Prefetch("rarely_hired_by", queryset=RarelyHiring.objects.select_related("employer_type")),
            Prefetch("faqs", queryset=FAQ.objects.order_by("order", "pk")),
        )
        .order_by("slug")
    )
    for role in roles.iterator(chunk_size=chunk_size):
        yield role_document(role)


# The ignores here and above: a choice field reads as str, the document wants its Literal; pydantic checks it.
def role_document(role: Role) -> RoleDoc:
    return RoleDoc(
        slug=role.slug,
        title=role.title,
        family=role.family.slug,
        status=role.status,  # type: ignore[arg-type]
        featured=role.featured,
        aliases=[a.name for a in sorted(role.aliases.all(), key=lambda a: a.name.casefold())],
        old_slugs=sorted(h.slug for h in role.old_slugs.all()),
        summary=role.summary,
        body=role.body,
        levels=[
            RoleLevelDoc(
                level=rl.level.slug,
                title=rl.title,
                what_you_do=rl.what_you_do,
                skills=[s.slug for s in rl.skills],
                manager_track=rl.manager_track,
                specialist_track=rl.specialist_track,
            )
            for rl in role.ladder
        ],
        relations=[
            RelationDoc(to=rel.to_role.slug, kind=rel.kind, note=rel.note)  # type: ignore[arg-type]
            for rel in sorted(role.relations_out.all(), key=lambda r: (r.order, r.pk))
        ],
        salaries=_salaries(role, list(role.salary_bands.all()), list(role.rarely_hired_by.all())),
        faqs=[FAQDoc(question=f.question, answer=f.answer) for f in role.faqs.all()],
    )


def _salaries(role: Role, bands: list[SalaryBand], rarely: list[RarelyHiring]) -> SalariesDoc | None:
    if not bands and not rarely:
        return None
    # Today's figures (all employers) first, as before there were employer types; then each employer type's.
    bands.sort(
        key=lambda b: (
            (b.employer_type.order, b.employer_type.slug) if b.employer_type else (-1, ""),
            b.location.order,
            b.location.slug,
            b.level.order,
        )
    )
    # The most common currency, source and date are the role's; a band that differs says so itself.
    if bands:
        currency = Counter(b.currency for b in bands).most_common(1)[0][0]
        source = Counter(b.source for b in bands).most_common(1)[0][0]
        as_of = Counter(b.as_of for b in bands).most_common(1)[0][0]
    else:  # a draft whose only pay so far is which employer types rarely hire it
        currency, source, as_of = "INR", FALLBACK_SOURCE, role.updated_at.date()
    return SalariesDoc(
        currency=currency,
        period="year",
        source=source,
        as_of=as_of,
        rarely_hired_by=[
            r.employer_type.slug for r in sorted(rarely, key=lambda r: (r.employer_type.order, r.employer_type.slug))
        ],
        bands=[
            BandDoc(
                location=b.location.slug,
                level=b.level.slug,
                employer_type=b.employer_type.slug if b.employer_type else None,
                low=b.low,
                median=b.median,
                high=b.high,
                currency=None if b.currency == currency else b.currency,
                source=None if b.source == source else b.source,
                as_of=None if b.as_of == as_of else b.as_of,
            )
            for b in bands
        ],
    )
