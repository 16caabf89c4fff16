from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContactConfig(AppConfig):
    name = "contact"
    verbose_name = _("Contact")

    def ready(self):
        from security.request_guard import FORM_PAGE_PATHS

        from . import checks  # noqa: F401  (the production check)
        from .models import contact_page_paths

        FORM_PAGE_PATHS.append(contact_page_paths)
