"""The member countries index (content/countries.yaml) and one page per member, named from CLDR.

A country page holds no text of its own: its title is the country's name in each language, its
introduction the same sentence for every country (unless `country_intros` gives a country its own,
as the export does for a page whose introduction people rewrote), and everything else is computed
from the data.
"""

from collections import Counter

from django.utils.text import slugify

from content_loader.errors import ContentError
from content_loader.export import section
from content_loader.reader import Record, read_yaml
from content_loader.spec import ContentSpec, section_page_spec, summary
from content_loader.sync import PageSpec, sync_page

from .models import MemberCountriesIndexPage, MemberCountryPage


class CountryPagesContent(ContentSpec):
    provides = "country_pages"
    requires = ("home", "countries")
    order = 12

    def read(self):
        path = self.root / "countries.yaml"
        self.index = Record(read_yaml(path), path)
        section_page_spec(self.index, MemberCountriesIndexPage)
        self.country_intro = self.index.translated("country_intro")
        own = self.index.get("country_intros", required=False) or {}
        if not isinstance(own, dict):
            raise ContentError(path, "country_intros", "must map member country codes to texts")
        unknown = sorted(set(own) - set(self.specs["countries"].codes))
        if unknown:
            raise ContentError(path, f"country_intros.{unknown[0]}", "is not a member country's code")
        intros = Record(own, path, "country_intros.")
        self.own_intros = {code: intros.translated(code) for code in own}

    def country_spec(self, country):
        fields = {"country_id": country.pk, "title_en": country.name_en, "title_es": country.name_es}
        fields |= {"slug_en": slugify(country.name_en), "slug_es": slugify(country.name_es)}
        own = self.own_intros.get(country.code)
        for lang in ("en", "es"):
            name = fields[f"title_{lang}"]
            template = self.country_intro[f"country_intro_{lang}"].replace("{country}", name)
            fields[f"intro_{lang}"] = own[f"{country.code}_{lang}"] if own else template
        return PageSpec(MemberCountryPage, fields, self.index, item=country.code)

    def write(self, written, report):
        index, outcome = sync_page(written["home"], section_page_spec(self.index, MemberCountriesIndexPage))
        summary(report, "Member countries index", [outcome])
        pages, outcomes = {}, []
        for code, country in written["countries"].items():
            pages[code], outcome = sync_page(index, self.country_spec(country))
            outcomes.append(outcome)
        summary(report, "Member country pages", outcomes)
        return pages

    @classmethod
    def export(cls, files):
        data = section(MemberCountriesIndexPage.objects.get())
        pages = list(MemberCountryPage.objects.live().select_related("country").order_by("country__code"))
        # The sentence most pages say with their own name is the shared one; the others are their own.
        templates = {page: intro_template(page) for page in pages}
        if pages:
            shared = Counter(templates.values()).most_common(1)[0][0]
            data["country_intro"] = dict(zip(("en", "es"), shared, strict=True))
            own = {
                page.country.code: {lang: getattr(page, f"intro_{lang}") for lang in ("en", "es")}
                for page in pages
                if templates[page] != shared
            }
            if own:
                data["country_intros"] = own
        files.yaml("countries.yaml", data)


def intro_template(page):
    """The page's introduction with its country's name as {country}, in both languages."""
    intros = {lang: getattr(page, f"intro_{lang}") for lang in ("en", "es")}
    return tuple(text.replace(getattr(page, f"title_{lang}"), "{country}") for lang, text in intros.items())


CONTENT = [CountryPagesContent]
