"""Apply the Spanish of an agency's XLIFF 2.0 or PO file as new revisions (sent to review), all
units or none: any refusal is listed (file, unit, reason) and nothing is written."""

import os

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from translation_exchange.importing import ImportRefused, import_file


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--user", help="the username the revisions are recorded under")
        parser.add_argument(
            "--force-stale", action="store_true", help="apply units whose English changed after the export"
        )

    def handle(self, *args, **options):
        path, user = options["file"], None
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"No user named {options['user']}.")
        try:
            with open(path, "rb") as stream:
                size = os.fstat(stream.fileno()).st_size
                result = import_file(path, stream, size, user, options["force_stale"])
        except OSError as error:
            raise CommandError(f"{path}: {error.strerror}") from error
        except ImportRefused as refused:
            raise CommandError("Nothing was imported.\n" + "\n".join(refused.messages)) from refused
        self.stdout.write(
            f"{path}: {len(result.applied)} units applied, "
            f"{len(result.saved)} pages, snippets or documents changed."
        )
