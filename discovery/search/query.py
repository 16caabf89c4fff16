"""What a visitor typed, made safe to search with: any text at all becomes a usable query."""

import re
import unicodedata
from dataclasses import dataclass

from base.language import sort_key

# Longer queries are cut: no real question needs more, and it bounds the work per search.
MAX_LENGTH = 200
# Results are counted up to this many per kind: past it, the page says "more than".
MAX_COUNTED = 1000
# The simple search (SQLite) matches at most this many words.
MAX_WORDS = 10
WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class SearchText:
    text: str  # what is searched for: printable, single-spaced, at most MAX_LENGTH characters
    truncated: bool  # whether the visitor's text was longer and has been cut

    @classmethod
    def clean(cls, raw):
        """Drop control and unassigned characters (NUL cannot even be stored), collapse spaces, cut."""
        raw = raw or ""
        printable = "".join(
            " " if unicodedata.category(char).startswith(("C", "Z")) else char for char in raw
        )
        text = " ".join(printable.split())
        return cls(text[:MAX_LENGTH].strip(), len(text) > MAX_LENGTH)

    def __bool__(self):
        return bool(self.text)

    def words(self):
        """Distinct words, folded (no case, no accents), for the simple search and its excerpts."""
        words = []
        for word in WORD.findall(sort_key(self.text)):
            if word not in words:
                words.append(word)
        longer = [word for word in words if len(word) > 1]
        return (longer or words)[:MAX_WORDS]
