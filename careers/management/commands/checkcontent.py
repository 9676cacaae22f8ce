from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from careers.content.reader import ContentError, read_content
from careers.content.validate import editorial_problems, reference_problems


class Command(BaseCommand):
    help = "Check the content files against every rule (references and completeness); print counts."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dir", type=Path, default=settings.CONTENT_DIR, help="content directory (default: fixtures/)"
        )

    def handle(self, *args, dir: Path, **options):
        try:
            content = read_content(dir)
        except ContentError as exc:
            problems = exc.problems
        else:
            problems = reference_problems(content) + editorial_problems(content)
        if problems:
            for problem in problems:
                self.stderr.write(str(problem))
            raise CommandError(f"{len(problems)} problem(s) in the content.")
        published = [rf.doc for rf in content.roles if rf.doc.status == "published"]
        bands = sum(len(d.salaries.bands) for d in published if d.salaries)
        self.stdout.write(
            f"roles: {len(content.roles)} ({len(published)} published), families: {len(content.families)}, "
            f"skills: {len(content.skills)}, locations: {len(content.locations)}, salary bands: {bands}, "
            f"FAQs: {sum(len(d.faqs) for d in published)}"
        )
        self.stdout.write(self.style.SUCCESS("Content check passed."))
