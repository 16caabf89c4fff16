"""Redraws the icons and share images in static/img from the emblem's geometry (base/brand.py)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from base import brand


class Command(BaseCommand):
    help = "Redraw the favicon, app icons and share images (static/img) from the emblem's geometry."

    def handle(self, *args, **options):
        if not brand.FONT.is_file():
            raise CommandError(f"{brand.FONT} is missing: install the Debian package fonts-dejavu-core.")
        folder = settings.BASE_DIR / "static" / "img"
        for name in brand.build(folder):
            self.stdout.write(f"wrote static/img/{name}")
