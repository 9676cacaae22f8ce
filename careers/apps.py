from django.apps import AppConfig, apps
from django.db.models.signals import post_delete, post_save, pre_save


class CareersConfig(AppConfig):
    name = "careers"
    verbose_name = "Career paths"

    def ready(self) -> None:
        # Any save or delete of content, from the admin, a history restore or a shell, moves the
        # content version on and, once the transaction commits, the page tags it touched
        # (careers/web/page_tags.py, careers/web/invalidation.py), so cached pages are never older than the data.
        # Signals, because no single write path sees every change (inlines, reversion's revert, recover).
        from reversion.signals import post_revision_commit

        from .changes.models import RoleChange
        from .changes.record import on_revision_commit
        from .models import ContentVersion
        from .web import invalidation

        # Every recorded revision of a role, whichever path records it, gets its change lines in the same
        # transaction: reversion's own signal is the one place they all pass (careers/changes/record.py).
        def record_changes(sender, revision, versions, **kwargs) -> None:
            on_revision_commit(revision=revision, versions=versions)

        post_revision_commit.connect(record_changes, weak=False, dispatch_uid="careers-role-changes")

        def bump(sender, instance, **kwargs) -> None:
            if not kwargs.get("raw"):
                ContentVersion.bump(every_page=False)
                invalidation.content_changed(instance)

        def before_save(sender, instance, **kwargs) -> None:
            if not kwargs.get("raw"):
                invalidation.remember_before_save(instance)

        for label in ("roles", "salaries", "titles", "careers"):
            for model in apps.get_app_config(label).get_models():
                # Change lines are derived from content saves, which move the version on themselves.
                if model not in (ContentVersion, RoleChange):
                    # weak=False: the receivers are local to this method; a weak reference would let them be
                    # collected as soon as ready() returns (with DEBUG off nothing else holds them) and no save would
                    # bump.
                    post_save.connect(
                        bump, sender=model, weak=False, dispatch_uid=f"content-version-save-{model._meta.label}"
                    )
                    post_delete.connect(
                        bump, sender=model, weak=False, dispatch_uid=f"content-version-delete-{model._meta.label}"
                    )
                    pre_save.connect(
                        before_save, sender=model, weak=False, dispatch_uid=f"page-tags-before-{model._meta.label}"
                    )
