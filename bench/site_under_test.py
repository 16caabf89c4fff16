"""What the benchmarks share: a scratch copy of the site served by gunicorn, and wrk's figures."""

import http.client
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST, PG_PORT, REDIS_PORT = "127.0.0.1", 5432, 6379


def log(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def run(command, **kwargs):
    return subprocess.run(command, check=True, capture_output=True, text=True, **kwargs)


def postgres_up():
    return subprocess.run(["pg_isready", "-q", "-h", HOST, "-p", str(PG_PORT)], check=False).returncode == 0


def psql(sql, database="postgres"):
    run(["psql", "-q", "-h", HOST, "-p", str(PG_PORT), "-U", "postgres", "-d", database, "-c", sql])


def free_port():
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


class Site:
    """A scratch database and a gunicorn serving it with the production settings."""

    def __init__(self, port, workers):
        self.port = port
        self.database = f"alliance_bench_{os.getpid()}"
        self.tmp = Path(tempfile.mkdtemp(prefix="alliance-bench-"))
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "alliance_site.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "false",
            "DATABASE_URL": f"postgres://postgres@{HOST}:{PG_PORT}/{self.database}",
            "REDIS_URL": f"redis://{HOST}:{REDIS_PORT}/15",
            "MEDIA_ROOT": str(self.tmp / "media"),
            "STATIC_ROOT": str(self.tmp / "static"),
            "CONN_MAX_AGE": "60",
            "EMAIL_HOST": HOST,  # production refuses to start without somewhere to send mail
            "DEFAULT_FROM_EMAIL": "bench@alliance.example",
        }
        self.workers = workers
        self.server = None
        self.server_log = self.tmp / "gunicorn.log"

    def manage(self, *args):
        return run([sys.executable, "manage.py", *args], cwd=ROOT, env=self.env).stdout

    def build(self):
        psql(f'CREATE DATABASE "{self.database}"')
        for command in (
            ["migrate", "--noinput", "-v", "0"],
            ["compile_translations"],
            ["load_alliance_content"],
            ["collectstatic", "--noinput", "-v", "0"],
        ):
            self.manage(*command)
        return json.loads(self.manage("shell", "--no-imports", "-c", URLS_SCRIPT).strip().splitlines()[-1])

    def start(self):
        """gunicorn as production runs it (gunicorn.conf.py: threaded workers, the WSGI application)."""
        gunicorn = Path(sys.executable).with_name("gunicorn")
        self.server = subprocess.Popen(
            [
                str(gunicorn),
                "alliance_site.wsgi",
                "--config",
                "gunicorn.conf.py",
                "--bind",
                f"{HOST}:{self.port}",
                "--workers",
                str(self.workers),
            ],
            cwd=ROOT,
            env=self.env,
            stdout=self.server_log.open("w"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        for _ in range(120):
            if self.server.poll() is not None:
                raise RuntimeError(f"gunicorn exited; see {self.server_log}")
            try:
                if get(self.port, "/health/")[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.5)
        raise RuntimeError(f"gunicorn did not start; see {self.server_log}")

    def stop(self):
        if self.server and self.server.poll() is None:
            os.killpg(self.server.pid, signal.SIGTERM)
            try:
                self.server.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(self.server.pid, signal.SIGKILL)

    def clean(self):
        self.stop()
        if postgres_up():
            try:
                psql(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')
            except subprocess.CalledProcessError as error:
                log(f"could not drop {self.database}: {error.stderr}")
        shutil.rmtree(self.tmp, ignore_errors=True)


URLS_SCRIPT = """
import json
from django.utils import translation
from wagtail.models import Page
urls = []
for page in Page.objects.live().exclude(depth=1):
    for language in ("en", "es"):
        with translation.override(language):
            urls.append(page.get_url())
print(json.dumps(urls))
"""


def get(port, path, timeout=10):
    connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        connection.request("GET", path, headers={"Accept-Language": "es"})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def parse_wrk(output):
    def number(pattern, default=0):
        match = re.search(pattern, output, re.MULTILINE)
        return match.group(1) if match else default

    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    return {
        "requests": int(number(r"(\d+) requests in")),
        "requests_per_second": float(number(r"Requests/sec:\s+([\d.]+)")),
        "non_2xx_3xx": int(number(r"Non-2xx or 3xx responses: (\d+)")),
        "socket_errors": sum(int(n) for n in socket.groups()) if socket else 0,
        "latency_p50": number(r"^\s+50%\s+(\S+)", "?"),
        "latency_p90": number(r"^\s+90%\s+(\S+)", "?"),
        "latency_p99": number(r"^\s+99%\s+(\S+)", "?"),
    }
