from django.core.management.base import BaseCommand

from discovery.search.indexing import rebuild_everything


class Command(BaseCommand):
    help = "Rebuild the site search's index from the content (it is kept up to date on its own)."

    def handle(self, *args, **options):
        count = rebuild_everything()
        self.stdout.write(f"Indexed {count} pages, documents and observer states.")
