"""Page benchmark: bytes, SQL queries, requests per second and latency, uncached and cached.

    .venv/bin/python bench/pages.py [--duration 15] [--connections 16]

Builds a scratch PostgreSQL database with the real content, serves it with gunicorn (2 workers,
production settings, Redis as the cache) on 127.0.0.1, and measures with wrk, for each page:
uncached (the full-page cache turned off, PAGE_CACHE_SECONDS=0) and cached; nginx serving the same
HTML as a static file is the ceiling, measured in the same run. Prints one table; each figure's
ratio to the ceiling is in the last columns. Needs wrk and nginx (apt-get install wrk nginx).
"""

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from load_and_faults import HOST, Site, get, parse_wrk, run  # noqa: E402

PAGES = {
    "home": "/en/",
    "group page": "/en/technical-groups/cooperation/",
    "projects, filtered": "/es/proyectos-de-cooperacion/?status=in_progress&country=CL",
    "observer states": "/es/estados-observadores/",
    "search": "/es/buscar/?q=cooperacion",
}

QUERIES_SCRIPT = """
import json
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if not m.endswith("PageCacheMiddleware")]
client = Client(HTTP_HOST="127.0.0.1")
counts = {}
for name, url in json.loads(%r).items():
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        status = client.get(url).status_code
    counts[name] = len(queries) if status == 200 else None
print(json.dumps(counts))
"""


def free_port():
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def wrk(port, path, duration, connections):
    output = run(
        [
            "wrk",
            "--threads",
            "2",
            "--connections",
            str(connections),
            "--duration",
            f"{duration}s",
            "--latency",
            f"http://{HOST}:{port}{path}",
        ]
    ).stdout
    return parse_wrk(output)


def nginx_ceiling(html, duration, connections):
    """nginx serving `html` as a static file: what the hardware allows for those bytes."""
    folder = Path(tempfile.mkdtemp(prefix="alliance-nginx-"))
    (folder / "page.html").write_bytes(html)
    port = free_port()
    (folder / "nginx.conf").write_text(
        textwrap.dedent(f"""
        worker_processes 2; daemon off; pid {folder}/nginx.pid; error_log {folder}/error.log;
        events {{ worker_connections 1024; }}
        http {{
            access_log off;
            client_body_temp_path {folder}; proxy_temp_path {folder}; fastcgi_temp_path {folder};
            uwsgi_temp_path {folder}; scgi_temp_path {folder};
            server {{ listen {HOST}:{port}; root {folder}; location / {{ default_type text/html; }} }}
        }}
    """)
    )
    server = subprocess.Popen(["nginx", "-c", str(folder / "nginx.conf")])
    try:
        time.sleep(0.5)
        return wrk(port, "/page.html", duration, connections)
    finally:
        server.terminate()
        server.wait(10)
        shutil.rmtree(folder, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--duration", type=int, default=15)
    parser.add_argument("--connections", type=int, default=16)
    args = parser.parse_args()
    for tool in ("wrk", "nginx", "gunicorn"):
        if not shutil.which(tool) and not Path(sys.executable).with_name(tool).exists():
            sys.exit(f"{tool} is missing (apt-get install wrk nginx)")

    site = Site(free_port(), workers=2, threads=1)
    rows = []
    try:
        site.build()
        pages = {name: url for name, url in PAGES.items()}
        queries = json.loads(
            site.manage("shell", "--no-imports", "-c", QUERIES_SCRIPT % json.dumps(pages)).split()[-1]
        )
        results = {name: {} for name in pages}
        for mode, seconds in (("uncached", "0"), ("cached", "86400")):
            site.env["PAGE_CACHE_SECONDS"] = seconds
            site.start()
            try:
                for name, url in pages.items():
                    status, body = get(site.port, url)
                    if status != 200:
                        results[name][mode] = None
                        continue
                    results[name]["bytes"] = len(body)
                    results[name]["html"] = body
                    results[name][mode] = wrk(site.port, url, args.duration, args.connections)
            finally:
                site.stop()
        for name, result in results.items():
            if "html" not in result:
                rows.append((name, None, None, None, None, None))
                continue
            ceiling = nginx_ceiling(result["html"], args.duration, args.connections)
            rows.append(
                (name, result["bytes"], queries.get(name), result["uncached"], result["cached"], ceiling)
            )
    finally:
        site.clean()

    header = (
        f"{'page':<20}{'bytes':>8}{'SQL':>5}"
        f"{'uncached rps':>14}{'p50':>9}{'p99':>9}{'cached rps':>12}{'p50':>9}{'p99':>9}"
        f"{'nginx rps':>11}{'uncached/nginx':>16}{'cached/nginx':>14}"
    )
    print(header)
    for name, size, sql, uncached, cached, ceiling in rows:
        if size is None:
            print(f"{name:<20}{'(not available)':>20}")
            continue
        print(
            f"{name:<20}{size:>8}{sql if sql is not None else '?':>5}"
            f"{uncached['requests_per_second']:>14.0f}{uncached['latency_p50']:>9}{uncached['latency_p99']:>9}"
            f"{cached['requests_per_second']:>12.0f}{cached['latency_p50']:>9}{cached['latency_p99']:>9}"
            f"{ceiling['requests_per_second']:>11.0f}"
            f"{uncached['requests_per_second'] / ceiling['requests_per_second']:>16.3f}"
            f"{cached['requests_per_second'] / ceiling['requests_per_second']:>14.3f}"
        )
    errors = sum(r[3]["non_2xx_3xx"] + r[3]["socket_errors"] + r[4]["non_2xx_3xx"] for r in rows if r[1])
    print(f"errors: {errors}")


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    main()
