"""The observer states page (content/observers.yaml) and the observer states (observer_states.csv)."""

import csv

from content_loader.errors import ContentError
from content_loader.export import section, translated
from content_loader.reader import LANGUAGES, Record, read_yaml
from content_loader.spec import ContentSpec, review_date, summary
from content_loader.sync import PageSpec, remove_unless_changed, sync_object, sync_page

from .models import Continent, ObserverState, ObserverStatesPage

FIRST_ADMISSION_YEAR = 2011  # the Alliance was founded that year


class ObserverStatesContent(ContentSpec):
    provides = "observers"
    requires = ("home",)
    order = 7

    def read(self):
        path = self.root / "observers.yaml"
        self.record = Record(read_yaml(path), path)
        self.page_spec()
        self.rows = read_observer_rows(self.root / "observer_states.csv")

    def page_spec(self):
        r = self.record
        fields = {
            **r.slugs(),
            **r.translated("title"),
            **r.translated("intro"),
            **r.translated("history", False),
        }
        pillars = [{**p.translated("name"), **p.translated("description")} for p in r.records("pillars")]
        areas = [{**a.translated("name"), **a.translated("description")} for a in r.records("thematic_areas")]
        fields["review_date"] = review_date(r)
        return PageSpec(ObserverStatesPage, fields, r, children={"pillars": pillars, "thematic_areas": areas})

    def write(self, written, report):
        _page, outcome = sync_page(written["home"], self.page_spec(), True)
        summary(report, "Observer states page", [outcome])
        source = self.root / "observer_states.csv"
        outcomes = [
            sync_object(ObserverState, {"iso_code": code}, values, Record({}, source, key=code))[1]
            for code, values in self.rows.items()
        ]
        # A state taken out of the file goes, unless a person changed it (or added it in the admin).
        removed = [
            state
            for state in ObserverState.objects.exclude(iso_code__in=self.rows)
            if remove_unless_changed(state, Record({}, source, key=state.iso_code))
        ]
        summary(report, "Observer states", outcomes + ["updated"] * len(removed))

    @classmethod
    def export(cls, files):
        page = ObserverStatesPage.objects.get()
        data = section(page, "history")
        data["pillars"] = [translated(p, "name", "description") for p in page.pillars.all()]
        data["thematic_areas"] = [translated(a, "name", "description") for a in page.thematic_areas.all()]
        files.yaml("observers.yaml", data)
        rows = [
            (
                s.iso_code,
                s.name_en,
                s.name_es,
                s.continent,
                s.year_admitted or "",
                "; ".join(s.sources.splitlines()),
            )
            for s in ObserverState.objects.order_by("name_en")
        ]
        files.csv("observer_states.csv", CSV_HEADER, rows)


CSV_HEADER = ("iso_alpha2", "name_en", "name_es", "continent", "year_admitted", "source")


def read_observer_rows(path):
    """{ISO code: field values} of every row of the CSV file, each checked."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise ContentError(path, None, f"cannot be read as CSV ({error})") from error
    observers = {}
    for number, row in enumerate(rows, start=2):
        code = (row.get("iso_alpha2") or "").strip().upper()
        if len(code) != 2 or not code.isalpha() or code in observers:
            raise ContentError(path, f"line {number} iso_alpha2", f"'{code}' is missing, invalid or repeated")
        observers[code] = observer_values(path, number, row)
    return observers


def observer_values(path, number, row):
    where = f"line {number}"
    names = {f"name_{lang}": (row.get(f"name_{lang}") or "").strip() for lang in LANGUAGES}
    if not all(names.values()):
        raise ContentError(path, f"{where} name_en/name_es", "both names are required")
    continent = (row.get("continent") or "").strip()
    if continent not in Continent.values:
        raise ContentError(path, f"{where} continent", f"'{continent}' is not one of {Continent.values}")
    year = (row.get("year_admitted") or "").strip()
    if year and not (year.isdigit() and FIRST_ADMISSION_YEAR <= int(year) <= 2100):
        raise ContentError(path, f"{where} year_admitted", f"'{year}' is not a year")
    sources = "\n".join(s.strip() for s in (row.get("source") or "").split(";") if s.strip())
    return {**names, "continent": continent, "year_admitted": int(year) if year else None, "sources": sources}


CONTENT = [ObserverStatesContent]
