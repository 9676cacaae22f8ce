"""The base of every content admin: reversion's history, plus what editors' work needs to stay safe.

- edit conflicts: a form saved over a newer version is refused, the other change shown (roles.concurrency);
- history: any two versions compared, a restore that says which version it restored (roles.admin_history);
- text normalised on the way in, so a change note names only what really changed (roles.admin_text).
"""

from reversion.admin import VersionAdmin

from .admin_concurrency import EditConflictMixin
from .admin_history import HistoryAdminMixin
from .admin_text import NormalisedTextMixin


class ContentVersionAdmin(EditConflictMixin, NormalisedTextMixin, HistoryAdminMixin, VersionAdmin):
    """A VersionAdmin for content: families, levels, skills, locations, roles and their rows."""
