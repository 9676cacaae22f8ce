import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction


class Command(BaseCommand):
    help = "Create an editor: a staff account in the Editors group, which may change content and nothing else."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--email", default="")
        parser.add_argument(
            "--password", help="the password to set; if omitted, a strong one is generated and printed once"
        )

    @transaction.atomic
    def handle(self, *args, username: str, email: str, password: str | None, **options):
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            raise CommandError(f"A user called {username!r} already exists.")
        try:
            group = Group.objects.get(name="Editors")
        except Group.DoesNotExist:
            raise CommandError("The Editors group is missing: run `manage.py migrate` first.") from None
        generated = password is None
        password = password or secrets.token_urlsafe(16)
        user = User.objects.create_user(username=username, email=email, password=password, is_staff=True)
        user.groups.add(group)
        self.stdout.write(self.style.SUCCESS(f"Editor {username!r} created."))
        if generated:
            self.stdout.write(f"Password (shown once, change it after the first login): {password}")
