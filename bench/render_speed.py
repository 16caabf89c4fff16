"""Uncached renders side by side with a reference Wagtail site: pages a second, this site against
the reference, in one run on one machine, and whether page costs stay flat as the content grows.

    .venv/bin/python bench/render_speed.py --reference http://127.0.0.1:8001 \
        [--reference-header "X-Forwarded-Proto: https"] [--reference-path "home=/"] \
        [--requests 100] [--rounds 5] [--grow 10]

This site runs as in production (deploy/cluster.py: gunicorn with the production settings,
PostgreSQL, Redis, S3), one app server with the HTTP page cache off (PAGE_CACHE_SECONDS=0) and
no Varnish: every request is rendered by Django. The fragment caches (fragments.py: menus,
routes, the language switcher's slugs, the home page's sections and counts, a page's details)
are as they are between changes: warm, and rebuilt only for what a change touched. Both sites
are asked one request at a time over a kept-alive connection, taking turns round by round, and
the best round of each counts (the machine may be shared). The reference is any site given by
URL, with a path for each comparable page (REFERENCE_PATHS, or --reference-path NAME=PATH); the
defaults are those of the Wagtail bakery demo.

With --grow N, the content is then multiplied N times (bench/grow_content.py) and this site
measured again: queries per page (Django's test client, as in the tests) and pages a second
before and after. Needs what `make cluster` needs (`make cluster-deps`).
"""

import argparse
import http.client
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pages import QUERIES_SCRIPT

from deploy.cluster import Cluster

# name: (this site's path, the reference's default path)
PAGES = {
    "home": ("/en/", "/"),
    "technical group page / blog post": ("/en/technical-groups/cooperation/", "/blog/bread-circuses/"),
    "news item / blog post": ("/en/news/seventh-summit-cali/", "/blog/bread-circuses/"),
    "cooperation project / breads listing": ("/en/cooperation-projects/sports-diplomacy/", "/breads/"),
    "search, English / search": ("/en/search/?q=scholarships", "/search/?q=bread"),
    "search, Spanish / search": ("/es/buscar/?q=becas", "/search/?q=bread"),
}
TARGET_RATIO = 3.0  # the issue's: at least three times the reference's pages a second
FLAT_TIME_RATIO = 1.5  # at ten times the content, a render may take at most 1.5 times as long


class Site:
    """One site asked over one kept-alive HTTP connection."""

    def __init__(self, base_url, headers=()):
        parts = urlsplit(base_url)
        self.host, self.port = parts.hostname, parts.port or 80
        self.headers = dict(headers)
        self.connection = None

    def get(self, path):
        for attempt in (1, 2):  # a server may close a kept-alive connection between rounds
            try:
                if self.connection is None:
                    self.connection = http.client.HTTPConnection(self.host, self.port, timeout=30)
                self.connection.request("GET", path, headers=self.headers)
                response = self.connection.getresponse()
                body = response.read()
                break
            except (http.client.HTTPException, OSError):
                self.connection = None
                if attempt == 2:
                    raise
        if response.status != 200:
            sys.exit(f"{path} answered {response.status} on {self.host}:{self.port}")
        return body

    def pages_per_second(self, path, requests):
        started = time.perf_counter()
        for _ in range(requests):
            self.get(path)
        return requests / (time.perf_counter() - started)


def side_by_side(ours, reference, pairs, args):
    """{name: (our best pages/s, the reference's best pages/s)}, the two taking turns."""
    for our_path, reference_path in pairs.values():
        for _ in range(5):  # warm: processes started, templates compiled, fragments built
            ours.get(our_path)
            reference.get(reference_path)
    best = {name: [0.0, 0.0] for name in pairs}
    for _round in range(args.rounds):
        for name, (our_path, reference_path) in pairs.items():
            best[name][0] = max(best[name][0], ours.pages_per_second(our_path, args.requests))
            best[name][1] = max(best[name][1], reference.pages_per_second(reference_path, args.requests))
    return best


