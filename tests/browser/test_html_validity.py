"""The Nu Html Checker on every crawled page, on page states the crawl never sees, and on the CSS."""

import json
import subprocess

import pytest

from tests.browser import tools
from tests.browser.crawl import fetch
from tests.browser.figures import FIGURES
from tests.browser.pages import state_urls

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def validate(files, mode):
    """(errors, warnings) that vnu reports for `files` {path: name to show}, one line each."""
    java, jar = tools.require_vnu()
    completed = subprocess.run(
        # A short run: the quick JIT tier and the simple collector start faster; vnu needs the stack.
        [java, "-Xss4m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", str(jar), mode]
        + ["--format", "json", "--stdout", "--exit-zero-always", *files],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    errors, warnings = [], []
    for message in json.loads(completed.stdout)["messages"]:
        name = files.get(message.get("url", "").removeprefix("file:"), message.get("url"))
        extract = " ".join(message.get("extract", "").split())[:120]
        line = f"{name}:{message.get('lastLine', '?')}: {message['message']} [{extract}]"
        if message["type"] in {"error", "non-document-error"}:
            errors.append(line)
        elif message.get("subType") == "warning":
            warnings.append(line)
    return errors, warnings


def test_every_page_state_and_stylesheet_is_valid(site_crawl, site_url, tmp_path):
    tools.require_vnu()
    documents = {url: page.html for url, page in site_crawl.pages.items()}
    for name, language, path, agent in state_urls():
        status, _type, body = fetch(site_url + path, {"User-Agent": agent} if agent else None)
        assert status in {200, 404}, path
        documents[f"{path} ({name}, {language})"] = body.decode()
    files = {}
    for number, (name, html) in enumerate(documents.items()):
        file = tmp_path / f"{number:03}.html"
        file.write_text(html, encoding="utf-8")
        files[str(file)] = name
    stylesheets = {
        str(stylesheet): str(stylesheet.relative_to(tools.ROOT))
        for stylesheet in sorted((tools.ROOT / "static" / "css").glob("*.css"))
    }

    errors, warnings = validate(files, "--html")
    css_errors, css_warnings = validate(stylesheets, "--css")
    errors += css_errors
    warnings += css_warnings
    FIGURES["HTML documents validated"] = len(files)
    FIGURES["stylesheets validated"] = len(stylesheets)
    FIGURES["HTML errors"] = len(errors)
    FIGURES["HTML warnings"] = len(warnings)
    assert not errors, "\n".join(errors)
    assert not warnings, "\n".join(warnings)
