"""Purges that a cache did not confirm, kept until it does (purge.py retries them)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PendingPurge(models.Model):
    location = models.CharField(_("cache"), max_length=200)
    tokens = models.TextField(_("keys"), blank=True, help_text=_("Hashed keys, separated by spaces."))
    everything = models.BooleanField(_("everything"), default=False)
    created_at = models.DateTimeField(_("first tried"), auto_now_add=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=1)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("pending purge")
        verbose_name_plural = _("pending purges")

    def __str__(self):
        what = (
            _("everything") if self.everything else _("%(count)s keys") % {"count": len(self.tokens.split())}
        )
        return f"{self.location}: {what}"
