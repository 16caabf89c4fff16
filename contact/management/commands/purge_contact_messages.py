"""Delete contact messages older than the privacy notice promises to keep them (twelve months)."""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from contact.models import ContactMessage

KEPT_FOR = timedelta(days=365)


class Command(BaseCommand):
    help = "Delete contact messages sent more than twelve months ago (run daily by a timer)."

    def handle(self, *args, **options):
        deleted, _ = ContactMessage.objects.filter(sent_at__lt=timezone.now() - KEPT_FOR).delete()
        self.stdout.write(f"Contact messages deleted: {deleted}")
