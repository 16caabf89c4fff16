"""The home page, the member countries and the plain content pages (content/home.yaml, pages/)."""

from babel import Locale
from wagtail.models import Page, Site

from content_loader.export import compact, section, translated
from content_loader.reader import LANGUAGES, Record, folder_files, list_file, read_yaml
from content_loader.spec import ContentSpec, review_date, summary
from content_loader.sync import PageSpec, pk_of, sync_object, sync_page

from .models import ContentPage, HomePage, MemberCountry

MEMBER_CODES = ("CL", "CO", "MX", "PE")
# Pages that are reached from the footer rather than the main menu.
FOOTER_PAGES = ("accessibility", "privacy", "legal-notice")


class HomePageContent(ContentSpec):
    provides = "home"
    order = 0

    def read(self):
        path = self.root / "home.yaml"
        self.record = Record(read_yaml(path), path)
        self.page_spec()

    def page_spec(self):
        h = self.record
        fields = {**h.translated("title"), **h.translated("intro"), **h.translated("body")}
        fields |= {"slug_en": "home", "slug_es": "inicio", "review_date": review_date(h)}
        return PageSpec(HomePage, fields, h)

    def write(self, written, report):
        # Wagtail's "Welcome" placeholder page from its first migration is not ours to keep.
        Page.objects.filter(
            depth=2, content_type__app_label="wagtailcore", content_type__model="page"
        ).delete()
        home, outcome = sync_page(Page.get_first_root_node(), self.page_spec())
        site = Site.objects.filter(is_default_site=True).first() or Site(
            hostname="localhost", is_default_site=True
        )
        if site.root_page_id != home.pk:
            site.root_page, site.site_name = home, "Pacific Alliance"
            site.save()
        summary(report, "Home page", [outcome])
        return home

    @classmethod
    def export(cls, files):
        home = HomePage.objects.get()
        codes = sorted(MemberCountry.objects.values_list("code", flat=True))
        files.yaml("home.yaml", translated(home, "title", "intro", "body") | {"member_countries": codes})


class MemberCountriesContent(ContentSpec):
    """The four members, named in each language from CLDR (the home page lists their codes)."""

    provides = "countries"
    requires = ("home",)
    order = 1

    def read(self):
        self.codes = self.specs["home"].record.keys("member_countries", MEMBER_CODES, "member country code")

    def write(self, written, report):
        countries, outcomes = {}, []
        for code in self.codes:
            names = {f"name_{lang}": Locale(lang).territories[code] for lang in LANGUAGES}
            countries[code], outcome = sync_object(
                MemberCountry, {"code": code}, names, self.specs["home"].record, code
            )
            outcomes.append(outcome)
        summary(report, "Member countries", outcomes)
        return countries

    @classmethod
    def export(cls, files):
        """Nothing of their own: home.yaml names them (HomePageContent.export)."""


class ContentPagesContent(ContentSpec):
    """About, legal documents, accessibility...: one YAML file each in content/pages/."""

    provides = "pages"
    requires = ("home", "documents")
    order = 8

    def read(self):
        self.records = folder_files(self.root / "pages")
        for record in self.records.values():
            self.page_spec(record, documents={})

    def page_spec(self, record, documents):
        keys = record.keys("documents", self.specs["documents"].records, "document")
        fields = {**record.slugs(), **record.translated("title"), **record.translated("intro", False)}
        return PageSpec(
            ContentPage,
            fields | record.translated("body") | {"review_date": review_date(record)},
            record,
            children={"documents": [{"document_id": pk_of(documents, k)} for k in keys]},
        )

    def write(self, written, report):
        outcomes = []
        for key, record in self.records.items():
            spec = self.page_spec(record, written["documents"])
            outcomes.append(sync_page(written["home"], spec, show_in_menus=key not in FOOTER_PAGES)[1])
        summary(report, "Content pages", outcomes)

    @classmethod
    def export(cls, files):
        for page in ContentPage.objects.live().prefetch_related("documents__document"):
            documents = [files.name(link.document, link.document.title_en) for link in page.documents.all()]
            data = section(page, "body") | {"documents": documents}
            files.yaml(f"pages/{files.name(page, page.slug_en)}.yaml", compact(data))


class SnippetsWithCountryContent(ContentSpec):
    """Snippets listed in one YAML file, each found again by `lookup_field`, some naming a member
    country by its code (`country`): coordinators, responsible entities."""

    file_name, model, lookup_field, label = "", None, "", ""
    requires = ("countries",)

    def read(self):
        self.records = list_file(self.root / self.file_name)
        for record in self.records.values():
            self.values(record)

    def values(self, record):
        """The snippet's fields from its record; `country` holds a member country's code or ""."""
        raise NotImplementedError

    def country(self, record):
        return record.choice("country", self.specs["countries"].codes, required=False)

    @classmethod
    def export(cls, files):
        entries = [
            compact(
                {"key": files.name(obj), **cls.exported(obj), "country": getattr(obj.country, "code", "")}
            )
            for obj in cls.model.objects.select_related("country").order_by("pk")
        ]
        files.yaml(cls.file_name, entries)

    @classmethod
    def exported(cls, obj):
        """The snippet's fields as its file writes them, but for its key and country."""
        raise NotImplementedError

    def write(self, written, report):
        objects, outcomes = {}, []
        for key, record in self.records.items():
            values = self.values(record)
            values["country"] = written["countries"].get(values["country"])
            lookup = {self.lookup_field: values.pop(self.lookup_field)}
            objects[key], outcome = sync_object(self.model, lookup, values, record)
            outcomes.append(outcome)
        summary(report, self.label, outcomes)
        return objects


CONTENT = [HomePageContent, MemberCountriesContent, ContentPagesContent]
