from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from careers.content.export import export_content


class Command(BaseCommand):
    help = "Write the content in the database back to fixture files (the format loadcontent reads)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dir", type=Path, default=settings.CONTENT_DIR, help="content directory (default: fixtures/)"
        )

    def handle(self, *args, dir: Path, **options):
        written = export_content(directory=dir)
        self.stdout.write(self.style.SUCCESS(f"Wrote {len(written)} files to {dir}."))
