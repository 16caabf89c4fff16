"""Writes observers/world_map.json from Natural Earth's boundaries (see observers/map_build.py)."""

from django.core.management.base import BaseCommand, CommandError

from observers import map_build


class Command(BaseCommand):
    help = "Build the observer map's geometry from the world-atlas npm package (make browser-deps)."

    def handle(self, *args, **options):
        if not (map_build.WORLD_ATLAS / "countries-110m.json").is_file():
            raise CommandError(f"{map_build.WORLD_ATLAS} is missing: run `make browser-deps` first.")
        data = map_build.build()
        map_build.OUTPUT.write_text(map_build.serialise(data), encoding="utf-8")
        self.stdout.write(
            f"wrote {map_build.OUTPUT.name}: {len(data['countries'])} countries, "
            f"{len(data['markers'])} markers, {map_build.OUTPUT.stat().st_size:,} bytes"
        )
