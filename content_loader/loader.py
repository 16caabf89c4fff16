"""Reads every content file, checks it, then builds or updates the page tree in one transaction."""

import csv
import hashlib
from pathlib import Path

from babel import Locale
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import translation
from wagtail.models import Page, Site

from base.models import ContentPage, HomePage, MemberCountry
from cooperation.choices import Status
from cooperation.models import (
    CooperationProjectIndexPage,
    CooperationProjectPage,
    ResponsibleEntity,
)
from discovery.models import DocumentLibraryPage, SearchPage
from documents.models import LegalDocument
from observers.models import Continent, ObserverState, ObserverStatesPage
from opendata.models import OpenDataPage
from workgroups.models import Coordinator, TechnicalGroupIndexPage, TechnicalGroupPage, WorkPlanItem

from .errors import ContentError
from .pdf import summary_sheet
from .reader import LANGUAGES, Record, folder_files, list_file, read_yaml
from .sync import PageSpec, sync_object, sync_page

MEMBER_CODES = ("CL", "CO", "MX", "PE")
# Pages that help visitors find things: (file, page type, in the main menu).
FINDING_PAGES = (
    ("search.yaml", SearchPage, False),
    ("document-library.yaml", DocumentLibraryPage, True),
    ("open-data.yaml", OpenDataPage, False),
)


def load_content(content_dir: Path, report=print):
    """Load `content_dir` into the database; raise ContentError before writing anything if it is malformed."""
    content = ContentFiles(Path(content_dir))
    with translation.override("en"), transaction.atomic():
        Writer(content, report).write()


