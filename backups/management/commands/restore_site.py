from django.core.management.base import BaseCommand, CommandError

from backups.archive import BackupError, restore_backup
from caching import changes


class Command(BaseCommand):
    help = "Restore a backup folder written by backup_site into an empty database and the file storage."

    def add_arguments(self, parser):
        parser.add_argument("backup", help="The backup folder, e.g. backups/alliance-20260101-120000")
        parser.add_argument("--database", default="default")

    def handle(self, *args, backup, database, **options):
        try:
            manifest = restore_backup(backup, using=database)
        except BackupError as error:
            raise CommandError(f"Nothing restored or restore incomplete: {error}") from error
        # Caches still hold pages of the site before the restore (published since, or defaced):
        # every app server and every Varnish forgets them (outside a transaction: at once).
        changes.note_everything("a backup was restored")
        rows = manifest["rows"]
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored the backup of {manifest['created']}: {rows.get('wagtailcore.page', 0)} pages, "
                f"{rows.get('wagtailcore.revision', 0)} revisions, {sum(rows.values())} rows in all."
            )
        )
