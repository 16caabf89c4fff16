from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContentLoaderConfig(AppConfig):
    name = "content_loader"
    verbose_name = _("Content loader")
