"""The documents (content/documents.yaml), each with an English and a Spanish summary sheet."""

import hashlib

from django.core.files.base import ContentFile

from content_loader import ownership
from content_loader.export import compact, translated
from content_loader.reader import list_file
from content_loader.spec import ContentSpec, summary

from .models import LegalDocument
from .summary_sheet import summary_sheet


class DocumentsContent(ContentSpec):
    provides = "documents"
    order = 2

    def read(self):
        self.records = list_file(self.root / "documents.yaml")
        for record in self.records.values():
            self.values(record)

    def values(self, record):
        return {
            **record.translated("title"),
            **record.translated("description"),
            "kind": record.choice("kind", LegalDocument.Kind.values),
            "year": record.integer("year", required=False),
            "official_url": record.url("official_url", required=False),
        }

    def write(self, written, report):
        documents, outcomes = {}, []
        for key, record in self.records.items():
            values = self.values(record)
            versions = {}
            for lang in ("es", "en"):
                pdf = summary_sheet(
                    lang, values[f"title_{lang}"], values[f"description_{lang}"], values["year"]
                )
                versions[lang], outcome = write_document(record, lang, values, pdf, versions.get("es"))
                outcomes.append(outcome)
            documents[key] = versions["en"]
        summary(report, "Documents", outcomes)
        return documents

    @classmethod
    def export(cls, files):
        entries = []
        for document in LegalDocument.objects.filter(language="en").order_by("pk"):
            entry = {"key": files.name(document, document.title_en), **translated(document, "title")}
            entry |= {"kind": document.kind, "year": document.year, "official_url": document.official_url}
            # A document uploaded in the admin may have no description: its title says what it is.
            entry["description"] = translated(document, "description").get("description", entry["title"])
            entries.append(compact(entry))
        files.yaml("documents.yaml", entries)


def write_document(record, lang, values, pdf, spanish_version):
    """The document in `lang`, created or updated to hold `pdf`, keeping what people changed in the
    admin; returns (document, outcome)."""
    wanted = {
        "title_en": values["title_en"],
        "title_es": values["title_es"],
        "description_en": values["description_en"],
        "description_es": values["description_es"],
        "kind": values["kind"],
        "year": values["year"],
        "official_url": values["official_url"],
        "spanish_version_id": getattr(spanish_version, "pk", None),
        # The hash Wagtail keeps for every document (SHA-1 of the file) stands for the file.
        "file_hash": hashlib.sha1(pdf, usedforsecurity=False).hexdigest(),
    }
    load = ownership.current()
    key = load.key_of(record, lang)
    item = ownership.record_of(key)
    document = ownership.stored_object(item, LegalDocument)
    document = document or LegalDocument.objects.filter(title_en=values["title_en"], language=lang).first()
    if document is None:
        document = LegalDocument(language=lang)
        write, overwritten, outcome = wanted, set(), "created"
    else:
        now = {name: getattr(document, name) for name in wanted}
        write, overwritten = ownership.settle(load, record, key, document, item, now, wanted, getattr)
        outcome = "updated" if write else "unchanged"
    if not write:
        return document, outcome
    for name, value in write.items():
        setattr(document, name, value)
    document.title = document.title_en
    if "file_hash" in write:
        document.file = ContentFile(pdf, name=f"{record.key}-{lang}.pdf")
        document.file_size = len(pdf)
    document.save()
    if outcome == "created":
        ownership.remember(key, document, ownership.fingerprints(document, wanted), item)
        load.seen[key] = set(wanted)
    if overwritten:
        ownership.log_overwrite(document, None, key, overwritten)
    return document, outcome


CONTENT = [DocumentsContent]
