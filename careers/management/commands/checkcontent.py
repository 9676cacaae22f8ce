from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from careers.content.database import read_state
from careers.content.reader import ContentError, read_content
from careers.content.validate import content_problems, editorial_problems


class Command(BaseCommand):
    help = (
        "Check the content files with the rules loadcontent applies (it refuses what this refuses), "
        "against the database when there is one; list the completeness targets not met; print counts."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dir", type=Path, default=settings.CONTENT_DIR, help="content directory (default: fixtures/)"
        )

    def handle(self, *args, dir: Path, **options):
        state = read_state()
        try:
            content = read_content(dir)
        except ContentError as exc:
            problems = exc.problems
        else:
            problems = content_problems(content, state)
        if problems:
            for problem in problems:
                self.stderr.write(str(problem))
            raise CommandError(f"{len(problems)} problem(s) in the content: loadcontent would refuse it.")
        if state is None:
            self.stdout.write("No database to compare with: its rules (slugs, titles, an empty folder) were skipped.")
        targets = editorial_problems(content)
        if targets:
            self.stdout.write(f"Below the site's targets ({len(targets)}; it loads, but is not complete):")
            for problem in targets:
                self.stdout.write(f"  {problem}")
        published = [rf.doc for rf in content.roles if rf.doc.status == "published"]
        bands = [b for d in published if d.salaries for b in d.salaries.bands]
        by_type = sum(b.employer_type is not None for b in bands)
        rarely = sum(len(d.salaries.rarely_hired_by) for d in published if d.salaries)
        self.stdout.write(
            f"roles: {len(content.roles)} ({len(published)} published), families: {len(content.families)}, "
            f"skills: {len(content.skills)}, locations: {len(content.locations)}, "
            f"employer types: {len(content.employer_types)}, salary bands: {len(bands) - by_type}, "
            f"by employer type: {by_type}, rarely hiring: {rarely}, FAQs: {sum(len(d.faqs) for d in published)}, "
            f"job titles: {len(content.titles)}"
        )
        self.stdout.write(self.style.SUCCESS("Content check passed."))
