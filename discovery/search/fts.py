"""Full-text search on SQLite: its FTS5 index, accents and case ignored, every word needed.

`discovery_searchentry_fts` (created by the discovery migrations) indexes the title and text of
every index row with the `unicode61` tokenizer and `remove_diacritics 2`, so "cooperacion" finds
"Cooperación"; triggers keep it in step with the rows. Each word the visitor typed matches the
words that begin with it ("beca" finds "becas"); there is no stemming. BM25 ranks the rows, a word
in the title counting ten times one in the text. FTS5's `snippet` makes the excerpts.
"""

import difflib

from django.db import connection
from django.db.models.functions import Length

from .entries import SearchWord
from .marks import MARK_END, MARK_START

TITLE_WEIGHT, TEXT_WEIGHT = 10.0, 1.0
SNIPPET_TOKENS = 30
MATCHING = (
    "FROM discovery_searchentry_fts f JOIN discovery_searchentry e ON e.id = f.rowid "
    "WHERE discovery_searchentry_fts MATCH %s AND e.language = %s AND {visible}"
)


def match_expression(words):
    """An FTS5 query of the words (each a run of letters and digits, so quoting them is safe)."""
    return " ".join(f'"{word}"*' for word in words)


def _matching(search, visibility):
    visible, params = visibility.sql()
    return MATCHING.format(visible=visible), [match_expression(search.words), search.language, *params]


def counts(search, visibility, kinds, limit):
    """{kind: number of matching rows, counted up to `limit`} for this search."""
    sql, params = _matching(search, visibility)
    bounded = f"SELECT %s, (SELECT count(*) FROM (SELECT 1 {sql} AND e.kind = %s LIMIT %s))"  # noqa: S608
    query = " UNION ALL ".join([bounded] * len(kinds))
    with connection.cursor() as cursor:
        cursor.execute(query, [value for kind in kinds for value in (kind, *params, kind, limit)])
        return {kind: total for kind, total in cursor.fetchall() if total}


def rows(search, visibility, kinds, limit, offset):
    sql, params = _matching(search, visibility)
    kind_sql = f" AND e.kind IN ({', '.join(['%s'] * len(kinds))})" if kinds else ""
    query = (
        f"SELECT e.kind, e.object_id, snippet(discovery_searchentry_fts, 1, %s, %s, ' … ', {SNIPPET_TOKENS}) "
        f"{sql}{kind_sql} ORDER BY bm25(discovery_searchentry_fts, {TITLE_WEIGHT}, {TEXT_WEIGHT}), "
        "e.title, e.kind, e.object_id LIMIT %s OFFSET %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(query, [MARK_START, MARK_END, *params, *kinds, limit, offset])
        return cursor.fetchall()


def similar_words(words, language):
    """{word: the closest word of the vocabulary that starts like it}, for the words it lacks."""
    result = {}
    for word in words:
        near = dict(
            SearchWord.objects.filter(language=language, folded__startswith=word[0])
            .annotate(length=Length("folded"))
            .filter(length__range=(len(word) - 2, len(word) + 2))
            .values_list("folded", "word")
        )
        close = [] if word in near else difflib.get_close_matches(word, list(near), n=1, cutoff=0.75)
        result[word] = near[close[0]] if close else None
    return result
