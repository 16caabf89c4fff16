"""The document upload form (loaded by Wagtail from settings, once the models are ready)."""

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm


class LegalDocumentForm(BaseDocumentForm):
    """Documents: only the formats the site publishes (settings), up to a size limit."""

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        limit = settings.MAX_DOCUMENT_SIZE
        if uploaded and getattr(uploaded, "size", 0) > limit:
            raise forms.ValidationError(
                _("This file is %(size)s; documents can be at most %(limit)s."),
                code="file_too_large",
                params={"size": filesizeformat(uploaded.size), "limit": filesizeformat(limit)},
            )
        return uploaded
