"""Full-text search on PostgreSQL: the language's own stemming, without regard to accents or case.

The text search configurations `alliance_english` and `alliance_spanish` (created by the
discovery migrations) are PostgreSQL's English and Spanish ones with `unaccent` applied before
stemming, so "cooperacion" finds "Cooperación" and "beca" finds "becas". `websearch_to_tsquery`
reads the visitor's text the way web search boxes do ("quoted phrases", or, -word) and accepts
any input without a syntax error.
"""

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F

CONFIGURATIONS = {"en": "alliance_english", "es": "alliance_spanish"}
# Matches are marked with private-use characters that no text contains; the caller escapes the
# excerpt as HTML and only then turns them into <mark> elements.
MARK_START, MARK_END = "\ue000", "\ue001"
HEADLINE_OPTIONS = (
    f'StartSel="{MARK_START}", StopSel="{MARK_END}", MaxWords=30, MinWords=12, '
    'ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "'
)


def configuration(language):
    return CONFIGURATIONS.get(language, CONFIGURATIONS["en"])


def matching(source, text, language):
    """The source's rows that match `text`, annotated with their `search_rank` (title matches weigh most)."""
    config = configuration(language)
    vector = SearchVector(source.title, weight="A", config=config)
    if source.texts:
        vector = vector + SearchVector(*source.texts, weight="B", config=config)
    query = SearchQuery(text, search_type="websearch", config=config)
    return (
        source.rows.annotate(search_vector=vector)
        .filter(search_vector=query)
        .annotate(search_rank=SearchRank(F("search_vector"), query))
    )


def excerpts(texts, text, language):
    """One excerpt per plain text, the matching words between MARK_START and MARK_END; one query."""
    if not texts:
        return []
    config = configuration(language)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT ts_headline(%s::regconfig, t, websearch_to_tsquery(%s::regconfig, %s), %s) "
            "FROM unnest(%s::text[]) WITH ORDINALITY AS u(t, n) ORDER BY n",
            [config, config, text, HEADLINE_OPTIONS, list(texts)],
        )
        return [row[0] for row in cursor.fetchall()]
