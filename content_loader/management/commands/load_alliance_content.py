from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from content_loader.errors import ContentError
from content_loader.loader import load_content


class Command(BaseCommand):
    help = (
        "Build or update the page tree from the content files (idempotent). Fields that people "
        "changed since the last load are kept and reported, unless named with --overwrite."
    )

    def add_arguments(self, parser):
        parser.add_argument("--content-dir", type=Path, default=settings.BASE_DIR / "content")
        parser.add_argument(
            "--overwrite",
            nargs="+",
            default=[],
            metavar="KEY",
            help="Replace people's changes to these items or fields (KEY:FIELD), named as in the conflicts.",
        )
        parser.add_argument(
            "--overwrite-all", action="store_true", help="Replace every change people made to loaded content."
        )
        parser.add_argument("--yes", action="store_true", help="Do not ask before --overwrite-all.")

    def handle(self, *args, content_dir, overwrite, overwrite_all, yes, **options):
        if overwrite_all and not yes and not self.confirmed():
            raise CommandError("Nothing was changed: --overwrite-all was not confirmed.")
        # Fills the English columns of rows created before modeltranslation knew them
        # (Wagtail's root page): without it the translated url paths break.
        call_command("update_translation_fields", verbosity=0)
        try:
            load = load_content(
                content_dir,
                report=lambda line: self.stdout.write(line),
                overwrite=overwrite,
                overwrite_all=overwrite_all,
            )
        except ContentError as error:
            raise CommandError(f"Content not loaded, nothing was changed. {error}") from error
        for conflict in load.conflicts:
            self.stdout.write(self.style.WARNING(str(conflict)))
        self.stdout.write(self.style.SUCCESS(load.summary()))

    def confirmed(self):
        question = (
            "Replace every change people made in the admin to loaded content with the files' text? [y/N] "
        )
        try:
            return input(question).strip().lower() in ("y", "yes")
        except EOFError:
            return False
