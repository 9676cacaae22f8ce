"""Sitemaps: one section per kind of page, only published content, lastmod from when it really changed.

URLs are absolute from settings.SITE_URL (not the request's Host), the same base as canonical links.
Django paginates every section at ``SiteSitemap.limit`` URLs (``?p=2``…); the index lists each page. The protocol
allows 50,000 URLs and 10 MB a file: 10,000 URLs of at most a few hundred bytes each keep a file near 2 MB (the
salary section of 10,000 roles, 110,000 URLs, is eleven files), quick to render and to read.

Each section says when it last changed in one aggregate query (``get_latest_lastmod``): Django's default
reads every item for it, so the index would take longer with every role added (see bench/README.md).

A ``lastmod`` is written by ``w3c_datetime``: the instant in UTC with its offset, never a bare date. A date
is a day in some time zone; the site's (Asia/Kolkata) and a crawler's (or a test's, in UTC) disagree for
five and a half hours a day, and both readings would be "right".
"""

from __future__ import annotations

import datetime
from functools import cached_property
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Count, F, Max, Q
from django.urls import reverse
from django.utils import timezone

from careers.models import ContentVersion
from careers.pages.catalog import family_counts
from careers.pages.paging import PAGE_SIZE
from careers.web.indexing import skill_is_indexable
from roles.models import Role, RoleLevel, RoleLevelSkill, RoleRelation, Skill
from salaries.models import Location, SalaryBand
from salaries.salary_page import salary_url
from titles.models import JobTitle


def w3c_datetime(moment: datetime.datetime) -> str:
    """A sitemap's lastmod, in the W3C Datetime form the protocol asks for: "2026-12-01T18:29:50+00:00".

    In UTC and to the second, whatever the site's or the server's time zone, so that one instant always
    reads the same. A naive datetime is taken as UTC (what Django's sitemaps do).
    """
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment, datetime.UTC)
    return moment.astimezone(datetime.UTC).replace(microsecond=0).isoformat()


class SiteSitemap(Sitemap):
    limit = 10_000

    @property
    def protocol(self) -> str:  # type: ignore[override]
        return urlsplit(settings.SITE_URL).scheme or "https"

    def get_domain(self, site=None) -> str:
        return urlsplit(settings.SITE_URL).netloc


class PagesSitemap(SiteSitemap):
    """The pages that list everything: they change whenever any content does."""

    def items(self) -> list[str]:
        return ["home", "catalog", "catalog_az", "skill_list", "salary_compare", "methodology", "opendata", "changes"]

    def location(self, item: str) -> str:
        # The A–Z view is a page of its own (its own title, heading and canonical), so it is listed too.
        return reverse("catalog") + "?view=az" if item == "catalog_az" else reverse(item)

    def lastmod(self, item: str):
        return ContentVersion.current()[1]

    def get_latest_lastmod(self):
        return ContentVersion.current()[1]


class RoleSitemap(SiteSitemap):
    url_name = "role_detail"

    def items(self):
        return Role.objects.published().only("slug", "updated_at").order_by("slug")

    def location(self, role: Role) -> str:
        return reverse(self.url_name, args=[role.slug])

    def lastmod(self, role: Role):
        return role.updated_at

    def get_latest_lastmod(self):
        return Role.objects.published().aggregate(latest=Max("updated_at"))["latest"]


class CareerPathSitemap(RoleSitemap):
    url_name = "career_path"


class CheckSitemap(RoleSitemap):
    """The blank skills check of each role; its answers (with parameters) are noindex and not listed."""

    url_name = "role_check"


class LevelSitemap(SiteSitemap):
    def items(self):
        return (
            RoleLevel.objects.filter(role__status=Role.Status.PUBLISHED)
            .select_related("role", "level")
            .only("role__slug", "role__updated_at", "level__slug")
            .order_by("role__slug", "level__order")
        )

    def location(self, rl: RoleLevel) -> str:
        return reverse("career_level", args=[rl.role.slug, rl.level.slug])

    def lastmod(self, rl: RoleLevel):
        return rl.role.updated_at

    def get_latest_lastmod(self):
        levels = RoleLevel.objects.filter(role__status=Role.Status.PUBLISHED)
        return levels.aggregate(latest=Max("role__updated_at"))["latest"]


class SalarySitemap(SiteSitemap):
    """A role's salary page for each place it has pay for, for all employers and for each kind of employer that pays
    it there: each is a page of its own (a kind of employer that rarely hires the role has no figures, so no page
    here)."""

    def items(self):
        return (
            SalaryBand.objects.published()
            .values(
                "role__slug",
                "location__slug",
                "location__order",
                "employer_type__slug",
                "employer_type__order",
            )
            .annotate(updated=Max("role__updated_at"))
            .order_by(
                "role__slug", F("employer_type__order").asc(nulls_first=True), "employer_type__slug", "location__order"
            )
        )

    @cached_property
    def home(self) -> str:
        """The home location's slug, read once per sitemap (Django makes one per request): its pages name no place."""
        home = Location.objects.home()
        return home.slug if home else ""

    def location(self, item: dict) -> str:
        return salary_url(item["role__slug"], item["location__slug"], item["employer_type__slug"] or "", home=self.home)

    def lastmod(self, item: dict):
        return item["updated"]

    def get_latest_lastmod(self):
        return SalaryBand.objects.published().aggregate(latest=Max("role__updated_at"))["latest"]


