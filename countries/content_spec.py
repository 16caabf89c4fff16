"""The member countries index (content/countries.yaml) and one page per member, named from CLDR.

A country page holds no text of its own: its title is the country's name in each language, its
introduction the same sentence for every country, and everything else is computed from the data.
"""

from django.utils.text import slugify

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

    def country_spec(self, country):
        fields = {"country_id": country.pk, "title_en": country.name_en, "title_es": country.name_es}
        fields |= {"slug_en": slugify(country.name_en), "slug_es": slugify(country.name_es)}
        for lang in ("en", "es"):
            name = fields[f"title_{lang}"]
            fields[f"intro_{lang}"] = self.country_intro[f"country_intro_{lang}"].replace("{country}", name)
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
        # Every country page says the same sentence with its own name: the first one gives it.
        first = MemberCountryPage.objects.live().select_related("country").first()
        if first is not None:
            data["country_intro"] = {
                lang: getattr(first, f"intro_{lang}").replace(getattr(first, f"title_{lang}"), "{country}")
                for lang in ("en", "es")
            }
        files.yaml("countries.yaml", data)


CONTENT = [CountryPagesContent]
