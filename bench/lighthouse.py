"""Lighthouse scores of pages of a served site: performance, accessibility, best practices, SEO.

    .venv/bin/python bench/lighthouse.py --base-url http://127.0.0.1:8000 [--runs 1] [PATH ...]

Runs Lighthouse 12 (npm, pinned in bench/package-lock.json) with its default mobile profile
(emulated phone, simulated throttling) against Debian's Chromium, headless, on each path (by
default the home page, a group page and a project page in both languages), prints one table and
exits 1 if a score is under its target: performance 98, accessibility, best practices and SEO 100.

Lighthouse is installed into bench/node_modules/ (`npm ci --ignore-scripts`) when missing; it never
downloads a browser: the Chromium it drives is $CHROME_PATH, else $CHROMIUM, else `chromium` on the
PATH (apt-get install chromium npm). Serve the site with the production settings (gunicorn, plain
HTTP on 127.0.0.1 is fine) for figures that mean something.

`run_lighthouse(base_url, paths)` is the function other benchmarks import.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
LIGHTHOUSE_CLI = BENCH / "node_modules" / "lighthouse" / "cli" / "index.js"

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}
CHROME_FLAGS = "--headless=new --no-sandbox"

DEFAULT_PATHS = (
    "/en/",
    "/es/",
    "/en/technical-groups/cooperation/",
    "/es/grupos-tecnicos/cooperacion/",
    "/en/cooperation-projects/sports-diplomacy/",
    "/es/proyectos-de-cooperacion/diplomacia-deportiva/",
)


# Runtime errors of Lighthouse's own tracing, which a second run usually does not have.
RETRYABLE = {"NO_NAVSTART", "NO_TRACING_STARTED", "NO_FCP", "NO_LCP", "NO_DCL", "PROTOCOL_TIMEOUT", None}


class LighthouseError(RuntimeError):
    def __init__(self, message, code=None):
        super().__init__(message)
        self.code = code


def chromium_path():
    for candidate in (os.environ.get("CHROME_PATH"), os.environ.get("CHROMIUM")):
        if candidate:
            return candidate
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        raise LighthouseError("Chromium is missing: apt-get install chromium (or set CHROME_PATH).")
    return found


def ensure_lighthouse():
    """Install the pinned Lighthouse into bench/node_modules/ unless it is there already."""
    if LIGHTHOUSE_CLI.is_file():
        return
    if not shutil.which("npm"):
        raise LighthouseError("npm is missing, so Lighthouse cannot be installed: apt-get install npm.")
    # --ignore-scripts: no install script may fetch anything, a browser least of all.
    env = {**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1", "PUPPETEER_SKIP_CHROMIUM_DOWNLOAD": "1"}
    subprocess.run(
        [
            "npm",
            "ci",
            "--prefix",
            str(BENCH),
            "--ignore-scripts",
            "--no-audit",
            "--no-fund",
            "--loglevel=error",
        ],
        check=True,
        env=env,
    )
    if not LIGHTHOUSE_CLI.is_file():
        raise LighthouseError(f"npm ci did not install {LIGHTHOUSE_CLI.relative_to(BENCH.parent)}.")


def failed_audits(report):
    """Ids of the audits that cost a category points: weighted and scored under 1."""
    failed = set()
    for category in report["categories"].values():
        for ref in category["auditRefs"]:
            audit = report["audits"].get(ref["id"], {})
            if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
                failed.add(ref["id"])
    return sorted(failed)


def scores(report):
    result = {}
    for name in CATEGORIES:
        score = report["categories"].get(name, {}).get("score")
        result[name] = round(score * 100) if score is not None else 0
    result["failed_audits"] = failed_audits(report)
    return result


def lighthouse_report(url, node, chrome, timeout=300):
    """One Lighthouse run on `url`: its JSON report, as a dict."""
    with tempfile.TemporaryDirectory(prefix="alliance-lighthouse-", ignore_cleanup_errors=True) as folder:
        output = Path(folder) / "report.json"
        command = [
            node,
            str(LIGHTHOUSE_CLI),
            url,
            "--output=json",
            f"--output-path={output}",
            "--quiet",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={CHROME_FLAGS}",
        ]
        # A profile and temporary files of the run's own, removed with it.
        env = {**os.environ, "CHROME_PATH": chrome, "TMPDIR": folder}
        done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=timeout, check=False)
        if not output.is_file():
            raise LighthouseError(
                f"Lighthouse failed on {url} (exit {done.returncode}): {done.stderr[-2000:]}"
            )
        report = json.loads(output.read_text())
    error = report.get("runtimeError")
    if error:
        code = error.get("code")
        raise LighthouseError(f"Lighthouse failed on {url}: {code}: {error.get('message')}", code)
    return report


def lighthouse_scores(url, node, chrome, attempts=3):
    """Scores of one run; a run that Lighthouse itself botches (NO_NAVSTART, now and then) is redone."""
    for attempt in range(1, attempts + 1):
        try:
            return scores(lighthouse_report(url, node, chrome))
        except LighthouseError as error:
            if attempt == attempts or error.code not in RETRYABLE:
                raise
            print(f"lighthouse: {error} Trying again.", file=sys.stderr)


def run_lighthouse(base_url, paths, runs=1):
    """Scores of each path of the site at `base_url`, one Lighthouse run after another.

    Returns {path: {"performance": int, "accessibility": int, "best-practices": int, "seo": int,
    "failed_audits": [ids]}}; with several runs, those of the run with the median performance.
    """
    ensure_lighthouse()
    node = shutil.which("node") or shutil.which("nodejs")
    if not node:
        raise LighthouseError("Node.js is missing: apt-get install npm.")
    chrome = chromium_path()
    results = {}
    for path in paths:
        url = base_url.rstrip("/") + path
        attempts = sorted(
            (lighthouse_scores(url, node, chrome) for _ in range(max(1, runs))),
            key=lambda result: result["performance"],
        )
        median = statistics.median_low([result["performance"] for result in attempts])
        results[path] = next(result for result in attempts if result["performance"] == median)
    return results


def under_target(results):
    """(path, category, score) of every score under its target."""
    return [
        (path, name, result[name])
        for path, result in results.items()
        for name in CATEGORIES
        if result[name] < TARGETS[name]
    ]


def table(results):
    width = max(len("target"), *(len(path) for path in results)) + 2
    heads = ["page".ljust(width), *(f"{name:>16}" for name in CATEGORIES), "  failed audits"]
    lines = ["".join(heads)]
    targets = ["target".ljust(width), *(f"{TARGETS[name]:>16}" for name in CATEGORIES)]
    lines.append("".join(targets))
    for path, result in results.items():
        cells = [path.ljust(width), *(f"{result[name]:>16}" for name in CATEGORIES)]
        cells.append("  " + (", ".join(result["failed_audits"]) or "-"))
        lines.append("".join(cells))
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--base-url", required=True, help="where the site is served, e.g. http://127.0.0.1:8000"
    )
    parser.add_argument("--runs", type=int, default=1, help="runs per page; the median is kept")
    parser.add_argument("paths", nargs="*", default=list(DEFAULT_PATHS), help="pages to audit")
    args = parser.parse_args(argv)
    try:
        results = run_lighthouse(args.base_url, args.paths, runs=args.runs)
    except (LighthouseError, subprocess.CalledProcessError, subprocess.TimeoutExpired) as error:
        print(f"lighthouse: {error}", file=sys.stderr)
        return 2
    print(table(results))
    missed = under_target(results)
    for path, name, score in missed:
        print(f"UNDER TARGET: {path} {name} {score} < {TARGETS[name]}")
    print("FAILED" if missed else "PASSED")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
