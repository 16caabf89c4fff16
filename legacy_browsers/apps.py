from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LegacyBrowsersConfig(AppConfig):
    name = "legacy_browsers"
    verbose_name = _("Legacy browsers")
