from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CachingConfig(AppConfig):
    name = "caching"
    verbose_name = _("Caching")

    def ready(self):
        from . import checks, dependencies, sources  # noqa: F401  (the system check)

        dependencies.connect()  # recording what responses show
        sources.connect()  # the change feed's one set of receivers
