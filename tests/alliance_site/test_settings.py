"""Production settings refuse to start without their secrets and pass Django's deployment checks."""

import os
import subprocess
import sys

from django.conf import settings

# Everything production reads from its environment, set as a deployment would set it.
CONFIGURED = {
    "SECRET_KEY": "a-production-key-that-is-long-and-random-enough-0123456789-abcdefghij",
    "ALLOWED_HOSTS": "example.org",
    "EMAIL_HOST": "smtp.example.org",
    "DEFAULT_FROM_EMAIL": "web@example.org",
    "CONTACT_EMAIL": "secretariat@example.org",
    "WAGTAILADMIN_BASE_URL": "https://example.org",
    "REDIS_URL": "redis://127.0.0.1:6379/0",  # production's page cache needs a shared cache
}


def manage(*args, **env):
    environment = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "ALLOWED_HOSTS")}
    environment |= {"DJANGO_SETTINGS_MODULE": "alliance_site.settings.production", **env}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check", ALLOWED_HOSTS="example.org")
    assert result.returncode != 0
    assert "Set the SECRET_KEY environment variable." in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = manage("check", SECRET_KEY="k" * 60)
    assert result.returncode != 0
    assert "Set the ALLOWED_HOSTS environment variable." in result.stderr


def test_production_passes_the_deployment_checks():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **CONFIGURED)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_keeps_compiled_templates_in_memory():
    """Django's cached template loader (on whenever TEMPLATES names no loaders): each template is
    read and compiled once per process, not on every render."""
    code = (
        "from django.template import engines; engine = engines['django'].engine; "
        "print(engine.debug, [type(loader).__module__ for loader in engine.template_loaders], "
        "[type(loader).__module__ for loader in engine.template_loaders[0].loaders])"
    )
    result = manage("shell", "--no-imports", "-c", code, SECRET_KEY="k" * 60, ALLOWED_HOSTS="example.org")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == (
        "False ['django.template.loaders.cached'] "
        "['django.template.loaders.filesystem', 'django.template.loaders.app_directories']"
    )
