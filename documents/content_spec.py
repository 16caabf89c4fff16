"""The documents (content/documents.yaml), each with an English and a Spanish summary sheet."""

import hashlib

from django.core.files.base import ContentFile

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
                versions[lang], outcome = write_document(key, lang, values, pdf, versions.get("es"))
                outcomes.append(outcome)
            documents[key] = versions["en"]
        summary(report, "Documents", outcomes)
        return documents


def write_document(key, lang, values, pdf, spanish_version):
    """The document in `lang`, created or updated to hold `pdf`; returns (document, outcome)."""
    fields = {
        "title_en": values["title_en"],
        "title_es": values["title_es"],
        "kind": values["kind"],
        "year": values["year"],
        "official_url": values["official_url"],
        "spanish_version": spanish_version,
    }
    # The hash Wagtail keeps for every document (SHA-1 of the file).
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
        document.file_size, document.file_hash = len(pdf), digest
    document.save()
    return document, outcome


CONTENT = [DocumentsContent]
