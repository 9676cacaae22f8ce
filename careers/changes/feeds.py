"""/changes/feed/: the latest changes to published roles as an Atom feed (Django's syndication framework).

Each entry is one saved change of one role; its id is a tag URI made of the site's host, the day it was recorded
and the change's number, so a reader never sees an entry twice, even after the role is renamed.
"""

from __future__ import annotations

import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from careers.templatetags.site_dates import site_date

from . import narrative
from .models import RoleChange
from .read import latest_changes


class ChangesFeed(Feed):
    """What changed in the published career paths, newest first."""

    feed_type = Atom1Feed
    title = f"What changed on {settings.SITE_NAME}"
    subtitle = "Changes to the published career paths: pay, skills, levels and moves, newest first."
    item_guid_is_permalink = False

    def link(self) -> str:
        return settings.SITE_URL + reverse("changes")

    def feed_url(self) -> str:
        return settings.SITE_URL + reverse("changes_feed")

    def feed_guid(self) -> str:
        return self.feed_url()

    def items(self) -> list[RoleChange]:
        return latest_changes()

    def item_title(self, item: RoleChange) -> str:
        first = item.lines[0] if item.lines else ""
        rest = f" and {narrative.more(len(item.lines) - 1)}" if len(item.lines) > 1 else ""
        return f"{item.role.title}: {first}{rest}"

    def item_description(self, item: RoleChange) -> str:
        return "; ".join(item.lines) + f" (on {site_date(item.recorded_at)})."

    def item_link(self, item: RoleChange) -> str:
        return settings.SITE_URL + reverse("career_path", args=[item.role.slug])

    def item_guid(self, item: RoleChange) -> str:
        host = urlsplit(settings.SITE_URL).hostname or "localhost"
        return f"tag:{host},{item.recorded_at.astimezone(datetime.UTC):%Y-%m-%d}:changes/{item.pk}"

    def item_pubdate(self, item: RoleChange) -> datetime.datetime:
        return item.recorded_at

    def item_updateddate(self, item: RoleChange) -> datetime.datetime:
        return item.recorded_at
