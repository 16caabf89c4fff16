"""A production check: the contact form's messages must reach the secretariat, not a default."""

from django.conf import settings
from django.core import checks

DEFAULT_RECIPIENT = "secretariat@localhost"


@checks.register(checks.Tags.compatibility, deploy=True)
def check_contact_recipients(app_configs, **kwargs):
    if DEFAULT_RECIPIENT in settings.CONTACT_EMAILS:
        return [
            checks.Warning(
                f"CONTACT_EMAIL is left at {DEFAULT_RECIPIENT}: contact messages would be e-mailed nowhere.",
                hint="Set CONTACT_EMAIL to the secretariat's address (several separated by commas).",
                id="contact.W001",
            )
        ]
    return []
