"""What the translators have done: the state of each translatable field's Spanish text."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class FieldTranslation(models.Model):
    """Fingerprints of one field's English and Spanish text when the Spanish was last written.

    When the English changes later and the Spanish does not, the translation is out of date; the
    English of that moment is kept so that translators see, word by word, what changed since.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=64)
    field = models.CharField(max_length=100)
    english_digest = models.CharField(max_length=64)
    spanish_digest = models.CharField(max_length=64)
    updated_at = models.DateTimeField(auto_now=True)
    # The English text (as the field stores it) when the Spanish was written; null: not kept (rows
    # from before it was), which differs from an empty English.
    english_text = models.TextField(null=True, blank=True)  # noqa: DJ001
    # The English as last seen, to tell a new change of it from a save that left it alone.
    latest_english_digest = models.CharField(max_length=64, blank=True)
    # Since when the Spanish has waited for a change of the English, and who changed it last.
    waiting_since = models.DateTimeField(null=True, blank=True, db_index=True)
    english_changed_at = models.DateTimeField(null=True, blank=True)
    english_changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id", "field"], name="one_state_per_field")
        ]
        permissions = [("view_translation_status", _("Can see the translation status report"))]
        verbose_name = _("field translation")
        verbose_name_plural = _("field translations")

    def __str__(self):
        return f"{self.content_type.model} {self.object_id} {self.field}"
