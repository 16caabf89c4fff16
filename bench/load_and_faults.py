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
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from site_under_test import (  # noqa: E402
    HOST,
    PG_PORT,
    REDIS_PORT,
    Site,
    free_port,
    get,
    log,
    parse_wrk,
    postgres_up,
    run,
)


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


def url_mix(pages):
    listings = [
        u for u in pages if u.rstrip("/").endswith(("cooperation-projects", "proyectos-de-cooperacion"))
    ]
    extra = [f"{url}?status=in_progress&country=CL" for url in listings]
    extra += [f"{url}?status=not-a-status" for url in listings]
    extra += ["/health/", "/static/css/site.css", "/"]
    return pages + extra


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
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--outage", type=float, default=6.0, help="seconds PostgreSQL stays down")
    args = parser.parse_args()
    if not args.port:
        args.port = free_port()
    for tool in ("wrk", "pg_ctlcluster", "pg_lsclusters", "psql", "redis-server", "redis-cli"):
        if not shutil.which(tool):
            sys.exit(f"{tool} is needed (wrk: apt-get install wrk)")
    PG_CTL[2] = _cluster_version()
    # A kill (SIGTERM, SIGHUP) unwinds like Ctrl-C, so that the services are always started again.
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, signal.default_int_handler)
    start_postgres()
    start_redis()
    site = Site(args.port, args.workers)
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
