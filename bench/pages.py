"""Page benchmark: bytes, SQL queries, requests per second and latency, uncached and through Varnish.

    .venv/bin/python bench/pages.py [--duration 15] [--connections 16]

Starts the production topology of `make cluster` (deploy/cluster.py: Varnish, two gunicorn app
servers, PostgreSQL, Redis, S3) in a scratch folder, plus a third app server with the page cache
off (PAGE_CACHE_SECONDS=0), and measures with wrk, for each page: uncached renders (that third
server) and cached (through Varnish); nginx serving the same HTML as a static file is the
ceiling, measured in the same run, and so is Varnish with its built-in VCL alone in front of one
app server (what the engine itself does on this machine, without the site's rules). Prints one
table; each figure's ratio to the ceiling is in the last columns. A second table shows the group
page through Varnish under a crowd of 64 connections: links carrying a new fbclid each, and
editors publishing twice a second meanwhile (each publish bans every page from Varnish; wrk's
percentiles count the visitors a stall kept from asking, so a render after each publish shows).
Then Lighthouse (bench/lighthouse.py, mobile) scores the home, a group and a project page in both
languages. Needs wrk, nginx, npm and chromium
(apt-get install wrk nginx npm chromium).
"""

import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lighthouse import DEFAULT_PATHS, run_lighthouse, under_target
from lighthouse import table as lighthouse_table
from wrk_figures import get, parse_wrk, run

from deploy.cluster import HOST, ROOT, Cluster, answers, free_port, wait_for

PAGES = {
    "home": "/en/",
    "group page": "/en/technical-groups/cooperation/",
    "projects, filtered": "/es/proyectos-de-cooperacion/?status=in_progress&country=CL",
    "observer states": "/es/estados-observadores/",
    "search": "/es/buscar/?q=cooperacion",
}

QUERIES_SCRIPT = """
import json
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
client = Client(HTTP_HOST="127.0.0.1")
counts = {}
for name, url in json.loads(%r).items():
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        status = client.get(url).status_code
    counts[name] = len(queries) if status == 200 else None
print(json.dumps(counts))
"""


# A new fbclid on every request, as links shared on social networks carry.
TRACKED_LINKS_LUA = """
local n = 0
request = function()
  n = n + 1
  return wrk.format(nil, wrk.path .. "?fbclid=" .. math.random(1e9) .. "x" .. n)
end
"""
# Editors publishing while the crowd reads: twice a second the content version moves on and
# every fragment is built again (what a change to something every page shows costs).
PUBLISHING_SCRIPT = """
import time
from caching import content_version, fragments
end = time.monotonic() + %d
while time.monotonic() < end:
    time.sleep(0.5)
    content_version.bump()
    fragments.touch((), everything=True)
    content_version.bump()  # as purge.apply does
"""
CROWD_PAGE, CROWD_CONNECTIONS = "group page", 64
# Visitors send their browser's name: a current Chrome, as most of them.
BROWSER = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36"
)


def wrk(port, path, duration, connections, script=None):
    output = run(
        [
            "wrk",
            *(["--script", script] if script else []),
            "--threads",
            "2",
            "--connections",
            str(connections),
            "--duration",
            f"{duration}s",
            "--latency",
            "--header",
            "Accept-Encoding: gzip",  # as every browser sends it
            "--header",
            f"User-Agent: {BROWSER}",
            "--timeout",
            "10s",  # a slow answer is measured, not counted as an error
            f"http://{HOST}:{port}{path}",
        ]
    ).stdout
    return parse_wrk(output)


