"""The Spanish of the interface strings (gettext messages), as translators write it in the admin.

Seeded from `locale/es/LC_MESSAGES/django.po`; from then on the database is the truth for the
Spanish: a translator's draft goes through the review workflow, and the published value overlays
the .po's (catalog.py), so a later `make messages` can never discard it.
"""

import hashlib

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, WorkflowMixin


def string_key(context, msgid):
    # gettext's own separator between context and message: one key per catalog entry.
    return hashlib.sha256(f"{context}\x04{msgid}".encode()).hexdigest()[:32]


class InterfaceString(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, models.Model):
    key = models.CharField(max_length=32, unique=True, editable=False)
    context = models.CharField(_("context"), max_length=200, blank=True)
    source = models.TextField(_("English"))
    source_plural = models.TextField(_("English plural"), blank=True)
    spanish = models.TextField(_("Spanish"), blank=True)
    spanish_plural = models.TextField(_("Spanish plural"), blank=True)
    # Where the string was seen last: gone from the code, it stays (its Spanish too) but is flagged.
    in_code = models.BooleanField(_("used in the code"), default=True)

    class Meta:
        ordering = ["source", "context"]
        verbose_name = _("interface string")
        verbose_name_plural = _("interface strings")

    def __str__(self):
        return self.source[:80]

    def save(self, *args, **kwargs):
        self.key = string_key(self.context, self.source)
        super().save(*args, **kwargs)

    # The names the agency files read and write (translation_exchange.units).
    @property
    def text_en(self):
        return self.source

    @property
    def text_es(self):
        return self.spanish

    @text_es.setter
    def text_es(self, value):
        self.spanish = value

    @property
    def plural_en(self):
        return self.source_plural

    @property
    def plural_es(self):
        return self.spanish_plural

    @plural_es.setter
    def plural_es(self, value):
        self.spanish_plural = value
