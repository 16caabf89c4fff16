"""Server errors are logged to stdout with their traceback and request id; mails; Sentry with a DSN."""

import io
import json
import logging.config
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client, override_settings

from alliance_site.settings.observability import logging_config, parse_admins

pytestmark = pytest.mark.django_db
RAISING_URLS = "tests.alliance_site.raising_urls"


@pytest.fixture
def log_output(request):
    """The site's logging configuration (in the format asked for), writing into a buffer."""
    buffer = io.StringIO()
    config = logging_config(request.param)
    config["handlers"]["stdout"]["stream"] = buffer
    logging.config.dictConfig(config)
    yield buffer
    logging.config.dictConfig(settings.LOGGING)


def failing_request(**headers):
    with override_settings(ROOT_URLCONF=RAISING_URLS):
        return Client(raise_request_exception=False).get("/fail/", **headers)


@pytest.mark.parametrize("log_output", ["text"], indirect=True)
def test_a_server_error_is_logged_with_its_traceback_and_request_id(log_output):
    response = failing_request()
    assert response.status_code == 500
    request_id = response["X-Request-ID"]
    assert len(request_id) == 32
    logged = log_output.getvalue()
    assert f"ERROR django.request request_id={request_id} Internal Server Error: /fail/" in logged
    assert "Traceback (most recent call last)" in logged
    assert "DeliberateFailure: the view failed on purpose" in logged


@pytest.mark.parametrize("log_output", ["json"], indirect=True)
def test_json_lines_carry_the_proxys_request_id_and_the_traceback(log_output):
    response = failing_request(HTTP_X_REQUEST_ID="proxy-id-1234")
    assert response.status_code == 500
    assert response["X-Request-ID"] == "proxy-id-1234"
    records = [json.loads(line) for line in log_output.getvalue().splitlines()]
    error = next(record for record in records if record["logger"] == "django.request")
    assert error["level"] == "ERROR"
    assert error["request_id"] == "proxy-id-1234"
    assert error["message"] == "Internal Server Error: /fail/"
    assert "DeliberateFailure: the view failed on purpose" in error["exc_info"]


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_page_answers_with_a_request_id(client, language):
    first, second = client.get(f"/{language}/"), client.get(f"/{language}/")
    assert first.status_code == second.status_code == 200
    assert first["X-Request-ID"] != second["X-Request-ID"]
    assert client.get(f"/{language}/", HTTP_X_REQUEST_ID="abc")["X-Request-ID"] == "abc"


def test_server_errors_are_mailed_to_the_admins():
    with override_settings(ADMINS=parse_admins("Ana Pérez <ana@example.org>, ops@example.org")):
        logging.config.dictConfig(settings.LOGGING)
        try:
            assert failing_request().status_code == 500
        finally:
            logging.config.dictConfig(settings.LOGGING)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["ana@example.org", "ops@example.org"]
    assert "DeliberateFailure" in mail.outbox[0].body


def test_admins_are_read_from_a_list_of_addresses():
    assert parse_admins("Ana Pérez <ana@example.org>, ops@example.org") == [
        ("Ana Pérez", "ana@example.org"),
        ("ops@example.org", "ops@example.org"),
    ]
    assert parse_admins("") == []


def run_site(code, **env):
    """Python `code` after django.setup() with the production settings and `env`."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("SENTRY_", "LOG_"))}
    environment |= {
        "DJANGO_SETTINGS_MODULE": "alliance_site.settings.production",
        "SECRET_KEY": "k" * 60,
        "ALLOWED_HOSTS": "testserver",
        "EMAIL_HOST": "127.0.0.1",
        **env,
    }
    setup = "import django, sys; django.setup()\n"
    return subprocess.run(
        [sys.executable, "-c", setup + code],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


FAIL_ONCE = f"""
from django.test import Client, override_settings
with override_settings(ROOT_URLCONF="{RAISING_URLS}"):
    response = Client(raise_request_exception=False).get("/fail/", secure=True)
print("status", response.status_code, response["X-Request-ID"], file=sys.stderr)
"""


def test_production_logs_json_lines_to_stdout():
    result = run_site(FAIL_ONCE, LOG_FORMAT="json")
    status, request_id = result.stderr.split()[-2:]
    assert status == "500", result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    error = next(record for record in records if record["logger"] == "django.request")
    assert error["request_id"] == request_id
    assert "DeliberateFailure" in error["exc_info"]


RECORD_SENTRY_EVENTS = (
    """
import sentry_sdk
from sentry_sdk.transport import Transport

class Recorder(Transport):
    envelopes = []
    def capture_envelope(self, envelope):
        self.envelopes.append(envelope)

client = sentry_sdk.get_client()
client.transport = Recorder(client.options)
"""
    + FAIL_ONCE
    + """
sentry_sdk.flush()
events = [item.payload.json for e in Recorder.envelopes for item in e.items if item.type == "event"]
options = client.options
print(json.dumps({"environment": options["environment"], "pii": options["send_default_pii"],
    "rate": options["traces_sample_rate"], "events": events}))
"""
)


def test_sentry_reports_server_errors_when_a_dsn_is_set():
    result = run_site(
        "import json\n" + RECORD_SENTRY_EVENTS,
        SENTRY_DSN="http://public@127.0.0.1:9/1",
        SENTRY_ENVIRONMENT="staging",
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.splitlines()[-1])
    assert (report["environment"], report["pii"], report["rate"]) == ("staging", False, 0.0)
    [event] = report["events"]
    assert event["exception"]["values"][-1]["type"] == "DeliberateFailure"
    assert "user" not in event or "ip_address" not in event["user"]


def test_without_a_dsn_sentry_is_neither_imported_nor_started():
    result = run_site("print('sentry_sdk' in sys.modules)")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "False"
