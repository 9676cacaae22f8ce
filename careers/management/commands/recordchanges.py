from django.core.management.base import BaseCommand

from careers.changes.record import rebuild_role_changes


class Command(BaseCommand):
    help = (
        "Write every role's change lines anew from its whole history (what careers show as Last reviewed and "
        "Changes, /changes/ and its feed): once on a database whose revisions predate them, or after their wording "
        "changed. Saves and loads write them by themselves."
    )

    def handle(self, *args, **options):
        written = rebuild_role_changes()
        self.stdout.write(f"Wrote {written} change record(s) from the history.")
