"""A crowd on the whole site while an editor publishes one group page twice a second.

Through the cluster's Varnish (deploy/cluster.py): 64 connections spread over every stored page
that the publish does not touch, in both languages, for 30 s, while a process publishes the
tourism group page twice a second. Prints wrk's percentiles and errors, Varnish's hit share
meanwhile, then the share of the crawled cache still stored and the stale pages (each compared
with a fresh render by an app server), beside the design it replaced, which banned every page on
every publish: p99 114 ms and 0% kept (measured with `make bench` before the change).

    .venv/bin/python bench/precise_purge.py [--duration 30] [--connections 64]

Needs wrk (apt-get install wrk) and what `make cluster` needs.
"""

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from wrk_figures import parse_wrk, run

from deploy.cluster import ROOT, Cluster
from tests.topology.visit import compare, crawl_urls, fetch_all

GROUP = "/en/technical-groups/tourism/"
BEFORE = {"p99": "114 ms", "kept": "0%"}
# The keys that publishing the group purges (hashed as they travel), printed by a Django shell.
TOUCHED_KEYS = """
from caching import changes, dependencies
from workgroups.models import TechnicalGroupPage
page = TechnicalGroupPage.objects.get(url_path_en__endswith="/technical-groups/tourism/")
print(" ".join(sorted(dependencies.hashed(key) for key in changes.keys_of(page))))
"""
PUBLISHING = """
import time
from workgroups.models import TechnicalGroupPage
page = TechnicalGroupPage.objects.get(url_path_en__endswith="/technical-groups/tourism/")
start = time.monotonic()
end, n = start + %d, 0
while time.monotonic() < end:
    n += 1
    time.sleep(max(0, start + n * 0.5 - time.monotonic()))  # twice a second, however long one takes
    page.summary_en = f"Tourism, revised {n} times during the crowd."
    page.save_revision().publish()
print(n)
"""
# Each connection walks the list of pages from its own place.
ROTATE_LUA = """
local paths = {%s}
local n = 0
-- What every browser asks for: Varnish keeps pages compressed, and would inflate each one otherwise.
local headers = {["Accept-Encoding"] = "gzip, deflate, br"}
init = function(args) n = math.random(#paths) end
request = function()
  n = n %% #paths + 1
  return wrk.format(nil, paths[n], headers)
end
"""


def untouched(cluster, urls):
    """The stored pages whose keys (read from an app server, before Varnish strips them) the
    publish does not purge."""
    touched = set(cluster.shell(TOUCHED_KEYS).split())
    answers = fetch_all(cluster.app_url("b"), urls)
    return [
        url
        for url, response in answers.items()
        if response.headers.get("X-Shared") == "yes" and not touched & set(response.headers["xkey"].split())
    ]


def hits_and_misses(cluster):
    output = run(["varnishstat", "-n", str(cluster.folder / "varnish"), "-1", "-j"]).stdout
    counters = json.loads(output)
    counters = counters.get("counters", counters)
    return counters["MAIN.cache_hit"]["value"], counters["MAIN.cache_miss"]["value"]


def crowd(cluster, paths, args):
    """wrk's figures over `paths` while the group is published twice a second, and the publishes."""
    publishing = subprocess.Popen(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", PUBLISHING % (args.duration + 3)],
        cwd=ROOT,
        env=cluster.env,
        stdout=subprocess.PIPE,
        text=True,
    )
    time.sleep(3)  # Django starting up
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
        script.write(ROTATE_LUA % ", ".join(json.dumps(path) for path in paths))
        script.flush()
        command = ["wrk", "--script", script.name, "--threads", "2", "--connections", str(args.connections)]
        command += ["--duration", f"{args.duration}s", "--latency", "--timeout", "10s", cluster.url]
        figures = parse_wrk(run(command).stdout)
    publishes = int(publishing.communicate(timeout=60)[0].split()[-1])
    return figures, publishes


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--duration", type=int, default=30)
    parser.add_argument("--connections", type=int, default=64)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is missing (apt-get install wrk)")
    cluster = Cluster(tempfile.mkdtemp(prefix="alliance-bench-"), workers=2)
    try:
        cluster.start()
        urls = crawl_urls(cluster)
        paths = untouched(cluster, urls)
        fetch_all(cluster.url, urls)  # stored
        before = hits_and_misses(cluster)
        figures, publishes = crowd(cluster, paths, args)
        after = hits_and_misses(cluster)
        stale, kept = compare(cluster, urls)
    finally:
        cluster.stop_all()
        shutil.rmtree(cluster.folder, ignore_errors=True)
    hits, misses = after[0] - before[0], after[1] - before[1]
    report(len(urls), len(paths), publishes, figures, hits / max(hits + misses, 1), kept, stale)


def report(crawled, crowded, publishes, figures, hit_share, kept, stale):
    print(f"{crawled} pages crawled; the crowd read the {crowded} that the publish does not touch")
    print(f"while the group was published {publishes} times.\n")
    print("| figure | ban everything (before) | precise purges (now) | target |")
    print("| --- | --- | --- | --- |")
    print(f"| p99 on untouched pages | {BEFORE['p99']} | {figures['latency_p99']} | <= 50 ms |")
    print(f"| p50 / p90 | 1.4 ms / 39 ms | {figures['latency_p50']} / {figures['latency_p90']} | |")
    errors = figures["socket_errors"] + figures["non_2xx_3xx"]
    print(f"| requests a second, errors | | {figures['requests_per_second']:.0f}, {errors} | 0 errors |")
    print(f"| cache hits during the crowd | | {hit_share:.1%} | >= 95% |")
    print(f"| crawled cache still stored | {BEFORE['kept']} | {kept:.1%} | >= 80% |")
    print(f"| stale pages | | {len(stale)} | 0 |")
    if stale:
        print("stale:", *stale[:20], sep="\n  ")


if __name__ == "__main__":
    main()