class ContentFiles:
    """Every content file, read and checked against the others (keys, references, choices)."""

    def __init__(self, root: Path):
        self.root = root
        self.home = Record(read_yaml(root / "home.yaml"), root / "home.yaml")
        self.member_codes = self.home.keys("member_countries", MEMBER_CODES, "member country code")
        self.documents = list_file(root / "documents.yaml")
        self.coordinators = list_file(root / "coordinators.yaml")
        self.entities = list_file(root / "entities.yaml")
        self.pages = folder_files(root / "pages")
        self.group_index = Record(read_yaml(root / "workgroups/index.yaml"), root / "workgroups/index.yaml")
        self.groups = folder_files(root / "workgroups")
        self.project_index = Record(
            read_yaml(root / "cooperation/index.yaml"), root / "cooperation/index.yaml"
        )
        self.projects = folder_files(root / "cooperation")
        self.observers_page = Record(read_yaml(root / "observers.yaml"), root / "observers.yaml")
        self.observer_rows = self._observer_rows(root / "observer_states.csv")
        self.finding_pages = [
            (Record(read_yaml(root / name), root / name), model, in_menu)
            for name, model, in_menu in FINDING_PAGES
        ]
        self._check()

    def _check(self):
        """Parse every value once now, so a malformed file fails before the database is touched."""
        self.home_spec()
        for record in self.documents.values():
            self.document_values(record)
        for record in self.coordinators.values():
            self.coordinator_values(record)
        for record in self.entities.values():
            self.entity_values(record)
        for record in self.pages.values():
            self.content_page_spec(record, documents={})
        for record in self.groups.values():
            self.group_spec(record, coordinators={}, documents={}, groups={})
        for record in self.projects.values():
            self.project_spec(record, groups={}, entities={})
        self.observers_page_spec()
        for record, model, _in_menu in self.finding_pages:
            self.index_spec(record, model)

    # Specs: pure functions of the files; lookups map keys to database objects at write time.

    def home_spec(self):
        h = self.home
        return PageSpec(
            HomePage,
            {**h.translated("title"), **h.translated("intro"), **h.translated("body")},
        )

    def index_spec(self, record, model):
        return PageSpec(
            model,
            {
                **record.slugs(),
                **record.translated("title"),
                **record.translated("intro"),
            },
        )

    def document_values(self, record):
        return {
            **record.translated("title"),
            **record.translated("description"),
            "kind": record.choice("kind", LegalDocument.Kind.values),
            "year": record.integer("year", required=False),
        }

    def coordinator_values(self, record):
        return {
            "name": record.text("name"),
            **record.translated("role"),
            **record.translated("institution", required=False),
            "country": record.choice("country", MEMBER_CODES, required=False),
            "email": record.text("email", required=False),
        }

    def entity_values(self, record):
        return {
            **record.translated("name"),
            "acronym": record.text("acronym", required=False),
            "country": record.choice("country", MEMBER_CODES, required=False),
        }

    def content_page_spec(self, record, documents):
        keys = record.keys("documents", self.documents, "document")
        return PageSpec(
            ContentPage,
            {
                **record.slugs(),
                **record.translated("title"),
                **record.translated("intro", False),
            }
            | record.translated("body"),
            children={"documents": [{"document_id": getattr(documents.get(k), "pk", None)} for k in keys]},
        )

    def group_spec(self, record, coordinators, documents, groups):
        r = record
        fields = {
            **r.slugs(),
            **r.translated("title"),
            **r.translated("acronym", False),
            **r.translated("summary"),
        }
        fields |= (
            r.translated("introduction")
            | r.translated("objectives", False)
            | r.translated("achievements", False)
        )
        fields["contact_email"] = r.text("contact_email", required=False)
        facts = [{**f.translated("label"), **f.translated("value")} for f in r.records("facts")]
        work_plan = [
            {
                **item.translated("title"),
                **item.translated("description", False),
                "status": item.choice("status", WorkPlanItem.Status.values, required=False),
            }
            for item in r.records("work_plan")
        ]
        coordinator_keys = r.keys("coordinators", self.coordinators, "coordinator")
        document_keys = r.keys("documents", self.documents, "document")
        related_keys = r.keys("related", self.groups, "group")
        return PageSpec(
            TechnicalGroupPage,
            fields,
            children={
                "facts": facts,
                "work_plan": work_plan,
                "coordinators": [
                    {"coordinator_id": getattr(coordinators.get(k), "pk", None)} for k in coordinator_keys
                ],
                "documents": [{"document_id": getattr(documents.get(k), "pk", None)} for k in document_keys],
                "related_groups": [
                    {"related_group_id": getattr(groups.get(k), "pk", None)} for k in related_keys
                ],
            },
        )

    def project_spec(self, record, groups, entities):
        r = record
        start, start_precision = r.partial_date("start", required=False)
        end, end_precision = r.partial_date("planned_end", required=False)
        group_key = r.choice("group", list(self.groups))
        fields = {
            **r.slugs(),
            **r.translated("title"),
            **r.translated("summary"),
            **r.translated("objective"),
        }
        fields |= r.translated("body", False)
        fields |= {
            "status": r.choice("status", Status.values),
            "group_id": getattr(groups.get(group_key), "pk", None),
            "start_date": start,
            "start_precision": start_precision,
            "planned_end_date": end,
            "planned_end_precision": end_precision,
        }
        milestones = []
        for m in r.records("milestones"):
            date, precision = m.partial_date("date")
            milestones.append({"date": date, "precision": precision, **m.translated("text")})
        figures = [{"value": f.integer("value"), **f.translated("label")} for f in r.records("figures")]
        entity_keys = r.keys("entities", self.entities, "responsible entity")
        return PageSpec(
            CooperationProjectPage,
            fields,
            children={"milestones": milestones, "figures": figures},
            links={"entities": [entities[k] for k in entity_keys if k in entities]},
        )

    def observers_page_spec(self):
        r = self.observers_page
        fields = {
            **r.slugs(),
            **r.translated("title"),
            **r.translated("intro"),
            **r.translated("history", False),
        }
        pillars = [{**p.translated("name"), **p.translated("description")} for p in r.records("pillars")]
        areas = [{**a.translated("name"), **a.translated("description")} for a in r.records("thematic_areas")]
        return PageSpec(
            ObserverStatesPage,
            fields,
            children={"pillars": pillars, "thematic_areas": areas},
        )

    def _observer_rows(self, path):
        try:
            with path.open(encoding="utf-8", newline="") as handle:
                rows = list(csv.DictReader(handle))
        except (OSError, UnicodeDecodeError, csv.Error) as error:
            raise ContentError(path, None, f"cannot be read as CSV ({error})") from error
        observers = {}
        for number, row in enumerate(rows, start=2):
            where = f"line {number}"
            code = (row.get("iso_alpha2") or "").strip().upper()
            if len(code) != 2 or not code.isalpha() or code in observers:
                raise ContentError(
                    path,
                    f"{where} iso_alpha2",
                    f"'{code}' is missing, invalid or repeated",
                )
            names = {f"name_{lang}": (row.get(f"name_{lang}") or "").strip() for lang in LANGUAGES}
            if not all(names.values()):
                raise ContentError(path, f"{where} name_en/name_es", "both names are required")
            continent = (row.get("continent") or "").strip()
            if continent not in Continent.values:
                raise ContentError(
                    path,
                    f"{where} continent",
                    f"'{continent}' is not one of {Continent.values}",
                )
            year = (row.get("year_admitted") or "").strip()
            if year and not (year.isdigit() and 2011 <= int(year) <= 2100):
                raise ContentError(path, f"{where} year_admitted", f"'{year}' is not a year")
            sources = "\n".join(s.strip() for s in (row.get("source") or "").split(";") if s.strip())
            observers[code] = {
                **names,
                "continent": continent,
                "year_admitted": int(year) if year else None,
                "sources": sources,
            }
        return observers


