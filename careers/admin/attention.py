"""What needs an editor's attention, for the admin's home page: drafts, pay figures grown old, content-check
problems in the database, and the latest changes with who made them.

Every read returns plain values (no lazy querysets), so the template only shows them. The content check runs the
rules of ``checkcontent`` over the database exported to documents in memory (``careers.content.export``): one set
of rules, whether the content is in files or in the database. It is cached per content version.
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import Min, Prefetch
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from pydantic import ValidationError
from reversion.models import Revision, Version

from careers.content.export import reference_documents, role_document, role_documents
from careers.content.reader import ContentSet, Problem, RoleFile, json_path
from careers.content.title_docs import title_problems
from careers.content.titles_sync import titles_document
from careers.content.validate import editorial_problems, reference_problems
from careers.models import ContentVersion
from roles.models import Role

log = logging.getLogger(__name__)

STALE_AFTER_MONTHS = 12
LATEST_CHANGES = 10
# Each list shows this many and says how many more there are: a catalog of thousands must not make a page of them.
SHOWN = 50


@dataclass(frozen=True)
class Listing[T]:
    """The first items of a list, and how many there are in all."""

    items: list[T]
    total: int

    @property
    def more(self) -> int:
        return self.total - len(self.items)


@dataclass(frozen=True)
class RoleLink:
    """A role named on the dashboard, with where to edit it (empty when it no longer exists)."""

    title: str
    admin_url: str


@dataclass(frozen=True)
class StalePay:
    role: RoleLink
    as_of: datetime.date  # the oldest as-of date among the role's bands


@dataclass(frozen=True)
class ContentProblem:
    where: str  # the role's title, or the reference document
    admin_url: str
    path: str  # inside the document, as checkcontent says it
    reason: str


@dataclass(frozen=True)
class Change:
    when: datetime.datetime
    who: str
    what: str
    comment: str
    admin_url: str


@dataclass(frozen=True)
class Attention:
    drafts: Listing[RoleLink]
    stale_pay: Listing[StalePay]
    problems: Listing[ContentProblem]
    changes: list[Change]
    stale_before: datetime.date


def site_today() -> datetime.date:
    """Today where the site is (Asia/Kolkata), not where the server is."""
    return timezone.localdate(timezone.now(), timezone.get_default_timezone())


def needs_attention() -> Attention:
    """Everything the admin's home page lists."""
    cutoff = months_before(site_today(), STALE_AFTER_MONTHS)
    found = content_problems()
    return Attention(
        drafts=drafts(),
        stale_pay=stale_pay(before=cutoff),
        problems=Listing(found[:SHOWN], len(found)),
        changes=latest_changes(),
        stale_before=cutoff,
    )


def months_before(day: datetime.date, months: int) -> datetime.date:
    """The same day ``months`` months earlier (the month's last day where it is shorter: 29 Feb -> 28 Feb)."""
    years, month0 = divmod(day.month - 1 - months, 12)
    year, month = day.year + years, month0 + 1
    for last in (31, 30, 29, 28):
        try:
            return datetime.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has 28 days")


def _change_url(pk) -> str:
    return reverse("admin:roles_role_change", args=[pk])


def drafts() -> Listing[RoleLink]:
    roles = Role.objects.filter(status=Role.Status.DRAFT).order_by(Lower("title")).only("pk", "title")
    shown = [RoleLink(role.title, _change_url(role.pk)) for role in roles[:SHOWN]]
    return Listing(shown, len(shown) if len(shown) < SHOWN else roles.count())


def stale_pay(*, before: datetime.date) -> Listing[StalePay]:
    """Roles with a pay band dated before ``before`` (more than twelve months before today), oldest first."""
    roles = (
        Role.objects.annotate(pay_as_of=Min("salary_bands__as_of"))
        .filter(pay_as_of__lt=before)
        .order_by("pay_as_of", Lower("title"))
        .only("pk", "title")
    )
    shown = [StalePay(RoleLink(role.title, _change_url(role.pk)), role.pay_as_of) for role in roles[:SHOWN]]
    return Listing(shown, len(shown) if len(shown) < SHOWN else roles.count())


def content_problems() -> list[ContentProblem]:
    """The content check's findings in the database, computed once per content version."""
    version, changed_at = ContentVersion.current()
    key = f"attention:content-check:{version}:{changed_at.timestamp()}"
    try:
        found = cache.get(key)
    except Exception:  # a cache that is down means a slower page, not an error
        log.warning("cache unavailable for reading the content check", exc_info=True)
        found = None
    if found is None:
        found = _describe(database_problems())
        try:
            cache.set(key, found, timeout=24 * 3600)
        except Exception:
            log.warning("cache unavailable for keeping the content check", exc_info=True)
    return found


