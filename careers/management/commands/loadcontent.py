from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from careers.content.load import load_content, load_content_set
from careers.content.reader import ContentError
from careers.opendata.catalog_file import read_catalog


class Command(BaseCommand):
    help = "Check every content file, then load them all in one transaction (nothing is written if any file is bad)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dir", type=Path, default=settings.CONTENT_DIR, help="content directory (default: fixtures/)"
        )
        parser.add_argument(
            "--catalog",
            type=Path,
            default=None,
            help="load a downloaded catalog (/data/catalog.json) instead of a content directory",
        )

    def handle(self, *args, dir: Path, catalog: Path | None = None, **options):
        say = lambda message: self.stdout.write(message)  # noqa: E731
        try:
            if catalog is not None:
                say(f"Reading {catalog} …")
                report = load_content_set(content=read_catalog(catalog), source=catalog, progress=say)
            else:
                report = load_content(directory=dir, progress=say)
        except ContentError as exc:
            for problem in exc.problems:
                self.stderr.write(str(problem))
            raise CommandError(
                f"Content refused: {len(exc.problems)} problem(s); the database was not changed."
            ) from None
        if not report.changed:
            self.stdout.write(f"Nothing changed: the database already matches {report.roles_in_files} role files.")
            return
        for line in report.lines():
            self.stdout.write(line)
        self.stdout.write(f"History: {report.revisions} role revision(s) recorded.")
        self.stdout.write(self.style.SUCCESS(f"Loaded {report.roles_in_files} role files."))
