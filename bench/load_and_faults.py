"""Load and fault test of the production set-up, on this machine only (127.0.0.1).

    .venv/bin/python bench/load_and_faults.py [--duration 60] [--connections 64]

Builds a scratch PostgreSQL database with the site's content, starts gunicorn with the
production settings (Redis as the cache) on 127.0.0.1, then:

1. load: wrk, --connections connections for --duration seconds, over a mix of every page in both
   languages, listings with filters, static files, "/" and /health/: no request may fail (socket
   errors, time-outs) and every response must be 2xx or 3xx;
2. database outage: under load, PostgreSQL is stopped for a few seconds and started again: every
   answer meanwhile must be a clean 503 page (no traceback), and the site must serve every page
   again within 5 seconds of the database accepting connections, without a restart;
3. cache outage: under load, Redis is stopped: pages must still be served, /health/ must say
   "degraded", and once Redis is back the cache must be used again.

PostgreSQL and Redis are always started again when the script ends, also on error or Ctrl-C.
It prints the figures and exits 1 if a criterion was missed. Needs wrk (apt-get install wrk),
pg_ctlcluster, psql, redis-server and redis-cli. Never run it in CI: it stops shared services.
"""

import argparse
import http.client
import json
import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST, PG_PORT, REDIS_PORT = "127.0.0.1", 5432, 6379


def _cluster_version():
    """The PostgreSQL cluster serving PG_PORT, as pg_lsclusters lists it (or $PG_VERSION)."""
    if os.environ.get("PG_VERSION"):
        return os.environ["PG_VERSION"]
    clusters = subprocess.run(["pg_lsclusters", "-h"], capture_output=True, text=True, check=False).stdout
    for line in clusters.splitlines():
        version, name, port, *_ = line.split()
        if name == "main" and port == str(PG_PORT):
            return version
    raise SystemExit(f"no PostgreSQL cluster 'main' on port {PG_PORT} (set PG_VERSION)")


PG_CTL = ["pg_ctlcluster", "--skip-systemctl-redirect", None, "main"]  # version filled in by main()
# How Redis is started again; $REDIS_SERVER_ARGS may add options (a data folder, a log file).
REDIS_START = [
    "redis-server",
    "--daemonize",
    "yes",
    "--bind",
    "127.0.0.1",
    "-::1",
    "--port",
    str(REDIS_PORT),
    "--save",
    "",
    "--appendonly",
    "no",
    *os.environ.get("REDIS_SERVER_ARGS", "").split(),
]
RECOVERY_LIMIT = 5.0


