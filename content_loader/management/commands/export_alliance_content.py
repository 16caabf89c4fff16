from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from content_loader.errors import ContentError
from content_loader.export import export_content


class Command(BaseCommand):
    help = "Write the site's current content as content files (the layout of content/), in both languages."

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path)
        parser.add_argument("--force", action="store_true", help="Write into a directory that has files.")

    def handle(self, *args, directory, force, **options):
        try:
            with translation.override("en"):
                export_content(directory, force)
        except ContentError as error:
            raise CommandError(f"Content not exported. {error}") from error
        self.stdout.write(self.style.SUCCESS(f"Content exported to {directory}."))
