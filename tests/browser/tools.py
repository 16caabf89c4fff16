"""Where the browser tests find their tools, and what they do when one is missing.

`make browser-deps` (a step of `make test`) installs them by package name: Chromium and a Java
runtime from Debian, axe-core and the Nu Html Checker from npm into browser/node_modules, and
Playwright for Python from the lock (requirements/test.txt). Playwright never downloads a browser
here: it drives the system Chromium through `executable_path`.
"""

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NODE_MODULES = ROOT / "browser" / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
ARTIFACTS = ROOT / "test-artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"

# CI must run these tests: there a missing tool is a failure, not a skip.
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
INSTALL_HINT = "run `make browser-deps` as root (it installs them by package name)"

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def unavailable(what):
    """Skip the test (fail it in CI) because `what` is not installed."""
    message = f"browser tests need {what}: {INSTALL_HINT}"
    if IN_CI:
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def chromium_path():
    """The system Chromium (CHROMIUM overrides), or None."""
    candidates = [os.environ.get("CHROMIUM"), shutil.which("chromium"), shutil.which("chromium-browser")]
    return next((path for path in candidates if path and os.access(path, os.X_OK)), None)


def require_chromium():
    path = chromium_path()
    if path is None:
        unavailable("Chromium (Debian package `chromium`)")
    return path


def require_playwright():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("Playwright for Python (`make install`)")
    return sync_playwright


def require_axe():
    if not AXE_JS.is_file():
        unavailable(f"axe-core ({AXE_JS.relative_to(ROOT)}, from browser/package.json)")
    return AXE_JS


def require_vnu():
    java = shutil.which("java")
    if java is None:
        unavailable("Java (Debian package `default-jre-headless`)")
    if not VNU_JAR.is_file():
        unavailable(f"the Nu Html Checker ({VNU_JAR.relative_to(ROOT)}, from browser/package.json)")
    return java, VNU_JAR


LIGHTHOUSE_JS = NODE_MODULES / "lighthouse" / "cli" / "index.js"
LIGHTHOUSE_PAGES = ROOT / "browser" / "lighthouse-pages.mjs"


def require_lighthouse():
    node = shutil.which("node")
    if node is None:
        unavailable("Node.js (Debian package `npm` brings it)")
    if not LIGHTHOUSE_JS.is_file():
        unavailable(f"Lighthouse ({LIGHTHOUSE_JS.relative_to(ROOT)}, from browser/package.json)")
    return node, LIGHTHOUSE_PAGES
