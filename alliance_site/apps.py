from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AllianceSiteConfig(AppConfig):
    name = "alliance_site"
    verbose_name = _("Pacific Alliance site")

    def ready(self):
        from . import checks  # noqa: F401  (registers the system checks)
