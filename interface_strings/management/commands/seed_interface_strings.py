from django.core.management.base import BaseCommand
from django.db import DatabaseError

from interface_strings.seeding import po_path, seed


class Command(BaseCommand):
    help = (
        "Add the .po's new interface strings to the database (migrate does it too); strings a "
        "translator edited in the admin are kept as they are."
    )

    def handle(self, *args, **options):
        try:
            added = seed()
        except DatabaseError:
            self.stdout.write("No database yet: migrate adds the interface strings.")
            return
        self.stdout.write(f"{added} new interface strings from {po_path().name}.")
