"""Reads content files and checks each value as it is taken, so errors name file and field."""

import datetime
import re
from pathlib import Path

import yaml

from .errors import ContentError

LANGUAGES = ("en", "es")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
# How much of a partial date is known: the values of base.dates.DatePrecision (a test keeps them equal).
DAY, MONTH, YEAR = "day", "month", "year"


# libyaml's parser (PyYAML's wheels carry it) reads the content files ten times as fast.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path):
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.load(handle, Loader=SAFE_LOADER)  # noqa: S506 (a safe loader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise ContentError(path, None, f"cannot be read as YAML ({error})") from error


class Record:
    """One mapping from a content file, with typed accessors that report where a value is wrong."""

    def __init__(self, data, path, prefix="", key=""):
        if not isinstance(data, dict):
            raise ContentError(path, prefix or None, "expected a mapping of fields")
        # `key` names an entry of a list file; a file of its own is named by its path.
        self.data, self.path, self.prefix, self.key = data, path, prefix, key

    def _name(self, field):
        return f"{self.prefix}{field}"

    def _error(self, field, problem):
        return ContentError(self.path, self._name(field), problem)

    def get(self, field, required=True):
        value = self.data.get(field)
        if required and value in (None, "", [], {}):
            raise self._error(field, "is required")
        return value

    def text(self, field, required=True):
        value = self.get(field, required)
        if value is None:
            return ""
        if not isinstance(value, str | int):
            raise self._error(field, "must be text")
        return str(value).strip()

    def url(self, field, required=True):
        """An absolute http(s) address, checked as Django's URLField checks it."""
        from django.core.exceptions import ValidationError
        from django.core.validators import URLValidator

        value = self.text(field, required)
        if value:
            try:
                URLValidator(schemes=["http", "https"])(value)
            except ValidationError as error:
                raise self._error(field, "must be an http or https address") from error
        return value

    def translated(self, field, required=True):
        """{"en": ..., "es": ...} -> {"field_en": ..., "field_es": ...}; both languages required."""
        value = self.get(field, required)
        if value is None:
            return {f"{field}_{lang}": "" for lang in LANGUAGES}
        if not isinstance(value, dict):
            raise self._error(field, "must give the text in each language (en, es)")
        result = {}
        for lang in LANGUAGES:
            text = value.get(lang)
            if not isinstance(text, str) or not text.strip():
                raise self._error(f"{field}.{lang}", "is required and must be text")
            result[f"{field}_{lang}"] = text.strip()
        return result

    def slugs(self):
        slugs = self.translated("slug")
        for key, slug in slugs.items():
            if not SLUG.match(slug):
                raise self._error(
                    key.replace("_", "."),
                    f"'{slug}' is not a slug (lowercase letters, digits, hyphens)",
                )
        return slugs

    def choice(self, field, choices, required=True):
        value = self.text(field, required)
        if value and value not in choices:
            raise self._error(field, f"'{value}' is not one of: {', '.join(choices)}")
        return value

    def integer(self, field, required=True):
        value = self.get(field, required)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise self._error(field, "must be a whole number")
        return value

    def partial_date(self, field, required=True):
        """'2015', '2015-05' or '2015-05-04' -> (date, precision)."""
        value = self.get(field, required)
        if value is None:
            return None, DAY
        if isinstance(value, datetime.date):
            return value, DAY
        match = PARTIAL_DATE.match(str(value))
        try:
            if not match:
                raise ValueError
            year, month, day = (int(part) if part else None for part in match.groups())
            date = datetime.date(year, month or 1, day or 1)
        except ValueError:
            raise self._error(field, f"'{value}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)") from None
        precision = DAY if day else MONTH if month else YEAR
        return date, precision

    def keys(self, field, known, what):
        """A list of keys that must each name something in `known`."""
        value = self.get(field, required=False) or []
        if not isinstance(value, list):
            raise self._error(field, "must be a list")
        for key in value:
            if key not in known:
                raise self._error(field, f"'{key}' is not a known {what}")
        return value

    def records(self, field, required=False):
        value = self.get(field, required) or []
        if not isinstance(value, list):
            raise self._error(field, "must be a list")
        return [Record(item, self.path, f"{self._name(field)}[{index}].") for index, item in enumerate(value)]


def list_file(path: Path):
    """A file holding a list of records, each with a unique `key`."""
    data = read_yaml(path)
    if not isinstance(data, list):
        raise ContentError(path, None, "expected a list of entries")
    records = {}
    for index, item in enumerate(data):
        key = Record(item, path, f"[{index}].").text("key")
        record = Record(item, path, f"[{index}].", key)
        if key in records:
            raise ContentError(path, f"[{index}].key", f"'{key}' appears twice")
        records[key] = record
    return records


def folder_files(folder: Path):
    """{key: Record} for every YAML file of a folder except its index."""
    if not folder.is_dir():
        raise ContentError(folder, None, "folder is missing")
    return {
        path.stem: Record(read_yaml(path), path)
        for path in sorted(folder.glob("*.yaml"))
        if path.stem != "index"
    }
