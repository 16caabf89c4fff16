"""Lighthouse (its mobile defaults: a mid-range phone on a throttled connection) on every page type
in both languages: performance 98 or more, and 100 for accessibility, best practices and SEO.

One Node.js process (browser/lighthouse-pages.mjs) audits every page in turn in one headless
Chromium (the system's, through CHROME_PATH) against the live server; it reaches nothing but the
loopback address.
"""

import json
import os
import subprocess

import pytest

from tests.browser import tools
from tests.browser.figures import FIGURES
from tests.browser.pages import page_type_urls

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

MINIMUM = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}


def lighthouse(urls, reports):
    """Lighthouse's report on each of `urls`: one Chromium and one Node.js process for all."""
    node, script = tools.require_lighthouse()
    command = [node, str(script), str(reports), ",".join(MINIMUM), *urls]
    env = {
        **os.environ,
        "CHROME_PATH": tools.require_chromium(),
        "CHROME_FLAGS": " ".join(["--headless=new", *tools.CHROMIUM_ARGS]),
    }
    run = subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=180 * len(urls), check=False
    )
    assert run.returncode == 0, f"Lighthouse failed: {run.stderr[-2000:]}"
    return [json.loads((reports / f"{index}.json").read_text()) for index in range(len(urls))]


def scores_of(report):
    error = report.get("runtimeError")
    assert error is None, f"Lighthouse could not audit {report['requestedUrl']}: {error}"
    unscored = [name for name, category in report["categories"].items() if category["score"] is None]
    errors = {
        key: audit["errorMessage"] for key, audit in report["audits"].items() if audit.get("errorMessage")
    }
    assert not unscored, f"Lighthouse gave {report['requestedUrl']} no {unscored} score: {errors}"
    scores = {name: round(category["score"] * 100) for name, category in report["categories"].items()}
    failing = sorted(
        f"{key} ({audit.get('displayValue', audit['score'])})"
        for key, audit in report["audits"].items()
        if audit.get("score") is not None and audit["score"] < 1 and audit.get("scoreDisplayMode") == "binary"
    )
    return scores, failing


def test_every_page_type_scores_well_on_lighthouse_mobile(site_url, tmp_path):
    problems, lowest = [], dict.fromkeys(MINIMUM, 100)
    paths = [path for _name, _language, path in page_type_urls()]
    for path, report in zip(paths, lighthouse([site_url + path for path in paths], tmp_path), strict=True):
        scores, failing = scores_of(report)
        for category, minimum in MINIMUM.items():
            lowest[category] = min(lowest[category], scores[category])
            if scores[category] < minimum:
                problems.append(f"{path}: {category} {scores[category]} < {minimum}; failing: {failing}")
    FIGURES["lighthouse lowest scores"] = lowest
    assert not problems, "\n".join(problems)
