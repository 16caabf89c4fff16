"""Site search: pages, documents and observer states, in the visitor's language only.

Everything is read from one index table (`entries.SearchEntry`, kept up to date by `indexing`):
one row per object and language holding all a visitor reads of it. The database's own full-text
index answers: stored, RUM-indexed vectors on PostgreSQL (`postgres`), FTS5 on SQLite (`fts`). A
results page costs one query for the counts per kind, one for the page of rows with their
excerpts, and a fixed few to present them (`results`). Both stop counting at `MAX_COUNTED` results
of a kind, so a common word costs no more than a rare one.
"""

from django.db import connection

from . import fts, postgres
from .query import MAX_COUNTED, SearchText
from .results import KINDS, present
from .visibility import Visibility

__all__ = ["KINDS", "SearchResults", "SearchText"]

# Every kind of index row that a results page counts.
STORED_KINDS = [kind for info in KINDS.values() for kind in info.stored]


class SearchResults:
    """The ranked results of one search; Django's Paginator counts them, then takes one page."""

    def __init__(self, text: SearchText, language, request, root_page, kind=None):
        self.text, self.language, self.request, self.root_page = text, language, request, root_page
        self.full_text = connection.vendor == "postgresql"
        self.engine = postgres if self.full_text else fts
        self.words = text.words()
        self.kind = kind if kind in KINDS else None
        self.visibility = Visibility.for_site(root_page) if self._searchable() else None
        counted = (
            self.engine.counts(self, self.visibility, STORED_KINDS, MAX_COUNTED + 1)
            if self._searchable()
            else {}
        )
        # Kinds with more results than were counted: their count shows as "more than".
        self.uncounted = {kind for kind, total in counted.items() if total > MAX_COUNTED}
        self.counts = {kind: min(total, MAX_COUNTED) for kind, total in counted.items()}
        self._suggestion = ...

    def _searchable(self):
        return bool(self.text) and bool(self.words if not self.full_text else self.text)

    def _kinds(self):
        return KINDS[self.kind].stored if self.kind else ()

    def kind_counts(self):
        """[(kind, label, number of results, whether there are more)] of the kinds that have results."""
        totals = []
        for kind, info in KINDS.items():
            if total := sum(self.counts.get(stored, 0) for stored in info.stored):
                totals.append((kind, info.label, total, bool(self.uncounted.intersection(info.stored))))
        return totals

    @property
    def total(self):
        """The number of results of every kind (the counted ones)."""
        return sum(self.counts.values())

    @property
    def more(self):
        """Whether there are more results of the selected kinds than were counted."""
        stored = self._kinds()
        return any(not stored or kind in stored for kind in self.uncounted)

    def count(self):
        stored = self._kinds()
        return sum(n for kind, n in self.counts.items() if not stored or kind in stored)

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            raise TypeError("Search results are read a page (a slice) at a time.")
        start, stop = index.start or 0, index.stop
        if not self.counts or stop is None or stop <= start:
            return []
        rows = self.engine.rows(self, self.visibility, self._kinds(), stop - start, start)
        return present(rows, self)

    @property
    def suggestion(self):
        """A spelling the vocabulary knows, for a search that found nothing ("Did you mean ..."), or None."""
        if self._suggestion is ...:
            self._suggestion = self._suggest() if self._searchable() and not self.counts else None
        return self._suggestion

    def _suggest(self):
        words = [word for word in self.words if len(word) > 2]
        if not words:
            return None
        better = self.engine.similar_words(words, self.language)
        if not any(better.values()):
            return None
        return " ".join(better.get(word) or word for word in self.words)
