import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Create a superuser for local work from DJANGO_SUPERUSER_USERNAME and DJANGO_SUPERUSER_PASSWORD "
        "(and optional DJANGO_SUPERUSER_EMAIL), once. Does nothing when unset; refuses in production."
    )

    def handle(self, *args, **options):
        username = os.environ.get("DJANGO_SUPERUSER_USERNAME")
        password = os.environ.get("DJANGO_SUPERUSER_PASSWORD")
        if not username:
            return
        if not settings.DEBUG:
            raise CommandError(
                "Refusing to create a superuser from the environment outside development settings."
            )
        if not password:
            raise CommandError("Set DJANGO_SUPERUSER_PASSWORD too.")
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            self.stdout.write(f"The superuser {username} already exists.")
            return
        User.objects.create_superuser(username, os.environ.get("DJANGO_SUPERUSER_EMAIL", ""), password)
        self.stdout.write(self.style.SUCCESS(f"Created the superuser {username}."))
