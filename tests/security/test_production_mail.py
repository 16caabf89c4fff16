"""Production sends mail over SMTP only, refuses to run without a mail host, warns on defaults."""

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import override_settings

from tests.alliance_site.test_observability import run_site
from tests.alliance_site.test_settings import CONFIGURED, manage

SMTP = "django.core.mail.backends.smtp.EmailBackend"


def check_messages(*args):
    with pytest.raises(SystemCheckError) as failure:
        call_command("check", *args)
    return str(failure.value)


def test_production_refuses_to_run_without_a_mail_host():
    result = manage("migrate", "--check", **(CONFIGURED | {"EMAIL_HOST": ""}))
    assert result.returncode != 0
    assert "security.E001" in result.stderr
    assert "EMAIL_HOST is not set" in result.stderr


# With all of CONFIGURED set, production passes its deployment checks (test_settings.py).


@pytest.mark.parametrize(
    "unset, warning",
    [
        ("DEFAULT_FROM_EMAIL", "security.W003"),
        ("WAGTAILADMIN_BASE_URL", "security.W004"),
    ],
)
def test_production_warns_about_each_development_default(unset, warning):
    result = manage("check", "--deploy", "--fail-level", "WARNING", **(CONFIGURED | {unset: ""}))
    assert result.returncode != 0
    assert warning in result.stderr


def test_deployment_checks_warn_about_every_development_default():
    # The development defaults: console mail, localhost, webmaster@localhost, 127.0.0.1:8000.
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.console.EmailBackend"):
        messages = check_messages("--deploy", "--fail-level", "WARNING")
    for warning in ("W001", "W002", "W003", "W004"):
        assert f"security.{warning}" in messages


def test_no_error_when_password_reset_is_off_or_mail_is_not_smtp():
    with override_settings(EMAIL_BACKEND=SMTP, EMAIL_HOST="localhost"):
        assert "security.E001" in check_messages()
        with override_settings(WAGTAIL_PASSWORD_RESET_ENABLED=False):
            call_command("check")
    call_command("check")  # development and tests print mail to the console


SEND_A_MAIL = """
from django.conf import settings
from django.core.mail import send_mail
print(settings.EMAIL_BACKEND)
try:
    send_mail("Password reset", "https://example.org/admin/password_reset/secret-token/", None, ["a@b.org"])
except OSError as error:
    print("not sent:", type(error).__name__)
"""


def test_production_never_prints_a_mail_even_when_told_to():
    result = run_site(
        SEND_A_MAIL, EMAIL_BACKEND="django.core.mail.backends.console.EmailBackend", EMAIL_PORT="9"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == SMTP
    assert "not sent:" in result.stdout  # it tried the SMTP server (nothing listens on port 9)
    assert "secret-token" not in result.stdout + result.stderr