def database_problems() -> list[Problem]:
    """``checkcontent``'s rules over the database: exported to documents in memory, then validated.

    A row the document format cannot express (a level without skills, say) is reported as a problem of its
    role, as the loader would report it in a file, and the other roles are still checked."""
    try:
        reference = reference_documents()
    except ValidationError as exc:
        return _validation_problems("reference", exc)
    problems: list[Problem] = []
    unexported: set[str] = set()
    try:
        roles = [RoleFile(_role_file(doc.slug), doc) for doc in role_documents()]
    except ValidationError:
        # One role broke the export's single pass: export role by role to find which, and check the rest.
        roles = []
        for role in Role.objects.select_related("family").order_by("slug"):
            try:
                roles.append(RoleFile(_role_file(role.slug), role_document(role)))
            except ValidationError as exc:
                problems += _validation_problems(_role_file(role.slug), exc)
                unexported.add(role.slug)
    content = ContentSet(
        families=reference["families"].families,
        levels=reference["levels"].levels,
        skills=reference["skills"].skills,
        locations=reference["locations"].locations,
        employer_types=reference["employer_types"].employer_types,
        roles=roles,
    )
    try:
        content.titles, content.has_titles = titles_document().titles, True
    except ValidationError as exc:
        problems += _validation_problems("reference/titles.json", exc)
    # A move into a role that could not be exported points at a role that exists: not a problem of its own.
    moves_to_unexported = {
        (rf.path, f"relations[{i}].to")
        for rf in roles
        for i, rel in enumerate(rf.doc.relations)
        if rel.to in unexported
    }
    checked = reference_problems(content) + editorial_problems(content) + title_problems(content)
    return problems + [p for p in checked if (p.file, p.path) not in moves_to_unexported]


def _role_file(slug: str) -> str:
    return f"roles/{slug}.json"


def _validation_problems(file: str, exc: ValidationError) -> list[Problem]:
    return [Problem(file, json_path(err["loc"]), err["msg"].removeprefix("Value error, ")) for err in exc.errors()]


def _describe(problems: list[Problem]) -> list[ContentProblem]:
    """Problems named the editor's way: a role's title and a link to its screen instead of a file name."""
    slugs = {p.file.removeprefix("roles/").removesuffix(".json") for p in problems if p.file.startswith("roles/")}
    roles = {
        slug: (title, pk) for pk, slug, title in Role.objects.filter(slug__in=slugs).values_list("pk", "slug", "title")
    }
    described = []
    for problem in problems:
        slug = problem.file.removeprefix("roles/").removesuffix(".json")
        if problem.file.startswith("roles/") and slug in roles:
            title, pk = roles[slug]
            described.append(ContentProblem(title, _change_url(pk), problem.path, problem.reason))
        else:
            described.append(ContentProblem(problem.file, "", problem.path, problem.reason))
    return described


def latest_changes(*, limit: int = LATEST_CHANGES) -> list[Change]:
    """The latest revisions (admin saves, restores, list actions), newest first, each naming the role it touched."""
    role_type = ContentType.objects.get_for_model(Role)
    versions = Version.objects.select_related("content_type").defer("serialized_data").order_by("pk")
    revisions = list(
        Revision.objects.select_related("user")
        .prefetch_related(Prefetch("version_set", queryset=versions))
        .order_by("-date_created", "-pk")[:limit]
    )
    role_ids = {
        v.object_id for revision in revisions for v in revision.version_set.all() if v.content_type_id == role_type.pk
    }
    existing = {
        str(pk) for pk in Role.objects.filter(pk__in=[i for i in role_ids if i.isdigit()]).values_list("pk", flat=True)
    }
    changes = []
    for revision in revisions:
        versions_of = list(revision.version_set.all())
        roles = [v for v in versions_of if v.content_type_id == role_type.pk]
        shown = roles or versions_of[:1]
        what = ", ".join(v.object_repr for v in shown) or "(nothing recorded)"
        if not roles and shown:
            what = f"{shown[0].content_type.name.capitalize()}: {what}"
        link = next((_change_url(v.object_id) for v in roles if v.object_id in existing), "")
        user = revision.user
        who = (user.get_full_name() or user.get_username()) if user else "no one signed in (a command or import)"
        changes.append(Change(revision.date_created, who, what, revision.get_comment(), link))
    return changes
