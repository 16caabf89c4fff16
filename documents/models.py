"""Documents: the Wagtail document model of the site, and the link rows that list them on pages."""

import secrets
from urllib.parse import urlsplit

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.documents.models import AbstractDocument, Document
from wagtail.models import Orderable

from .text import document_text


def document_upload_to(instance, filename):
    """documents/<random folder>/<file name>: an upload never takes a name another file already has,
    so the storage never renames it, and downloads keep the name the file was uploaded with."""
    return f"documents/{secrets.token_hex(4)}/{filename}"


class LegalDocument(AbstractDocument):
    """A Wagtail document with a title in both languages and, where one exists, a Spanish file."""

    class Kind(models.TextChoices):
        AGREEMENT = "agreement", _("Agreement")
        MEMORANDUM = "memorandum", _("Memorandum")
        RULES = "rules", _("Rules and guidelines")
        GUIDE = "guide", _("Guide")
        STUDY = "study", _("Study")

    file = models.FileField(_("file"), upload_to=document_upload_to, max_length=255)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices, default=Kind.AGREEMENT)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    language = models.CharField(
        _("language of the file"),
        max_length=2,
        choices=settings.LANGUAGES,
        default="en",
    )
    spanish_version = models.ForeignKey(
        "self",
        verbose_name=_("Spanish version"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The same document in Spanish, where the file above is in English."),
    )
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("What the document is, in a sentence or two."),
    )
    official_url = models.URLField(
        _("official text"),
        max_length=500,
        blank=True,
        help_text=_(
            "Where a government or the Alliance publishes the official text, its address. Only an "
            "address you have opened yourself: it is shown as the document's main link."
        ),
    )
    # The words inside the file, for the site search, and the hash of the file they were read from.
    text = models.TextField(_("text of the file"), blank=True, editable=False)
    text_hash = models.CharField(max_length=40, blank=True, editable=False)

    admin_form_fields = Document.admin_form_fields + (
        "kind",
        "year",
        "language",
        "spanish_version",
        "description",
        "official_url",
    )

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def save(self, *args, **kwargs):
        if kwargs.get("update_fields") is None:
            self.refresh_text()
        super().save(*args, **kwargs)

    def refresh_text(self):
        """Read the file's text again if the file changed since it was last read (never fails)."""
        if not self.file or (self.file_hash and self.file_hash == self.text_hash):
            return
        try:
            file_hash, text = document_text(self, settings.MAX_DOCUMENT_SIZE)
        except OSError:
            file_hash, text = "", ""  # the file cannot be read: it has no text
        if not file_hash or file_hash != self.text_hash:
            self.text, self.text_hash = text, file_hash

    @property
    def official_host(self):
        """The host that publishes the official text ("www.example.gob.pe"), named beside its link."""
        return urlsplit(self.official_url).hostname or ""

    def in_language(self, language=None):
        """The file to offer a reader of `language`: the Spanish version where there is one."""
        if (language or get_language()) == "es" and self.spanish_version_id:
            return self.spanish_version
        return self


class DocumentLink(Orderable):
    """A document listed on a page, in the editor's order."""

    document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        abstract = True

    @staticmethod
    def documents_of(links):
        return [link.document for link in links.select_related("document__spanish_version")]
