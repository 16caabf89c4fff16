from django.core.management.base import BaseCommand

from translation_exchange import formats
from translation_exchange.exporting import export


class Command(BaseCommand):
    help = (
        "Write every translatable text (English source, current Spanish target) to FILE as XLIFF 2.0 "
        "or gettext PO, for a translation agency."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--format", choices=[formats.XLIFF, formats.PO], default=formats.XLIFF)
        parser.add_argument(
            "--only-pending", action="store_true", help="only texts without Spanish or with outdated Spanish"
        )

    def handle(self, *args, **options):
        with open(options["file"], "wb") as stream:
            count = export(stream, options["format"], options["only_pending"])
        self.stdout.write(f"{options['file']}: {count} units written ({options['format']}).")
