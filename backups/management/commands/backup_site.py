from django.core.management.base import BaseCommand, CommandError

from backups.archive import BackupError, create_backup, default_backup_root


class Command(BaseCommand):
    help = "Back up the database and the uploaded files into a new, private folder (backups/archive.py)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            default=None,
            help="Folder that receives the backup (default: $BACKUP_ROOT or backups/).",
        )
        parser.add_argument("--database", default="default")

    def handle(self, *args, output, database, **options):
        try:
            folder = create_backup(output or default_backup_root(), using=database)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Backup written to {folder}"))
