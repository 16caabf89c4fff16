"""The simple search, for SQLite: every word must appear somewhere, accents and case ignored.

No stemming and no real ranking: a word found in the title counts more than one found in the
text. SQLite gets a `discovery_fold` SQL function (the site's accent- and case-free `sort_key`)
when a connection opens, so "cooperacion" still finds "Cooperación".
"""

import html

from django.db import connection
from django.db.backends.signals import connection_created
from django.db.models import Case, F, Func, Q, TextField, Value, When
from django.db.models.functions import Lower
from django.db.models.lookups import Contains

from base.language import sort_key

FOLD = "discovery_fold"
EXCERPT_CHARS = 220


def register_fold_function():
    connection_created.connect(_add_fold_function, dispatch_uid="discovery_fold_function")


def _add_fold_function(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_function(FOLD, 1, _fold, deterministic=True)


def _fold(value):
    return None if value is None else sort_key(value)


def folded(column):
    if connection.vendor == "sqlite":
        return Func(F(column), function=FOLD, output_field=TextField())
    return Lower(column)


def matching(source, words):
    """The source's rows that contain every word in one of their columns, with a `search_rank`."""
    title = folded(source.title)
    texts = [folded(column) for column in source.texts]
    rows = source.rows
    rank = Value(0)
    for word in words:
        anywhere = Q(Contains(title, word))
        for text in texts:
            anywhere |= Q(Contains(text, word))
        rows = rows.filter(anywhere)
        rank = rank + Case(When(Contains(title, word), then=Value(2)), default=Value(0))
        for text in texts:
            rank = rank + Case(When(Contains(text, word), then=Value(1)), default=Value(0))
    return rows.annotate(search_rank=rank)


def excerpt(text, words, length=EXCERPT_CHARS):
    """HTML: about `length` characters of `text` around the first word found, each word in <mark>."""
    if not text:
        return ""
    # Fold character by character, remembering where each folded character came from.
    folded_text, origin = [], []
    for index, char in enumerate(text):
        for folded_char in sort_key(char):
            folded_text.append(folded_char)
            origin.append(index)
    haystack = "".join(folded_text)
    spans = []
    for word in words:
        start = haystack.find(word)
        while start != -1:
            spans.append((origin[start], origin[start + len(word) - 1] + 1))
            start = haystack.find(word, start + len(word))
    spans.sort()
    first = spans[0][0] if spans else 0
    begin = max(0, first - length // 3)
    if begin:
        space = text.find(" ", begin)
        begin = space + 1 if 0 <= space < first else begin
    end = min(len(text), begin + length)
    if end < len(text):
        space = text.rfind(" ", begin, end)
        end = space if space > first else end
    parts, position = [], begin
    for start, stop in spans:
        if start < position or stop > end:
            continue
        parts += [html.escape(text[position:start]), "<mark>", html.escape(text[start:stop]), "</mark>"]
        position = stop
    parts.append(html.escape(text[position:end]))
    return ("… " if begin else "") + "".join(parts) + (" …" if end < len(text) else "")
