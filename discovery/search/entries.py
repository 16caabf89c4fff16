"""The search index: one row per searchable object and language, rebuilt when the object changes.

Each row holds what a visitor of that language reads of the object (`readable`), so a search reads
one table, whatever the page types. The database indexes the rows itself: on PostgreSQL a stored
`search_vector` column (title weighted above the text, the language's own configuration) with a
RUM index (migration 0005); on SQLite an FTS5 table kept in step by triggers (see the migrations).
`SearchWord` is the vocabulary that "Did you mean" suggestions come from.
"""

from django.db import models


class SearchEntry(models.Model):
    kind = models.CharField(max_length=20)  # PAGE, DOCUMENT, OBSERVER, or a page type's own kind
    object_id = models.PositiveIntegerField()  # the page, document or observer state
    language = models.CharField(max_length=7)
    title = models.TextField()
    body = models.TextField(blank=True)
    # A page's tree path, a document's collection path: view restrictions apply when searching.
    path = models.CharField(max_length=255, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id", "language"], name="search_entry_unique")
        ]
        indexes = [models.Index(fields=["object_id"], name="search_entry_object")]

    def __str__(self):
        return f"{self.kind} {self.object_id} ({self.language})"


class SearchWord(models.Model):
    language = models.CharField(max_length=7)
    word = models.CharField(max_length=40)  # as the text writes it, in lower case
    folded = models.CharField(max_length=40)  # without accents, as searches compare it

    class Meta:
        constraints = [models.UniqueConstraint(fields=["language", "word"], name="search_word_unique")]

    def __str__(self):
        return self.word