class SkillSitemap(SiteSitemap):
    """Skills whose page is indexed (``skill_is_indexable``, the rule the page's noindex follows)."""

    def items(self):
        published = Q(level_uses__role_level__role__status=Role.Status.PUBLISHED)
        skills = (
            Skill.objects.annotate(
                updated=Max("level_uses__role_level__role__updated_at", filter=published),
                roles=Count("level_uses__role_level__role", filter=published, distinct=True),
                levels=Count("level_uses__role_level", filter=published, distinct=True),
            )
            .filter(updated__isnull=False)
            .only("slug")
            .order_by("slug")
        )
        return [skill for skill in skills if skill_is_indexable(roles=skill.roles, levels=skill.levels)]

    def location(self, skill: Skill) -> str:
        return reverse("skill_detail", args=[skill.slug])

    def lastmod(self, skill: Skill):
        return skill.updated  # type: ignore[attr-defined]  # annotated by items()

    def get_latest_lastmod(self):
        uses = RoleLevelSkill.objects.filter(role_level__role__status=Role.Status.PUBLISHED)
        return uses.aggregate(latest=Max("role_level__role__updated_at"))["latest"]


class MoveSitemap(SiteSitemap):
    """Moves an editor has described (related roles): what ``move_is_indexable`` accepts. Other pairs are reachable
    but say noindex, and are not listed."""

    def items(self):
        return (
            RoleRelation.objects.filter(from_role__status=Role.Status.PUBLISHED, to_role__status=Role.Status.PUBLISHED)
            .select_related("from_role", "to_role")
            .only("from_role__slug", "from_role__updated_at", "to_role__slug", "to_role__updated_at")
            .order_by("from_role__slug", "to_role__slug")
        )

    def location(self, rel: RoleRelation) -> str:
        return reverse("role_move", args=[rel.from_role.slug, rel.to_role.slug])

    def lastmod(self, rel: RoleRelation):
        return max(rel.from_role.updated_at, rel.to_role.updated_at)

    def get_latest_lastmod(self):
        both = RoleRelation.objects.filter(
            from_role__status=Role.Status.PUBLISHED, to_role__status=Role.Status.PUBLISHED
        ).aggregate(source=Max("from_role__updated_at"), target=Max("to_role__updated_at"))
        return max((d for d in both.values() if d is not None), default=None)


class TitleSitemap(SiteSitemap):
    """The title translator and a page per job title: they change with the content as a whole (a title's page
    shows roles and pay too), so their lastmod is the content version's."""

    changed: datetime.datetime | None = None

    def items(self) -> list[str]:
        return ["", *JobTitle.objects.order_by("slug").values_list("slug", flat=True)]

    def location(self, item: str) -> str:
        return reverse("job_title", args=[item]) if item else reverse("title_translator")

    def lastmod(self, item: str):
        if self.changed is None:  # read once for the whole section: lastmod is asked item by item
            self.changed = ContentVersion.current()[1]
        return self.changed

    def get_latest_lastmod(self):
        return ContentVersion.current()[1]


def skills_of_many_roles() -> list[tuple[str, int, int]]:
    """The skills asked for by more than a page of published roles: slug, roles and levels asking (one query)."""
    published = Q(level_uses__role_level__role__status=Role.Status.PUBLISHED)
    return list(
        Skill.objects.annotate(
            roles=Count("level_uses__role_level__role", filter=published, distinct=True),
            levels=Count("level_uses__role_level", filter=published, distinct=True),
        )
        .filter(roles__gt=PAGE_SIZE)
        .order_by("slug")
        .values_list("slug", "roles", "levels")
    )


class ListPagesSitemap(SiteSitemap):
    """The later pages of the lists cut into pages (careers.pages.paging): the catalog by field and A–Z, and the
    roles asking for a skill asked for by more than a page of them. Their first pages are listed with the fixed pages
    and the skills; these are reachable by links too, and indexed like their first page (``skill_is_indexable``)."""

    def items(self) -> list[str]:
        return self.later_pages

    @cached_property
    def later_pages(self) -> list[str]:
        # Read once: the index counts the items and then asks for the latest change.
        families = family_counts()
        pages = -(-sum(f.count for f in families) // PAGE_SIZE)
        found = [f"{reverse('catalog')}?page={n}" for n in range(2, pages + 1)]
        found += [f"{reverse('catalog')}?view=az&page={n}" for n in range(2, pages + 1)]
        for slug, roles, levels in skills_of_many_roles():
            if skill_is_indexable(roles=roles, levels=levels):
                found += [
                    f"{reverse('skill_detail', args=[slug])}?page={n}" for n in range(2, -(-roles // PAGE_SIZE) + 1)
                ]
        return found

    def location(self, item: str) -> str:
        return item

    def lastmod(self, item: str):
        return self.latest

    @cached_property
    def latest(self):
        return ContentVersion.current()[1]

    def get_latest_lastmod(self):
        # Django's rule: the latest of the items' lastmod, and none when the section is empty (a small catalog). The
        # content version is read either way, so the index costs the same queries at any size.
        latest = self.latest
        return latest if self.later_pages else None


SITEMAPS = {
    "pages": PagesSitemap,
    "roles": RoleSitemap,
    "career-paths": CareerPathSitemap,
    "levels": LevelSitemap,
    "salaries": SalarySitemap,
    "skills": SkillSitemap,
    "moves": MoveSitemap,
    "checks": CheckSitemap,
    "titles": TitleSitemap,
    "list-pages": ListPagesSitemap,
}
