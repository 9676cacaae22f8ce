from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from careers.content.load import load_content
from careers.content.reader import ContentError


class Command(BaseCommand):
    help = "Check every content file, then load them all in one transaction (nothing is written if any file is bad)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dir", type=Path, default=settings.CONTENT_DIR, help="content directory (default: fixtures/)"
        )

    def handle(self, *args, dir: Path, **options):
        try:
            report = load_content(directory=dir, progress=lambda message: self.stdout.write(message))
        except ContentError as exc:
            for problem in exc.problems:
                self.stderr.write(str(problem))
            raise CommandError(
                f"Content refused: {len(exc.problems)} problem(s); the database was not changed."
            ) from exc
        if not report.changed:
            self.stdout.write(f"Nothing changed: the database already matches {report.roles_in_files} role files.")
            return
        for line in report.lines():
            self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS(f"Loaded {report.roles_in_files} role files."))
