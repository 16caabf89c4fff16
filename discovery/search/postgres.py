"""Full-text search on PostgreSQL: the language's own stemming, without regard to accents or case.

The text search configurations `alliance_english` and `alliance_spanish` (created by the
discovery migrations) are PostgreSQL's English and Spanish ones with `unaccent` applied before
stemming, so "cooperacion" finds "Cooperación" and "beca" finds "becas". Each index row stores its
vector (`search_vector`, a generated column: title weight A, text weight B, in the configuration
of the row's language) under a GIN index, so a search reads only the rows that match.
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


def counts(search, visibility):
    """{kind: number of matching rows} for this search."""
    sql, params = _matching(search, visibility)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT e.kind, count(*) {sql} GROUP BY e.kind", params)
        return dict(cursor.fetchall())


def rows(search, visibility, kinds, limit, offset):
    """One page of (kind, id, excerpt) rows, best first, the excerpts' matches marked; one query."""
    sql, params = _matching(search, visibility)
    kind_sql = " AND e.kind = ANY(%s)" if kinds else ""
    kind_params = [list(kinds)] if kinds else []
    config = configuration(search.language)
    # Only the fixed fragments above make up the SQL; every value is a bound parameter.
    inner = f"{sql}{kind_sql} ORDER BY rank DESC, e.title, e.kind, e.object_id LIMIT %s OFFSET %s"
    ranked = f"SELECT e.kind, e.object_id, e.title, e.body, q, ts_rank(e.search_vector, q) AS rank {inner}"
    query = (
        "SELECT r.kind, r.object_id, ts_headline(%s::regconfig, left(r.body, %s), r.q, %s) "  # noqa: S608
        f"FROM ({ranked}) r ORDER BY r.rank DESC, r.title, r.kind, r.object_id"
    )
    with connection.cursor() as cursor:
        cursor.execute(
            query, [config, HEADLINE_CHARS, HEADLINE_OPTIONS, *params, *kind_params, limit, offset]
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
