"""Full-text search on PostgreSQL: the language's own stemming, without regard to accents or case.

The text search configurations `alliance_english` and `alliance_spanish` (created by the
discovery migrations) are PostgreSQL's English and Spanish ones with `unaccent` applied before
stemming, so "cooperacion" finds "Cooperación" and "beca" finds "becas". Each index row stores its
vector (`search_vector`, a generated column: title weight A, text weight B, in the configuration
of the row's language) under a RUM index (migration 0005), which returns the matching rows best
first: a page of results reads about as many rows as it shows, however common the words. Counts
stop at `MAX_COUNTED` per kind for the same reason.
`websearch_to_tsquery` reads the visitor's text the way web search boxes do ("quoted phrases",
or, -word) and accepts any input without a syntax error.
"""

from django.db import connection

from .marks import MARK_END, MARK_START

CONFIGURATIONS = {"en": "alliance_english", "es": "alliance_spanish"}
HEADLINE_OPTIONS = (
    f'StartSel="{MARK_START}", StopSel="{MARK_END}", MaxWords=30, MinWords=12, '
    'ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "'
)
# The excerpt is looked for in the first this many characters of a row's text.
HEADLINE_CHARS = 20_000
MATCHING = (
    "FROM discovery_searchentry e CROSS JOIN websearch_to_tsquery(%s::regconfig, %s) q "
    "WHERE e.language = %s AND e.search_vector @@ q AND {visible}"
)


def configuration(language):
    return CONFIGURATIONS.get(language, CONFIGURATIONS["en"])


def _matching(search, visibility):
    visible, params = visibility.sql()
    return MATCHING.format(visible=visible), [
        configuration(search.language),
        search.text.text,
        search.language,
        *params,
    ]


def counts(search, visibility, kinds, limit):
    """{kind: number of matching rows, counted up to `limit`} for this search."""
    sql, params = _matching(search, visibility)
    bounded = f"SELECT count(*) FROM (SELECT 1 {sql} AND e.kind = k.kind LIMIT %s) s"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT k.kind, ({bounded}) FROM unnest(%s::text[]) AS k(kind)",  # noqa: S608
            [*params, limit, list(kinds)],
        )
        return {kind: total for kind, total in cursor.fetchall() if total}


def rows(search, visibility, kinds, limit, offset):
    """One page of (kind, id, excerpt) rows, best first, the excerpts' matches marked; one query.

    The index gives the rows in rank order (`<=>`: the lower the better) but cannot order ties, so
    the inner query takes the first `offset + limit` rows by rank alone and the outer one orders
    them fully, ties by title.
    """
    sql, params = _matching(search, visibility)
    kind_sql = " AND e.kind = ANY(%s)" if kinds else ""
    kind_params = [list(kinds)] if kinds else []
    config = configuration(search.language)
    # Only the fixed fragments above make up the SQL; every value is a bound parameter.
    ranked = (
        f"SELECT e.kind, e.object_id, e.title, e.body, q, e.search_vector <=> q AS distance {sql}{kind_sql} "
        "ORDER BY e.search_vector <=> q LIMIT %s"
    )
    order = "ORDER BY r.distance, r.title, r.kind, r.object_id"
    page = f"SELECT r.* FROM ({ranked}) r {order} LIMIT %s OFFSET %s"  # noqa: S608
    # The excerpts are made for that page's rows only.
    query = (
        "SELECT r.kind, r.object_id, ts_headline(%s::regconfig, left(r.body, %s), r.q, %s) "  # noqa: S608
        f"FROM ({page}) r {order}"
    )
    with connection.cursor() as cursor:
        cursor.execute(
            query,
            [config, HEADLINE_CHARS, HEADLINE_OPTIONS, *params, *kind_params, offset + limit, limit, offset],
        )
        return cursor.fetchall()


def similar_words(words, language):
    """{word: the most similar word of the vocabulary (trigram similarity, pg_trgm)}, where there is one."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT w.q, (SELECT s.word FROM discovery_searchword s WHERE s.language = %s "
            "AND s.folded %% w.q ORDER BY similarity(s.folded, w.q) DESC, s.word LIMIT 1), "
            "EXISTS (SELECT 1 FROM discovery_searchword s WHERE s.language = %s AND s.folded = w.q) "
            "FROM unnest(%s::text[]) AS w(q)",
            [language, language, list(words)],
        )
        return {word: None if known else best for word, best, known in cursor.fetchall()}
