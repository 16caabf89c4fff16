"""The rendered HTML of every page of the loaded site, both languages, as a compact saved copy.

The copy (`saved_html.json`) keeps, per URL, the sha256 of the page's normalised HTML and a short
hash of each block of lines, so a failing comparison can name the first lines that differ and
show them as rendered now. Only what changes on every response is normalised away: the CSRF
token and the CSP nonces. Pages are rendered on a fixed day, with every page published then
(the loader stamps the time it ran), so neither the calendar nor the time of loading shows.

Regenerate after a legitimate change to `content/` or to a template (and say why in the commit):

    HTML_SNAPSHOT_WRITE=1 .venv/bin/pytest -p no:cacheprovider tests/rendered_html/
"""

import datetime
import hashlib
import json
import re
from pathlib import Path
from unittest import mock

from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.utils import timezone, translation
from wagtail.models import Page

SAVED = Path(__file__).with_name("saved_html.json")
BLOCK_LINES = 40
# A fixed instant (noon UTC), inside the content's span of events.
FIXED_NOW = datetime.datetime(2026, 6, 15, 12, 0, tzinfo=datetime.UTC)
# Extra URLs whose output depends on query strings: the search. Its ranking is the database
# engine's own, so its pages are saved once per engine ("URL (postgresql)", "URL (sqlite)").
QUERY_URLS = (
    "/{lang}/search/?q=scholarships",
    "/es/buscar/?q=becas",
)
ENGINE_DEPENDENT = ("/search/", "/buscar/")
VOLATILE = (
    (re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]*'), r"\1CSRF"),
    (re.compile(r'(nonce=")[^"]*'), r"\1NONCE"),
)


def normalise(html):
    for pattern, replacement in VOLATILE:
        html = pattern.sub(replacement, html)
    return html


def digest(text):
    return hashlib.sha256(text.encode()).hexdigest()


def describe(html):
    """What the saved copy keeps of one page: its hash, its line count, a hash per block of lines."""
    lines = html.splitlines()
    blocks = [
        digest("\n".join(lines[start : start + BLOCK_LINES]))[:12]
        for start in range(0, len(lines), BLOCK_LINES)
    ]
    return {"sha256": digest(html), "lines": len(lines), "blocks": blocks}


def page_urls():
    """Every live page's URL in both languages (the root's own page has none)."""
    urls = []
    for lang in ("en", "es"):
        with translation.override(lang):
            for page in Page.objects.live().specific().order_by("path"):
                url = page.get_url()
                if url:
                    urls.append(url)
    urls.extend(url.format(lang="en") for url in QUERY_URLS if "{lang}" in url)
    urls.extend(url for url in QUERY_URLS if "{lang}" not in url)
    return sorted(set(urls))


def render_all():
    """{url: normalised HTML} of every page, anonymously, on the fixed day (call it inside the
    test's transaction: the publishing times it fixes are rolled back)."""
    Page.objects.update(first_published_at=FIXED_NOW, last_published_at=FIXED_NOW)
    cache.clear()  # nothing kept from before the times were fixed
    client = Client()
    rendered = {}
    with mock.patch.object(timezone, "now", return_value=FIXED_NOW):
        for url in page_urls():
            response = client.get(url)
            assert response.status_code == 200, f"{url} answered {response.status_code}"
            rendered[saved_as(url)] = normalise(response.content.decode())
    return rendered


def saved_as(url):
    return f"{url} ({connection.vendor})" if url.startswith(ENGINE_DEPENDENT, 3) else url


def is_this_engines(key):
    return not key.endswith(")") or key.endswith(f" ({connection.vendor})")


def load():
    """The saved pages that this database engine renders."""
    return {key: page for key, page in json.loads(SAVED.read_text()).items() if is_this_engines(key)}


def save(rendered):
    """Replace this engine's pages in the saved copy, keeping the other engine's search pages."""
    saved = {key: page for key, page in json.loads(SAVED.read_text()).items() if not is_this_engines(key)}
    saved.update({url: describe(html) for url, html in rendered.items()})
    SAVED.write_text(json.dumps(saved, indent=1, sort_keys=True) + "\n")


def first_difference(url, html, saved):
    """A readable account of how `html` differs from the saved description of `url`."""
    now = describe(html)
    if now["blocks"] == saved["blocks"]:
        return f"{url}: same blocks, different hash (line endings?)"
    changed = next(
        (index for index, (a, b) in enumerate(zip(now["blocks"], saved["blocks"], strict=False)) if a != b),
        min(len(now["blocks"]), len(saved["blocks"])),
    )
    start = changed * BLOCK_LINES
    lines = html.splitlines()[start : start + BLOCK_LINES]
    shown = "\n".join(f"{start + number + 1:5} | {line}" for number, line in enumerate(lines))
    return (
        f"{url}: {now['lines']} lines now, {saved['lines']} saved; the first differing block is lines "
        f"{start + 1}-{start + BLOCK_LINES}, rendered now as:\n{shown}"
    )
