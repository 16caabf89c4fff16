from django.core.management.base import BaseCommand

from caching import changes


class Command(BaseCommand):
    help = "Ban every page from every cache in front (after a deploy: new code, templates or translations)."

    def handle(self, *args, **options):
        changes.note_everything("a deploy")  # outside a transaction: sent at once
        self.stdout.write("Every cache was asked to forget every page.")
