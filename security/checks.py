"""System checks for production (registered in apps.SecurityConfig.ready; wsgi.py refuses to
start on an error).

An SMTP backend aimed at the default host while password reset is on is an error: every manage.py
command that checks (migrate, check) stops, so a deployment without mail does not go live.
The other development defaults are deployment warnings (manage.py check --deploy).
"""

from django.conf import settings
from django.core import checks

SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
CONSOLE_BACKENDS = ("django.core.mail.backends.console.EmailBackend",)
DEFAULT_HOSTS = ("", "localhost")
DEFAULT_FROM_ADDRESS = "webmaster@localhost"
DEVELOPMENT_BASE_URLS = ("http://127.0.0.1:8000", "http://localhost:8000")


def _password_reset_enabled():
    from wagtail.admin.views.account import password_reset_enabled

    return password_reset_enabled()


@checks.register(checks.Tags.security)
def check_mail_can_be_sent(app_configs, **kwargs):
    if settings.EMAIL_BACKEND != SMTP_BACKEND or settings.EMAIL_HOST not in DEFAULT_HOSTS:
        return []
    if not _password_reset_enabled():
        return []
    return [
        checks.Error(
            "Mail is sent over SMTP but EMAIL_HOST is not set, while admin password reset is on.",
            hint="Set EMAIL_HOST (and EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, "
            "EMAIL_USE_TLS or EMAIL_USE_SSL).",
            id="security.E001",
        )
    ]


@checks.register(checks.Tags.security, deploy=True)
def check_production_defaults(app_configs, **kwargs):
    warnings = []
    if settings.EMAIL_BACKEND in CONSOLE_BACKENDS:
        warnings.append(
            checks.Warning(
                "Mail is printed to the console, not sent.",
                hint="Production settings send it over SMTP; do not override EMAIL_BACKEND.",
                id="security.W001",
            )
        )
    if settings.EMAIL_HOST in DEFAULT_HOSTS:
        warnings.append(
            checks.Warning(
                f"EMAIL_HOST is left at {settings.EMAIL_HOST!r}.",
                hint="Set EMAIL_HOST to the SMTP relay (127.0.0.1 for one on this machine).",
                id="security.W002",
            )
        )
    for name in ("DEFAULT_FROM_EMAIL", "SERVER_EMAIL"):
        if DEFAULT_FROM_ADDRESS in getattr(settings, name, ""):
            warnings.append(
                checks.Warning(
                    f"{name} is left at {DEFAULT_FROM_ADDRESS}.",
                    hint="Set DEFAULT_FROM_EMAIL (and SERVER_EMAIL) to the site's own address.",
                    id="security.W003",
                )
            )
    base_url = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
    if not base_url or base_url in DEVELOPMENT_BASE_URLS:
        warnings.append(
            checks.Warning(
                f"WAGTAILADMIN_BASE_URL is left at {base_url or 'nothing'!r}: links in mails would not work.",
                hint="Set WAGTAILADMIN_BASE_URL to the admin's public address, e.g. https://example.org.",
                id="security.W004",
            )
        )
    return warnings
