"""The base of every content admin: reversion's history, plus what editors' work needs to stay safe.

- edit conflicts: a form saved over a newer version is refused, the other change shown (roles.concurrency);
- history: any two versions compared, a restore that says which version it restored (roles.admin.history);
- text normalised on the way in, so a change note names only what really changed (roles.admin.text).
"""

from typing import Any

from django.db import models
from reversion import is_registered, register
from reversion.admin import VersionAdmin

from roles.admin.concurrency import EditConflictMixin
from roles.admin.history import HistoryAdminMixin
from roles.admin.text import NormalisedTextMixin


class ContentVersionAdmin(EditConflictMixin, NormalisedTextMixin, HistoryAdminMixin, VersionAdmin):
    """A VersionAdmin for content: families, levels, skills, locations, roles and their rows."""

    def reversion_register(self, model: type[models.Model], **kwargs: Any) -> None:
        """Reversion follows each inline's model; an inline that saves rows of another model too (the pay grid's
        "rarely hires" marks) names them in ``reversion_follows`` (accessor on the object -> model), so they are
        kept, compared and restored with the object like any inline row."""
        if model is self.model:
            extra: dict[str, type[models.Model]] = {}
            for inline in self.inlines:
                extra.update(getattr(inline, "reversion_follows", {}))
            for related in extra.values():
                if not is_registered(related):
                    register(related)
            kwargs["follow"] = (*kwargs.get("follow", ()), *extra)
        super().reversion_register(model, **kwargs)