def ours_alone(ours, paths, args):
    for path in paths.values():
        for _ in range(5):
            ours.get(path)
    return {
        name: max(ours.pages_per_second(path, args.requests) for _round in range(args.rounds))
        for name, path in paths.items()
    }


def query_counts(cluster, paths):
    output = cluster.manage("shell", "--no-imports", "-c", QUERIES_SCRIPT % json.dumps(paths)).stdout
    return json.loads(output.strip().splitlines()[-1])


def print_comparison(best, reference_url):
    print(f"\nUncached renders, pages a second (best of the rounds), this site against {reference_url}:\n")
    print("| page | this site | reference | ratio |")
    print("|---|---|---|---|")
    short = []
    for name, (ours, reference) in best.items():
        ratio = ours / reference
        print(f"| {name} | {ours:.0f} | {reference:.0f} | {ratio:.1f}x |")
        if ratio < TARGET_RATIO:
            short.append(name)
    if short:
        print(f"\nUnder {TARGET_RATIO:.0f}x: {', '.join(short)}")


def print_growth(before, after, counts_before, counts_after, factor):
    print(f"\nThis site with {factor} times the content (bench/grow_content.py):\n")
    print("| page | queries before | queries after | ms before | ms after | time ratio |")
    print("|---|---|---|---|---|---|")
    for name in before:
        ms_before, ms_after = 1000 / before[name], 1000 / after[name]
        flat = ms_after <= ms_before * FLAT_TIME_RATIO and counts_before[name] == counts_after[name]
        flag = "" if flat else " !"
        print(
            f"| {name} | {counts_before[name]} | {counts_after[name]} | {ms_before:.1f} | {ms_after:.1f} "
            f"| {ms_after / ms_before:.2f}{flag} |"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reference", required=True, help="base URL of the reference site")
    parser.add_argument("--reference-header", action="append", default=[], help='"Name: value", sent to it')
    parser.add_argument("--reference-path", action="append", default=[], help="NAME=PATH (a page of PAGES)")
    parser.add_argument("--requests", type=int, default=100, help="requests per page and round")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--grow", type=int, default=0, help="then multiply the content this many times")
    args = parser.parse_args()
    pairs = dict(PAGES)
    for option in args.reference_path:
        name, _, path = option.partition("=")
        if name not in pairs or not path.startswith("/"):
            sys.exit(f"--reference-path wants NAME=/path with NAME one of: {', '.join(PAGES)}")
        pairs[name] = (pairs[name][0], path)
    headers = [header.split(":", 1) for header in args.reference_header]
    reference = Site(args.reference, [(name.strip(), value.strip()) for name, value in headers])

    cluster = Cluster(tempfile.mkdtemp(prefix="alliance-render-speed-"), workers=1)
    try:
        cluster.start_postgres()
        cluster.start_redis()
        cluster.start_s3()
        cluster.build()
        cluster.start_app("uncached", PAGE_CACHE_SECONDS="0")
        ours = Site(cluster.app_url("uncached"))
        print_comparison(side_by_side(ours, reference, pairs, args), args.reference)
        if args.grow:
            paths = {name: our_path for name, (our_path, _reference) in pairs.items()}
            counts_before, before = query_counts(cluster, paths), ours_alone(ours, paths, args)
            cluster.manage("shell", "--no-imports", "-c", GROW_SCRIPT % args.grow)
            counts_after, after = query_counts(cluster, paths), ours_alone(ours, paths, args)
            print_growth(before, after, counts_before, counts_after, args.grow)
    finally:
        cluster.stop_all()
        shutil.rmtree(cluster.folder, ignore_errors=True)


GROW_SCRIPT = """
import sys
sys.path.insert(0, "bench")
from grow_content import grow
grow(%d)
"""

if __name__ == "__main__":
    main()
