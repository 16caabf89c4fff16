from django.db.models.signals import post_save
from django.dispatch import receiver

from .translation_status import record_translations


@receiver(post_save, dispatch_uid="editorial_record_translations")
def remember_translations(sender, instance, raw=False, update_fields=None, **kwargs):
    # Partial saves (a page's draft revision bookkeeping, for instance) change no published text.
    if not raw and update_fields is None:
        record_translations(instance)
