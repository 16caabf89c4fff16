"""Counting stops at MAX_COUNTED results of a kind: a common word costs what a rare one does."""

import re

import pytest

from tests.discovery.search import SEARCH
from tests.pages import get_ok

pytestmark = [pytest.mark.django_db, pytest.mark.engine]

KIND_LINK = re.compile(r'<a href="[^"]*kind=(\w+)"[^>]*>[^<(]*\((\d+)(\+?)\)</a>')
ALL_LINK = re.compile(r">(?:All|Todo|Todos)[^<(]*\((\d+)(\+?)\)</a>")


def kinds(html):
    return {kind: (int(total), more == "+") for kind, total, more in KIND_LINK.findall(html)}


@pytest.mark.parametrize(
    ("language", "query", "more_than"),
    [
        ("en", "cooperation", "More than {} results for “cooperation”"),
        ("es", "cooperación", "Más de {} resultados"),
    ],
)
def test_past_the_cap_the_page_says_more_than_and_lists_what_was_counted(
    client, monkeypatch, language, query, more_than
):
    uncapped = kinds(get_ok(client, SEARCH[language], data={"q": query}))
    assert uncapped["page"][0] > 3 and not uncapped["page"][1]
    monkeypatch.setattr("discovery.search.MAX_COUNTED", 3)

    html = get_ok(client, SEARCH[language], data={"q": query, "page": 1})  # another URL: not cached
    capped = kinds(html)
    counted = sum(total for total, _more in capped.values())
    assert more_than.format(counted) in html
    for kind, (total, _more) in uncapped.items():
        # A kind past the cap shows the cap and a "+"; the others keep their exact count.
        assert capped[kind] == ((3, True) if total > 3 else (total, False)), kind
    all_total, all_more = ALL_LINK.search(html).groups()
    assert (int(all_total), all_more) == (counted, "+")
    assert len(re.findall(r'<li class="search-result">', html)) == min(10, counted)


@pytest.mark.parametrize(("language", "query"), [("en", "cooperation"), ("es", "cooperación")])
def test_narrowed_to_a_kind_the_count_is_exact_up_to_the_cap(client, monkeypatch, language, query):
    totals = {
        kind: total
        for kind, (total, _more) in kinds(get_ok(client, SEARCH[language], data={"q": query})).items()
    }
    fewest, most = min(totals, key=totals.get), max(totals, key=totals.get)
    assert totals[fewest] < totals[most]
    monkeypatch.setattr("discovery.search.MAX_COUNTED", totals[fewest])  # that kind has just as many

    narrowed = get_ok(client, SEARCH[language], data={"q": query, "kind": fewest})
    assert re.search(rf'<p class="result-count" role="status">{totals[fewest]} result', narrowed)
    assert kinds(narrowed)[fewest] == (totals[fewest], False)
    widest = get_ok(client, SEARCH[language], data={"q": query, "kind": most})
    assert re.search(
        rf'<p class="result-count" role="status">(More than|Más de) {totals[fewest]} result', widest
    )
