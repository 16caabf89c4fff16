from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class InterfaceStringsConfig(AppConfig):
    name = "interface_strings"
    verbose_name = _("Interface strings")

    def ready(self):
        from wagtail.signals import published, unpublished

        from caching.changes import content_changed

        from . import catalog, seeding

        post_migrate.connect(seeding.seed_after_migrate, sender=self, dispatch_uid="interface_strings_seed")
        for signal in (published, unpublished):
            signal.connect(catalog.note_published, dispatch_uid=f"interface_strings_published_{id(signal)}")
        content_changed.connect(catalog.bump_on_change, dispatch_uid="interface_strings_version")
