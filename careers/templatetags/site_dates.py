"""Dates as the site shows them: the day in the site's time zone (Asia/Kolkata), whatever the server's or the
viewer's. One function, ``site_day``; the filter and the ``<time>`` tag write with it."""

from __future__ import annotations

import datetime

from django import template
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import SafeString

register = template.Library()


def site_day(value: datetime.datetime | datetime.date) -> datetime.date:
    """The calendar day of an instant in the site's time zone (a date is already a day)."""
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value, timezone.get_default_timezone()).date()
    return value


@register.filter
def site_date(value: datetime.datetime | datetime.date | None) -> str:
    """ "3 Nov 2026"."""
    return date_format(site_day(value), "j M Y") if value else ""


@register.simple_tag
def site_time(value: datetime.datetime | datetime.date | None) -> SafeString | str:
    """``<time datetime="2026-11-03">3 Nov 2026</time>``: the day in words, and the same day for machines."""
    if not value:
        return ""
    return format_html('<time datetime="{}">{}</time>', site_day(value).isoformat(), site_date(value))
