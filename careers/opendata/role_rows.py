"""Published roles' documents built from plain rows, for the catalog download: the same JSON as the content files.

``careers.content.export.role_document`` builds a role's document from model instances and pydantic models: right
for exporting, but at about 5–15 ms a role the catalog of 10,000 roles would take longer than a gunicorn worker may
(30 s). Here each chunk of roles is read with one ``values_list`` query per table (no model instances) and the
dictionaries are written directly, in the files' key order; ``tests/careers/opendata/test_role_rows.py`` holds them
equal to ``document_data(role_document(role))`` for every role, and the downloads are validated against the schema.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator

from careers.models import FAQ
from roles.models import Role, RoleAlias, RoleLevel, RoleLevelSkill, RoleRelation, RoleSlugHistory
from salaries.models import FALLBACK_SOURCE, RarelyHiring, SalaryBand

ROLE_CHUNK = 500


def _grouped(rows: Iterable[tuple]) -> defaultdict[int, list[tuple]]:
    """Rows whose first value is a role's id (or a role level's), grouped by it, in the order read."""
    groups: defaultdict[int, list[tuple]] = defaultdict(list)
    for row in rows:
        groups[row[0]].append(row[1:])
    return groups


def published_role_data(published: set[str]) -> Iterator[dict]:
    """Each published role's document as a dict (moves only to roles in ``published``), by slug, a chunk at a time."""
    ids = list(Role.objects.published().order_by("slug").values_list("pk", flat=True))
    for start in range(0, len(ids), ROLE_CHUNK):
        yield from _chunk(ids[start : start + ROLE_CHUNK], published)


def _chunk(ids: list[int], published: set[str]) -> Iterator[dict]:
    roles = Role.objects.filter(pk__in=ids).order_by("slug")
    role_rows = roles.values_list(
        "pk", "slug", "title", "family__slug", "status", "featured", "summary", "body", "updated_at"
    )
    aliases = _grouped(RoleAlias.objects.filter(role_id__in=ids).values_list("role_id", "name"))
    old_slugs = _grouped(RoleSlugHistory.objects.filter(role_id__in=ids).values_list("role_id", "slug"))
    levels = _grouped(
        RoleLevel.objects.filter(role_id__in=ids)
        .order_by("role_id", "level__order")
        .values_list("role_id", "pk", "level__slug", "title", "what_you_do", "manager_track", "specialist_track")
    )
    skills = _grouped(
        RoleLevelSkill.objects.filter(role_level__role_id__in=ids)
        .order_by("role_level_id", "order", "pk")
        .values_list("role_level_id", "skill__slug")
    )
    relations = _grouped(
        RoleRelation.objects.filter(from_role_id__in=ids)
        .order_by("from_role_id", "order", "pk")
        .values_list("from_role_id", "to_role__slug", "kind", "note")
    )
    bands = _grouped(
        SalaryBand.objects.filter(role_id__in=ids).values_list(
            "role_id",
            "employer_type__order",
            "employer_type__slug",
            "location__order",
            "location__slug",
            "level__order",
            "level__slug",
            "low",
            "median",
            "high",
            "currency",
            "source",
            "as_of",
        )
    )
    rarely = _grouped(
        RarelyHiring.objects.filter(role_id__in=ids)
        .order_by("role_id", "employer_type__order", "employer_type__slug")
        .values_list("role_id", "employer_type__slug")
    )
    faqs = _grouped(
        FAQ.objects.filter(role_id__in=ids)
        .order_by("role_id", "order", "pk")
        .values_list("role_id", "question", "answer")
    )
    for pk, slug, title, family, status, featured, summary, body, updated_at in role_rows:
        data: dict = {
            "slug": slug,
            "title": title,
            "family": family,
            "status": status,
            "featured": featured,
            "aliases": sorted((name for (name,) in aliases.get(pk, [])), key=str.casefold),
        }
        if pk in old_slugs:
            data["old_slugs"] = sorted(s for (s,) in old_slugs[pk])
        data |= {
            "summary": summary,
            "body": body,
            "levels": [
                {
                    "level": level,
                    "title": level_title,
                    "what_you_do": what,
                    "skills": [s for (s,) in skills.get(rl_id, [])],
                    "manager_track": manager,
                    "specialist_track": specialist,
                }
                for rl_id, level, level_title, what, manager, specialist in levels.get(pk, [])
            ],
            "relations": [
                {"to": to, "kind": kind, "note": note} for to, kind, note in relations.get(pk, []) if to in published
            ],
            "salaries": _salaries(bands.get(pk, []), [s for (s,) in rarely.get(pk, [])], updated_at),
            "faqs": [{"question": q, "answer": a} for q, a in faqs.get(pk, [])],
        }
        yield data


def _salaries(bands: list[tuple], rarely: list[str], updated_at: dt.datetime) -> dict | None:
    """As ``export._salaries``: bands in the files' order, the commonest currency, source and date the role's."""
    if not bands and not rarely:
        return None
    # All employers first, then each employer type; by place, then level (export._salaries's key).
    bands = sorted(bands, key=lambda b: ((b[0], b[1]) if b[1] else (-1, ""), b[2], b[3], b[4]))
    if bands:
        currency = Counter(b[9] for b in bands).most_common(1)[0][0]
        source = Counter(b[10] for b in bands).most_common(1)[0][0]
        as_of = Counter(b[11] for b in bands).most_common(1)[0][0]
    else:
        currency, source, as_of = "INR", FALLBACK_SOURCE, updated_at.date()
    data: dict = {"currency": currency, "period": "year", "source": source, "as_of": as_of.isoformat()}
    if rarely:
        data["rarely_hired_by"] = rarely
    data["bands"] = [_band(b, currency, source, as_of) for b in bands]
    return data


def _band(b: tuple, currency: str, source: str, as_of: dt.date) -> dict:
    _, employer_type, _, location, _, level, low, median, high, band_currency, band_source, band_as_of = b
    band: dict = {"location": location, "level": level}
    if employer_type:
        band["employer_type"] = employer_type
    band |= {"low": low, "median": median, "high": high}
    if band_currency != currency:
        band["currency"] = band_currency
    if band_source != source:
        band["source"] = band_source
    if band_as_of != as_of:
        band["as_of"] = band_as_of.isoformat()
    return band
