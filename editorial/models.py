"""What the translators have done: the state of each translatable field's Spanish text."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class FieldTranslation(models.Model):
    """Fingerprints of one field's English and Spanish text when the Spanish was last written.

    When the English changes later and the Spanish does not, the translation is out of date.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=64)
    field = models.CharField(max_length=100)
    english_digest = models.CharField(max_length=64)
    spanish_digest = models.CharField(max_length=64)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id", "field"], name="one_state_per_field")
        ]
        permissions = [("view_translation_status", _("Can see the translation status report"))]
        verbose_name = _("field translation")
        verbose_name_plural = _("field translations")

    def __str__(self):
        return f"{self.content_type.model} {self.object_id} {self.field}"
