"""What the loader last wrote, so that a later load can tell its own values from people's changes."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class LoadedItem(models.Model):
    """One item of the content files (a page, a snippet, a document) and the object made from it."""

    key = models.CharField(_("content key"), max_length=255, unique=True)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=64)
    content_object = GenericForeignKey("content_type", "object_id")
    # Field name -> fingerprint of the value the loader last wrote there (fingerprint.py).
    fields = models.JSONField(_("fields written"), default=dict)

    class Meta:
        verbose_name = _("loaded content item")
        verbose_name_plural = _("loaded content items")
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return self.key
