from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SecurityConfig(AppConfig):
    name = "security"
    verbose_name = _("Security")

    def ready(self):
        # login_protection is not imported here: its receiver must come after django-axes' own, which
        # records the failure it counts (it is loaded with AUTHENTICATION_BACKENDS, once axes is ready).
        from . import checks  # noqa: F401  (the system checks)
