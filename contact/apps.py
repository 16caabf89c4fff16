from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContactConfig(AppConfig):
    name = "contact"
    verbose_name = _("Contact")

    def ready(self):
        from security.request_guard import PUBLIC_FORMS

        from . import checks  # noqa: F401  (the production check)

        PUBLIC_FORMS.add("contact")
