"""The search index: one row per searchable item, and the vocabulary of the indexed words.

Both hold text that search/index.py has already normalised in Python (folded, stemmed), so the
database only matches terms and ranks: PostgreSQL through a stored tsvector with a GIN index,
SQLite through an FTS5 table; both are created by migrations for their database only
(search/migrations/0002_index.py). docs/search.md says why.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Entry(models.Model):
    """The normalised text of one item of a search section, in three weights.

    Drafts are indexed too: what the public may see is decided when searching, through the
    section's own queryset, so publishing, unpublishing or a publication time coming needs no
    index change.
    """

    section = models.CharField(max_length=40)
    object_id = models.BigIntegerField()
    # Titles, questions, names and numbers; leads and other short fields; bodies and answers.
    strong = models.TextField(blank=True)
    middle = models.TextField(blank=True)
    weak = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["section", "object_id"], name="search_entry_unique_item")
        ]
        verbose_name = _("search index entry")
        verbose_name_plural = _("search index entries")

    def __str__(self):
        return f"{self.section} {self.object_id}"


class Term(models.Model):
    """A word of the indexed text as a reader might type it (folded), for spelling suggestions.

    Saving an item adds its new words; words of deleted items stay until the index is rebuilt
    (`manage.py rebuild_search_index`), which also counts the items each word is in. A
    suggestion is only made when it finds something, so a stale word does no harm.
    """

    term = models.CharField(max_length=64, unique=True)
    # The word as written, in lower case, with its Kyrgyz letters: what "Did you mean" shows.
    shown = models.CharField(max_length=64)
    documents = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("search word")
        verbose_name_plural = _("search words")

    def __str__(self):
        return self.term