def nginx_ceiling(html, duration, connections):
    """nginx serving `html` as a static file: what the hardware allows for those bytes."""
    folder = Path(tempfile.mkdtemp(prefix="alliance-nginx-"))
    (folder / "page.html").write_bytes(html)
    (folder / "page.html.gz").write_bytes(gzip.compress(html, 6))  # served to gzip clients, as Varnish does
    port = free_port()
    (folder / "nginx.conf").write_text(
        textwrap.dedent(f"""
        worker_processes 2; daemon off; pid {folder}/nginx.pid; error_log {folder}/error.log;
        events {{ worker_connections 1024; }}
        http {{
            access_log off;
            client_body_temp_path {folder}; proxy_temp_path {folder}; fastcgi_temp_path {folder};
            uwsgi_temp_path {folder}; scgi_temp_path {folder};
            server {{
                listen {HOST}:{port}; root {folder};
                location / {{ default_type text/html; gzip_static on; }}
            }}
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


def measure(port, pages, args):
    """wrk figures of every page served on this port."""
    figures = {}
    for name, url in pages.items():
        status, body = get(port, url)
        if status != 200:
            sys.exit(f"{url} answered {status} on port {port}")
        figures[name] = {"html": body, "wrk": wrk(port, url, args.duration, args.connections)}
    return figures


def bare_varnish(cluster, pages, args):
    """The pages through a Varnish with the built-in VCL only (`-b`), in front of app server A."""
    port = free_port()
    command = ["varnishd", "-F", "-a", f"{HOST}:{port}", "-n", str(cluster.folder / "varnish-bare")]
    command += ["-b", f"{HOST}:{cluster.ports['a']}", "-s", "malloc,256m", "-T", "none"]
    cluster.spawn("varnish-bare", command)
    try:
        wait_for(lambda: answers(f"http://{HOST}:{port}/health/"), "Varnish with the built-in VCL")
        return measure(port, pages, args)
    finally:
        cluster.stop("varnish-bare")


def crowd(cluster, url, args):
    """The page through Varnish under a crowd: every link with its own fbclid; editors publishing."""
    port = cluster.ports["varnish"]
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
        script.write(TRACKED_LINKS_LUA)
        script.flush()
        tracked = wrk(port, url, args.duration, CROWD_CONNECTIONS, script.name)
    publishing = subprocess.Popen(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", PUBLISHING_SCRIPT % (args.duration + 5)],
        cwd=ROOT,
        env=cluster.env,
    )
    try:
        time.sleep(3)  # Django starting up
        changing = wrk(port, url, args.duration, CROWD_CONNECTIONS)
    finally:
        publishing.kill()
        publishing.wait()
    return {"a new fbclid on every request": tracked, "content published twice a second": changing}


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--duration", type=int, default=15)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--skip-lighthouse", action="store_true")
    args = parser.parse_args()
    for tool in ("wrk", "nginx", "gunicorn", "varnishd"):
        if not shutil.which(tool) and not Path(sys.executable).with_name(tool).exists():
            sys.exit(f"{tool} is missing (apt-get install wrk nginx)")

    cluster = Cluster(tempfile.mkdtemp(prefix="alliance-bench-"), workers=2)
    try:
        figures = measure_all(cluster, args)
    finally:
        cluster.stop_all()
        shutil.rmtree(cluster.folder, ignore_errors=True)
    report(*figures)


def measure_all(cluster, args):
    """(SQL queries, uncached, cached, bare Varnish, crowd, Lighthouse scores, nginx ceilings)."""
    cluster.start()
    output = cluster.manage("shell", "--no-imports", "-c", QUERIES_SCRIPT % json.dumps(PAGES)).stdout
    queries = json.loads(output.strip().splitlines()[-1])
    cluster.stop_app("b", sig=15)  # two cores: the uncached server gets B's share
    cluster.start_app("uncached", PAGE_CACHE_SECONDS="0")
    uncached = measure(cluster.ports["uncached"], PAGES, args)
    cluster.stop_app("uncached", sig=15)
    cluster.start_app("b")
    cached = measure(cluster.ports["varnish"], PAGES, args)
    bare = bare_varnish(cluster, PAGES, args)
    crowd_figures = crowd(cluster, PAGES[CROWD_PAGE], args)
    scores = None if args.skip_lighthouse else run_lighthouse(cluster.url, DEFAULT_PATHS)
    ceilings = {name: nginx_ceiling(cached[name]["html"], args.duration, args.connections) for name in PAGES}
    return queries, uncached, cached, bare, crowd_figures, scores, ceilings


def report(queries, uncached, cached, bare, crowd_figures, scores, ceilings):
    print(
        f"{'page':<20}{'bytes':>8}{'SQL':>5}"
        f"{'uncached rps':>14}{'p50':>9}{'p99':>9}{'Varnish rps':>12}{'p50':>9}{'p99':>9}"
        f"{'bare Varnish':>13}{'nginx rps':>11}{'uncached/nginx':>16}{'Varnish/nginx':>14}{'bare/nginx':>11}"
    )
    errors = 0
    for name in PAGES:
        slow, fast, engine = uncached[name]["wrk"], cached[name]["wrk"], bare[name]["wrk"]
        ceiling = ceilings[name]
        errors += sum(run[key] for run in (slow, fast, engine) for key in ("non_2xx_3xx", "socket_errors"))
        print(
            f"{name:<20}{len(cached[name]['html']):>8}{queries.get(name, '?'):>5}"
            f"{slow['requests_per_second']:>14.0f}{slow['latency_p50']:>9}{slow['latency_p99']:>9}"
            f"{fast['requests_per_second']:>12.0f}{fast['latency_p50']:>9}{fast['latency_p99']:>9}"
            f"{engine['requests_per_second']:>13.0f}{ceiling['requests_per_second']:>11.0f}"
            f"{slow['requests_per_second'] / ceiling['requests_per_second']:>16.3f}"
            f"{fast['requests_per_second'] / ceiling['requests_per_second']:>14.3f}"
            f"{engine['requests_per_second'] / ceiling['requests_per_second']:>11.3f}"
        )
    heading = f"{CROWD_PAGE}, through Varnish, {CROWD_CONNECTIONS} connections"
    print(f"\n{heading:<56}{'rps':>9}{'p50':>9}{'p90':>9}{'p99':>9}")
    for name, figures in crowd_figures.items():
        errors += figures["non_2xx_3xx"] + figures["socket_errors"]
        print(
            f"  {name:<54}{figures['requests_per_second']:>9.0f}{figures['latency_p50']:>9}"
            f"{figures['latency_p90']:>9}{figures['latency_p99']:>9}"
        )
    print(f"errors (non-2xx/3xx answers and socket errors): {errors}")
    if scores is not None:
        version = json.loads((Path(__file__).with_name("package.json")).read_text())["devDependencies"]
        print(f"\nLighthouse {version['lighthouse']}, mobile profile, Debian's Chromium (cached pages):")
        print(lighthouse_table(scores))
        for path, category, score in under_target(scores):
            print(f"UNDER TARGET: {path} {category} {score}")


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    main()
