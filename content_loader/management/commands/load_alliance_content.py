from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from content_loader.errors import ContentError
from content_loader.loader import load_content


class Command(BaseCommand):
    help = "Build or update the page tree from the content files (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--content-dir", type=Path, default=settings.BASE_DIR / "content")

    def handle(self, *args, content_dir, **options):
        # Fills the English columns of rows created before modeltranslation knew them
        # (Wagtail's root page): without it the translated url paths break.
        call_command("update_translation_fields", verbosity=0)
        try:
            load_content(content_dir, report=lambda line: self.stdout.write(line))
        except ContentError as error:
            raise CommandError(f"Content not loaded, nothing was changed. {error}") from error
        self.stdout.write(self.style.SUCCESS("Content loaded."))
