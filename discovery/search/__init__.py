"""Site search: pages, documents and observer states, in the visitor's language only.

Every source is queried with the database's own matching (full text on PostgreSQL, see
`postgres`; folded substrings elsewhere, see `simple`) and the sources are combined with UNION
into one ranked list, so a page of results costs the same few queries however much content
matches.
"""

from django.db import connection
from django.db.models import CharField, F, TextField, Value
from django.db.models.functions import Coalesce, Concat

from . import postgres, simple
from .query import SearchText
from .results import present
from .sources import sources

__all__ = ["SearchResults", "SearchText"]


class SearchResults:
    """The ranked results of one search; Django's Paginator counts them, then takes one page."""

    def __init__(self, text: SearchText, language, request, root_page, excluded_page_types=()):
        self.text, self.language, self.request, self.root_page = text, language, request, root_page
        self.full_text = connection.vendor == "postgresql"
        self.words = text.words()
        self.rows = self._rows(excluded_page_types) if self._searchable() else None

    def _searchable(self):
        return bool(self.text) and (self.full_text or bool(self.words))

    def _rows(self, excluded_page_types):
        parts = []
        for source in sources(self.language, self.root_page, excluded_page_types):
            if self.full_text:
                rows = postgres.matching(source, self.text.text, self.language)
            else:
                rows = simple.matching(source, self.words)
            rows = rows.annotate(
                result_kind=Value(source.kind, output_field=CharField()),
                result_id=F("pk"),
                result_title=F(source.title),
                result_text=_joined(source.texts),
            )
            parts.append(
                rows.order_by().values(
                    "result_kind", "result_id", "search_rank", "result_title", "result_text"
                )
            )
        first, *others = parts
        return first.union(*others, all=True).order_by(
            "-search_rank", "result_title", "result_kind", "result_id"
        )

    def count(self):
        return 0 if self.rows is None else self.rows.count()

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            raise TypeError("Search results are read a page (a slice) at a time.")
        if self.rows is None:
            return []
        return present(list(self.rows[index]), self)


def _joined(columns):
    """The columns' texts in one, for the excerpt (empty for a source searched on its title only)."""
    texts = [Coalesce(F(column), Value(""), output_field=TextField()) for column in columns]
    if not texts:
        return Value("", output_field=TextField())
    if len(texts) == 1:
        return texts[0]
    pieces = [piece for text in texts for piece in (text, Value(" "))][:-1]
    return Concat(*pieces, output_field=TextField())
