"""What an app declares to have its content loaded: one ContentSpec per kind of content.

Each app that has content lists its specs in `<app>/content_spec.py` as `CONTENT = [...]`; the
loader (loader.py) finds them, reads and checks every one, then writes them in one transaction.
"""

import datetime
import re

from .ownership import OUTCOMES, current
from .reader import PARTIAL_DATE
from .sync import PageSpec, sync_page

# A page is due for review a year after the newest date its content states.
REVIEW_AFTER = datetime.timedelta(days=365)
YEAR_IN_TEXT = re.compile(r"\b(19[5-9]\d|20\d\d)\b")


class ContentSpec:
    """One kind of content: reading its files (checked as they are read) and writing them.

    `provides` names what its `write` returns, for the specs that `require` it: at reading time
    they find its parsed records in `specs[name]`, at writing time its objects in `written[name]`.
    `order` places it among the others; pages are created in that order, and menus follow it.
    """

    provides = ""
    requires = ()
    order = 0

    def __init__(self, root, specs):
        self.root, self.specs = root, specs
        self.read()

    def read(self):
        """Read and check the files; raise ContentError before anything is written."""

    def write(self, written, report):
        """Create or update the database objects; return what `provides` names."""
        raise NotImplementedError

    @classmethod
    def export(cls, files):
        """Write the files of this kind of content from the site's current content (export.py)."""
        raise NotImplementedError


def summary(report, label, outcomes):
    """One line: how many objects were created, updated and left unchanged (some of their fields
    may have been kept because people changed them: the run's conflicts list those)."""
    counts = {name: outcomes.count(name) for name in OUTCOMES}
    current().outcomes.update(outcomes)
    report(f"{label}: " + ", ".join(f"{count} {name}" for name, count in counts.items()))


def stated_dates(value):
    """Every date a content value states: its date fields, and the years its texts name (as the
    year's last day)."""
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list):
        for item in value:
            yield from stated_dates(item)
    elif isinstance(value, datetime.date):
        yield value
    elif isinstance(value, str):
        if match := PARTIAL_DATE.match(value):
            year, month, day = (int(part) if part else None for part in match.groups())
            yield datetime.date(year, month or 12, day or (1 if month else 31))
        else:
            yield from (datetime.date(int(year), 12, 31) for year in YEAR_IN_TEXT.findall(value))


def review_date(record):
    """When an editor should check the page again: a year after the newest date its record states,
    or None for a page that states none (the search page, say)."""
    dates = list(stated_dates(record.data))
    return max(dates) + REVIEW_AFTER if dates else None


def section_page_spec(record, model):
    """A section page under the home page: slugs, title and introduction in each language."""
    fields = {**record.slugs(), **record.translated("title"), **record.translated("intro")}
    return PageSpec(model, fields | {"review_date": review_date(record)}, record)


class SectionPageContent(ContentSpec):
    """A one-of-a-kind section page read from one YAML file (search, document library, ...)."""

    file_name = ""
    model = None
    in_menu = False
    requires = ("home",)

    def read(self):
        from .reader import Record, read_yaml

        path = self.root / self.file_name
        self.record = Record(read_yaml(path), path)
        self.page_spec()

    def page_spec(self):
        """The page's fields from its record; a page with more fields than a section's adds them."""
        return section_page_spec(self.record, self.model)

    @classmethod
    def export(cls, files):
        files.yaml(cls.file_name, cls.exported(cls.model.objects.get()))

    @classmethod
    def exported(cls, page):
        """The file's fields; a page with more fields than a section's adds them."""
        from .export import section

        return section(page)

    def write(self, written, report):
        page, outcome = sync_page(written["home"], self.page_spec(), show_in_menus=self.in_menu)
        summary(report, self.model._meta.verbose_name.capitalize(), [outcome])
        return page
