"""Helpers for the search tests: run a search through HTTP and read its results."""

import html as html_module
import re

from django.db import connection

from tests.pages import get_ok

SEARCH = {"en": "/en/search/", "es": "/es/buscar/"}
ON_POSTGRESQL = connection.vendor == "postgresql"
RESULT = re.compile(
    r'<li class="search-result">\s*<p class="search-result__label">(?P<label>.*?)</p>\s*'
    r'<h2><a href="(?P<url>[^"]*)"(?: lang="(?P<lang>\w+)")?>(?P<title>.*?)</a></h2>'
    r'(?:\s*<p class="search-result__excerpt">(?P<excerpt>.*?)</p>)?',
    re.S,
)
COUNT = re.compile(r'<p class="result-count" role="status">(\d+) result')


def search(client, language, query, **params):
    """(total count, [result dicts]) of one page of a search, through HTTP."""
    html = get_ok(client, SEARCH[language], data={"q": query, **params})
    count = COUNT.search(html)
    results = [
        {key: html_module.unescape(value) if value else value for key, value in match.groupdict().items()}
        for match in RESULT.finditer(html)
    ]
    return (int(count.group(1)) if count else None), results


def titles(results):
    return [result["title"] for result in results]


def urls(results):
    return {result["url"] for result in results}