class Writer:
    """Writes checked content to the database, reporting what it created, updated or left alone."""

    def __init__(self, content: ContentFiles, report):
        self.content, self.report = content, report

    def write(self):
        home = self.write_home()
        countries = self.write_countries()
        documents = self.write_documents()
        coordinators = self.write_snippets(
            "Coordinators",
            Coordinator,
            self.content.coordinators,
            self.content.coordinator_values,
            countries,
            "name",
        )
        entities = self.write_snippets(
            "Responsible entities",
            ResponsibleEntity,
            self.content.entities,
            self.content.entity_values,
            countries,
        )
        groups = self.write_groups(home, coordinators, documents)
        self.write_projects(home, groups, entities)
        self.write_observers(home)
        self.write_pages(home, documents)
        self.write_finding_pages(home)

    def _summary(self, label, outcomes):
        counts = {name: outcomes.count(name) for name in ("created", "updated", "unchanged")}
        self.report(f"{label}: " + ", ".join(f"{count} {name}" for name, count in counts.items()))

    def write_home(self):
        spec = self.content.home_spec()
        spec.fields |= {"slug_en": "home", "slug_es": "inicio"}
        # Wagtail's "Welcome" placeholder page from its first migration is not ours to keep.
        Page.objects.filter(
            depth=2, content_type__app_label="wagtailcore", content_type__model="page"
        ).delete()
        home, outcome = sync_page(Page.get_first_root_node(), spec)
        site = Site.objects.filter(is_default_site=True).first() or Site(
            hostname="localhost", is_default_site=True
        )
        if site.root_page_id != home.pk:
            site.root_page, site.site_name = home, "Pacific Alliance"
            site.save()
        self._summary("Home page", [outcome])
        return home

    def write_countries(self):
        countries, outcomes = {}, []
        for code in self.content.member_codes:
            names = {f"name_{lang}": Locale(lang).territories[code] for lang in LANGUAGES}
            countries[code], outcome = sync_object(MemberCountry, {"code": code}, names)
            outcomes.append(outcome)
        self._summary("Member countries", outcomes)
        return countries

    def write_documents(self):
        documents, outcomes = {}, []
        for key, record in self.content.documents.items():
            values = self.content.document_values(record)
            versions = {}
            for lang in ("es", "en"):
                pdf = summary_sheet(
                    lang,
                    values[f"title_{lang}"],
                    values[f"description_{lang}"],
                    values["year"],
                )
                versions[lang], outcome = self._write_document(key, lang, values, pdf, versions.get("es"))
                outcomes.append(outcome)
            documents[key] = versions["en"]
        self._summary("Documents", outcomes)
        return documents

    def _write_document(self, key, lang, values, pdf, spanish_version):
        fields = {
            "title_en": values["title_en"],
            "title_es": values["title_es"],
            "kind": values["kind"],
            "year": values["year"],
            "spanish_version": spanish_version,
        }
        digest = hashlib.sha1(pdf, usedforsecurity=False).hexdigest()
        document = LegalDocument.objects.filter(title_en=values["title_en"], language=lang).first()
        if (
            document
            and document.file_hash == digest
            and all(getattr(document, f) == v for f, v in fields.items())
        ):
            return document, "unchanged"
        outcome = "updated" if document else "created"
        document = document or LegalDocument(language=lang)
        for name, value in fields.items():
            setattr(document, name, value)
        document.title = values["title_en"]
        if document.file_hash != digest:
            document.file = ContentFile(pdf, name=f"{key}-{lang}.pdf")
            document._set_document_file_metadata()
        document.save()
        return document, outcome

    def write_snippets(self, label, model, records, values_of, countries, lookup_field="name_en"):
        objects, outcomes = {}, []
        for key, record in records.items():
            values = values_of(record)
            values["country"] = countries.get(values["country"]) if values["country"] else None
            lookup = {lookup_field: values.pop(lookup_field)}
            objects[key], outcome = sync_object(model, lookup, values)
            outcomes.append(outcome)
        self._summary(label, outcomes)
        return objects

    def write_groups(self, home, coordinators, documents):
        content = self.content
        index, outcome = sync_page(
            home, content.index_spec(content.group_index, TechnicalGroupIndexPage), True
        )
        self._summary("Technical groups index", [outcome])
        # Groups link to each other: make sure each exists before any is filled in.
        groups = {}
        for key, record in content.groups.items():
            spec = content.group_spec(record, coordinators, documents, groups={})
            groups[key] = TechnicalGroupPage.objects.child_of(index).filter(slug_en=spec.slug).first()
        pending = {key: page for key, page in groups.items() if page is None}
        for key in pending:
            spec = content.group_spec(content.groups[key], coordinators, documents, groups={})
            spec.children["related_groups"] = []
            groups[key], _ = sync_page(index, spec)
        outcomes = []
        for key, record in content.groups.items():
            groups[key], outcome = sync_page(
                index, content.group_spec(record, coordinators, documents, groups)
            )
            outcomes.append("created" if key in pending else outcome)
        self._summary("Technical groups", outcomes)
        return groups

    def write_projects(self, home, groups, entities):
        content = self.content
        index, outcome = sync_page(
            home,
            content.index_spec(content.project_index, CooperationProjectIndexPage),
            True,
        )
        self._summary("Cooperation projects index", [outcome])
        outcomes = [
            sync_page(index, content.project_spec(r, groups, entities))[1] for r in content.projects.values()
        ]
        self._summary("Cooperation projects", outcomes)

    def write_observers(self, home):
        _page, outcome = sync_page(home, self.content.observers_page_spec(), True)
        self._summary("Observer states page", [outcome])
        rows = self.content.observer_rows
        outcomes = [
            sync_object(ObserverState, {"iso_code": code}, values)[1] for code, values in rows.items()
        ]
        removed, _ = ObserverState.objects.exclude(iso_code__in=rows).delete()
        self._summary("Observer states", outcomes + ["updated"] * removed)

    def write_pages(self, home, documents):
        outcomes = []
        for key, record in self.content.pages.items():
            spec = self.content.content_page_spec(record, documents)
            outcomes.append(sync_page(home, spec, show_in_menus=key != "accessibility")[1])
        self._summary("Content pages", outcomes)

    def write_finding_pages(self, home):
        outcomes = [
            sync_page(home, self.content.index_spec(record, model), show_in_menus=in_menu)[1]
            for record, model, in_menu in self.content.finding_pages
        ]
        self._summary("Search, document library and open data pages", outcomes)
