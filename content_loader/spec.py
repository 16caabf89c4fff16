"""What an app declares to have its content loaded: one ContentSpec per kind of content.

Each app that has content lists its specs in `<app>/content_spec.py` as `CONTENT = [...]`; the
loader (loader.py) finds them, reads and checks every one, then writes them in one transaction.
"""

from .sync import PageSpec, sync_page


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


def summary(report, label, outcomes):
    """One line: how many objects were created, updated and left unchanged."""
    counts = {name: outcomes.count(name) for name in ("created", "updated", "unchanged")}
    report(f"{label}: " + ", ".join(f"{count} {name}" for name, count in counts.items()))


def section_page_spec(record, model):
    """A section page under the home page: slugs, title and introduction in each language."""
    return PageSpec(model, {**record.slugs(), **record.translated("title"), **record.translated("intro")})


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

    def write(self, written, report):
        page, outcome = sync_page(written["home"], self.page_spec(), show_in_menus=self.in_menu)
        summary(report, self.model._meta.verbose_name.capitalize(), [outcome])
        return page