def log(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def run(command, **kwargs):
    return subprocess.run(command, check=True, capture_output=True, text=True, **kwargs)


def postgres_up():
    return subprocess.run(["pg_isready", "-q", "-h", HOST, "-p", str(PG_PORT)], check=False).returncode == 0


def redis_up():
    result = subprocess.run(
        ["redis-cli", "-h", HOST, "-p", str(REDIS_PORT), "ping"], capture_output=True, text=True
    )
    return result.stdout.strip() == "PONG"


def start_postgres():
    if not postgres_up():
        subprocess.run([*PG_CTL, "start"], check=False)
    for _ in range(60):
        if postgres_up():
            return
        time.sleep(0.5)
    raise RuntimeError("PostgreSQL did not start")


def start_redis():
    if not redis_up():
        subprocess.run(REDIS_START, check=False)
    for _ in range(40):
        if redis_up():
            return
        time.sleep(0.25)
    raise RuntimeError("Redis did not start")


def psql(sql, database="postgres"):
    run(["psql", "-q", "-h", HOST, "-p", str(PG_PORT), "-U", "postgres", "-d", database, "-c", sql])


class Site:
    """A scratch database and a gunicorn serving it with the production settings."""

    def __init__(self, port, workers, threads):
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
        }
        self.workers, self.threads = workers, threads
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
        gunicorn = Path(sys.executable).with_name("gunicorn")
        self.server = subprocess.Popen(
            [
                str(gunicorn),
                "alliance_site.wsgi",
                "--bind",
                f"{HOST}:{self.port}",
                "--workers",
                str(self.workers),
                "--threads",
                str(self.threads),
                "--worker-class",
                "gthread",
                "--timeout",
                "60",
                "--graceful-timeout",
                "5",
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


def url_mix(pages):
    listings = [
        u for u in pages if u.rstrip("/").endswith(("cooperation-projects", "proyectos-de-cooperacion"))
    ]
    extra = [f"{url}?status=in_progress&country=CL" for url in listings]
    extra += [f"{url}?status=not-a-status" for url in listings]
    extra += ["/health/", "/static/css/site.css", "/"]
    return pages + extra


def get(port, path, timeout=10):
    connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        connection.request("GET", path, headers={"Accept-Language": "es"})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


EXPECTED = {"/": 302}


def wrk_load(port, urls, connections, duration):
    script = Path(tempfile.mkstemp(suffix=".lua")[1])
    paths = ", ".join(json.dumps(url) for url in urls)
    script.write_text(
        f"""
local paths = {{{paths}}}
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1], {{["Accept-Language"] = "es"}})
end
"""
    )
    try:
        result = run(
            [
                "wrk",
                "--threads",
                "2",
                "--connections",
                str(connections),
                "--duration",
                f"{duration}s",
                "--timeout",
                "10s",
                "--latency",
                "--script",
                str(script),
                f"http://{HOST}:{port}",
            ]
        )
    finally:
        script.unlink()
    return result.stdout


def parse_wrk(output):
    def number(pattern, default=0):
        match = re.search(pattern, output)
        return match.group(1) if match else default

    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    return {
        "requests": int(number(r"(\d+) requests in")),
        "requests_per_second": float(number(r"Requests/sec:\s+([\d.]+)")),
        "non_2xx_3xx": int(number(r"Non-2xx or 3xx responses: (\d+)")),
        "socket_errors": sum(int(n) for n in socket.groups()) if socket else 0,
        "latency_p50": number(r"50%\s+(\S+)", "?"),
        "latency_p99": number(r"99%\s+(\S+)", "?"),
    }


class Load:
    """Threads that request the URL mix in a loop and record (time, path, status, body flags)."""

    def __init__(self, port, urls, threads=8):
        self.port, self.urls, self.threads = port, urls, threads
        self.results, self.lock, self.stopping = [], threading.Lock(), threading.Event()

    def worker(self, offset):
        index = offset
        while not self.stopping.is_set():
            path = self.urls[index % len(self.urls)]
            index += self.threads
            started = time.monotonic()
            try:
                status, body = get(self.port, path)
                traceback = b"Traceback" in body or b"OperationalError" in body
            except OSError as error:
                status, traceback = f"error: {error.__class__.__name__}", False
            with self.lock:
                self.results.append((started, time.monotonic(), path, status, traceback))

    def __enter__(self):
        self.pool = [
            threading.Thread(target=self.worker, args=(n,), daemon=True) for n in range(self.threads)
        ]
        for thread in self.pool:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.stopping.set()
        for thread in self.pool:
            thread.join(30)


def expected(path, status):
    return status == EXPECTED.get(path, 200)


def database_outage(site, urls, outage_seconds):
    with Load(site.port, urls) as load:
        time.sleep(5)
        stopped_at = time.monotonic()
        log("stopping PostgreSQL")
        run([*PG_CTL, "stop", "-m", "fast"])
        time.sleep(outage_seconds)
        health_down = get(site.port, "/health/")
        log("starting PostgreSQL")
        run([*PG_CTL, "start"])
        while not postgres_up():
            time.sleep(0.05)
        ready_at = time.monotonic()
        time.sleep(15)
    results = load.results
    during = [r for r in results if stopped_at + 0.5 <= r[0] and r[1] <= ready_at]
    after = [r for r in results if r[0] >= ready_at]
    bad_after = [r for r in after if not expected(r[2], r[3])]
    recovery = max((r[1] - ready_at for r in bad_after), default=0.0)
    first_ok = min((r[1] - ready_at for r in after if r[3] == 200), default=None)
    statuses = {}
    for result in during:
        statuses[str(result[3])] = statuses.get(str(result[3]), 0) + 1
    return {
        "requests": len(results),
        "outage_seconds": round(ready_at - stopped_at, 1),
        "during_outage": statuses,
        "tracebacks": sum(1 for r in results if r[4]),
        "unclean_during_outage": sum(1 for r in during if r[3] not in (503,) and not expected(r[2], r[3])),
        "health_during_outage": health_down[0],
        "first_page_after_db_ready_s": round(first_ok, 2) if first_ok is not None else None,
        "recovery_s": round(recovery, 2),
        "errors_after_recovery": sum(
            1 for r in after if r[1] - ready_at > RECOVERY_LIMIT and not expected(r[2], r[3])
        ),
    }


def latency(results):
    values = [r[1] - r[0] for r in results]
    return round(statistics.median(values) * 1000, 1) if values else None


def cache_outage(site, urls, seconds):
    with Load(site.port, urls) as load:
        time.sleep(5)
        before = [r for r in load.results]
        log("stopping Redis")
        subprocess.run(
            ["redis-cli", "-h", HOST, "-p", str(REDIS_PORT), "shutdown", "nosave"], capture_output=True
        )
        down_at = time.monotonic()
        time.sleep(seconds)
        health_down = json.loads(get(site.port, "/health/")[1])
        log("starting Redis")
        start_redis()
        up_at = time.monotonic()
        recovered_at = None
        while time.monotonic() - up_at < 30:
            if json.loads(get(site.port, "/health/")[1])["cache"] == "ok":
                recovered_at = time.monotonic()
                break
            time.sleep(0.1)
        time.sleep(5)
    results = load.results
    during = [r for r in results if down_at <= r[0] <= up_at]
    keys = run(["redis-cli", "-h", HOST, "-p", str(REDIS_PORT), "-n", "15", "dbsize"]).stdout.strip()
    return {
        "requests": len(results),
        "pages_while_down": len(during),
        "errors_while_down": sum(1 for r in during if not expected(r[2], r[3])),
        "errors_overall": sum(1 for r in results if not expected(r[2], r[3])),
        "median_ms_before": latency(before),
        "median_ms_while_down": latency(during),
        "health_while_down": health_down,
        "cache_back_after_s": round(recovered_at - up_at, 2) if recovered_at else None,
        "redis_keys_after": int(keys or 0),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=60)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--port", type=int, default=0, help="default: a free port")
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--outage", type=float, default=6.0, help="seconds PostgreSQL stays down")
    args = parser.parse_args()
    if not args.port:
        with socket.socket() as probe:  # a port nobody else listens on
            probe.bind((HOST, 0))
            args.port = probe.getsockname()[1]
    for tool in ("wrk", "pg_ctlcluster", "pg_lsclusters", "psql", "redis-server", "redis-cli"):
        if not shutil.which(tool):
            sys.exit(f"{tool} is needed (wrk: apt-get install wrk)")
    PG_CTL[2] = _cluster_version()
    # A kill (SIGTERM, SIGHUP) unwinds like Ctrl-C, so that the services are always started again.
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, signal.default_int_handler)
    start_postgres()
    start_redis()
    site = Site(args.port, args.workers, args.threads)
    figures, ok = {}, True
    try:
        log("building the scratch site")
        urls = url_mix(site.build())
        site.start()
        log(f"{len(urls)} URLs; wrk with {args.connections} connections for {args.duration} s")
        figures["load"] = parse_wrk(wrk_load(args.port, urls, args.connections, args.duration))
        load = figures["load"]
        ok &= load["requests"] > 0 and load["socket_errors"] == 0 and load["non_2xx_3xx"] == 0
        log("database outage")
        figures["database_outage"] = outage = database_outage(site, urls, args.outage)
        ok &= outage["tracebacks"] == 0 and outage["unclean_during_outage"] == 0
        ok &= outage["recovery_s"] <= RECOVERY_LIMIT and outage["errors_after_recovery"] == 0
        log("cache outage")
        figures["cache_outage"] = cache = cache_outage(site, urls, 8)
        ok &= cache["errors_overall"] == 0 and cache["cache_back_after_s"] is not None
    finally:
        start_postgres()
        start_redis()
        server_log = site.server_log.read_text()[-3000:] if site.server_log.exists() else ""
        site.clean()
    print(json.dumps(figures, indent=2))
    if not ok:
        print("FAILED; the end of gunicorn's log:\n" + server_log)
    print("PASSED" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
