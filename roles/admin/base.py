"""The base of every content admin: reversion's history, plus what editors' work needs to stay safe.

- edit conflicts: a form saved over a newer version is refused, the other change shown (roles.concurrency);
- history: any two versions compared, a restore that says which version it restored (roles.admin.history);
- text normalised on the way in, so a change note names only what really changed (roles.admin.text).
"""

from reversion.admin import VersionAdmin

from roles.admin.concurrency import EditConflictMixin
from roles.admin.history import HistoryAdminMixin
from roles.admin.text import NormalisedTextMixin


class ContentVersionAdmin(EditConflictMixin, NormalisedTextMixin, HistoryAdminMixin, VersionAdmin):
    """A VersionAdmin for content: families, levels, skills, locations, roles and their rows."""
