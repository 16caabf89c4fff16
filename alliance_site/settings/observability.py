"""Logs, error mails and Sentry, configured from the environment (used by base.py).

Every log line goes to standard output (plain text, or JSON lines with LOG_FORMAT=json) with the
request's id (django-log-request-id); server errors are logged with their traceback and mailed to ADMINS.
"""

from email.utils import getaddresses

LOG_FORMATS = ("text", "json")


def logging_config(log_format="text", level="INFO"):
    """A LOGGING dict: one stdout handler for everything, ADMINS mailed on errors when not DEBUG."""
    if log_format not in LOG_FORMATS:
        raise ValueError(f"LOG_FORMAT must be one of {', '.join(LOG_FORMATS)}, not {log_format!r}.")
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {
            "request_id": {"()": "log_request_id.filters.RequestIDFilter"},
            "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
            "outage_answers": {"()": "security.outage.OutageAnswerFilter"},
        },
        "formatters": {
            "text": {"format": "%(asctime)s %(levelname)s %(name)s request_id=%(request_id)s %(message)s"},
            "json": {
                "()": "pythonjsonlogger.json.JsonFormatter",
                "format": "%(asctime)s %(levelname)s %(name)s %(request_id)s %(message)s",
                "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
            },
        },
        "handlers": {
            "stdout": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stdout",
                "filters": ["request_id"],
                "formatter": log_format,
            },
            "mail_admins": {
                "class": "django.utils.log.AdminEmailHandler",
                "level": "ERROR",
                "filters": ["require_debug_false"],
            },
        },
        "root": {"handlers": ["stdout"], "level": level},
        "loggers": {
            # Replaces Django's own "django" handlers (console only with DEBUG, mail_admins).
            "django": {"handlers": ["stdout", "mail_admins"], "level": level, "propagate": False},
            "django.request": {"filters": ["outage_answers"]},
        },
    }


def parse_admins(value):
    """ "Ana Pérez <ana@example.org>, ops@example.org" -> [("Ana Pérez", "ana@example.org"), ...]."""
    return [(name or address, address) for name, address in getaddresses([value or ""]) if address]


def init_sentry(environ):
    """Starts Sentry's Django integration when SENTRY_DSN is set; without it sentry_sdk is not imported."""
    dsn = environ.get("SENTRY_DSN", "")
    if not dsn:
        return False
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=dsn,
        integrations=[DjangoIntegration()],
        environment=environ.get("SENTRY_ENVIRONMENT") or "production",
        traces_sample_rate=float(environ.get("SENTRY_TRACES_SAMPLE_RATE") or 0),
        send_default_pii=False,  # no user names, addresses, cookies or request bodies
    )
    return True
