"""Writes the site's current content back as files in the layout and format of `content/`.

Each app's content spec knows its files, so each has an `export(files)` class method that gives
them the live objects' values; this module only holds what they share. Loading the files written
here into a new database gives the same pages (content/README.md describes the format).
"""

import csv
import io
from pathlib import Path

import yaml
from django.contrib.contenttypes.models import ContentType
from django.utils.text import slugify

from .errors import ContentError
from .models import LoadedItem
from .reader import DAY, LANGUAGES, MONTH


class Dumper(yaml.SafeDumper):
    """YAML as the content files write it: multi-line text as a block, in the order given."""


def _text(dumper, value):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


Dumper.add_representer(str, _text)


class Files:
    """The export directory: refuses one with files in it (unless forced) or one it cannot write."""

    def __init__(self, directory, force=False):
        self.root = Path(directory)
        if self.root.exists() and any(self.root.iterdir()) and not force:
            raise ContentError(self.root, None, "is not empty (--force writes over it)")
        self.names = {}  # content type id -> {object id: item name}, from the loader's records

    def path(self, relative):
        path = self.root / relative
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise ContentError(path.parent, None, f"cannot be written ({error.strerror})") from error
        return path

    def write(self, relative, text):
        path = self.path(relative)
        try:
            path.write_text(text, encoding="utf-8")
        except OSError as error:
            raise ContentError(path, None, f"cannot be written ({error.strerror})") from error

    def yaml(self, relative, data):
        self.write(relative, yaml.dump(data, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=100))

    def csv(self, relative, header, rows):
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
        self.write(relative, out.getvalue())

    def name(self, obj, default=""):
        """The item name the object was loaded under ('tourism' of 'workgroups/tourism'), or a
        name made from `default` (its slug, say) for an object people made in the admin."""
        content_type = ContentType.objects.get_for_model(obj, for_concrete_model=False)
        if content_type.pk not in self.names:
            records = LoadedItem.objects.filter(content_type=content_type).values_list("object_id", "key")
            self.names[content_type.pk] = {pk: key.split("/")[1] for pk, key in records if "/" in key}
        return self.names[content_type.pk].get(str(obj.pk)) or slugify(default or str(obj))


def translated(obj, *names):
    """{name: {"en": ..., "es": ...}} of the fields that have text, as the files write them."""
    return {
        name: {lang: getattr(obj, f"{name}_{lang}") for lang in LANGUAGES}
        for name in names
        if any(getattr(obj, f"{name}_{lang}") for lang in LANGUAGES)
    }


def section(page, *names):
    """A section page's file: slug, title, introduction, and any further translated fields."""
    return translated(page, "slug", "title", "intro", *names)


def partial_date(date, precision):
    """A date as precise as it is known: 2015, '2015-05' or a day."""
    if date is None:
        return None
    if precision == DAY:
        return date
    return f"{date:%Y-%m}" if precision == MONTH else date.year


def compact(data):
    """Leave out what is empty, as the files do for optional fields."""
    return {name: value for name, value in data.items() if value not in (None, "", [], {})}


def export_content(directory, force=False):
    """Write every app's content files into `directory`; ContentError if it cannot."""
    from .loader import discover

    files = Files(directory, force)
    for spec_class in discover():
        spec_class.export(files)
