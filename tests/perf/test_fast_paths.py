"""The shortcuts taken for speed give exactly what the ORM would (see bench/README.md for why each exists)."""

from __future__ import annotations

import datetime

import pytest

from careers.models import ContentVersion
from roles.models import RoleLevelSkill
from salaries.models import SalaryBand
from tests.perf.generate import load_generated

pytestmark = pytest.mark.django_db


def test_the_content_version_read_in_plain_sql_is_what_the_orm_reads():
    assert ContentVersion.current() == (0, datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC))
    ContentVersion.bump()
    ContentVersion.bump()
    version, changed_at = ContentVersion.current()
    assert (version, changed_at) == ContentVersion.objects.values_list("version", "changed_at").get(pk=1)
    assert version == 2
    assert changed_at.tzinfo is not None


def test_rows_inserted_without_the_orm_read_back_as_written(tmp_path):
    docs = load_generated(tmp_path, 3)
    band = SalaryBand.objects.get(role__slug="role-0000", level__slug="lead", location__slug="bengaluru")
    assert (band.low, band.median, band.high) == (3_080_000, 3_410_000, 3_850_000)
    assert band.as_of == datetime.date(2026, 10, 1)
    assert (band.currency, band.period, band.source) == ("INR", "year", "Test estimate")
    skills = RoleLevelSkill.objects.filter(role_level__role__slug="role-0000", role_level__level__slug="junior")
    assert [s.skill.slug for s in skills.order_by("order")] == ["python", "sql", "statistics"]
    assert docs.changed


def test_each_sitemap_section_says_when_it_last_changed_as_django_would(tmp_path):
    """Each section's one-query lastmod equals Django's default (the latest of every item's lastmod)."""
    from django.contrib.sitemaps import Sitemap
    from django.utils import timezone

    from careers.web.sitemaps import SITEMAPS
    from roles.models import Role

    load_generated(tmp_path, 5)
    # Different times per role, and a draft changed last of all, which no section may count.
    for i, role in enumerate(Role.objects.order_by("slug")):
        Role.objects.filter(pk=role.pk).update(updated_at=timezone.now() - datetime.timedelta(days=10 - i))
    Role.objects.filter(slug="role-0004").update(status=Role.Status.DRAFT, updated_at=timezone.now())
    ContentVersion.bump()
    for name, sitemap_class in SITEMAPS.items():
        sitemap = sitemap_class()
        assert sitemap.get_latest_lastmod() == Sitemap.get_latest_lastmod(sitemap), name
