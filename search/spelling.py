"""Spelling corrections from the vocabulary of indexed words (search.models.Term).

A query word that is not in the vocabulary is compared with the words that share trigrams with
it: PostgreSQL finds them with pg_trgm (`%` and the trigram index on search_term.term), SQLite
with its FTS5 trigram table (the most shared trigrams first). Either way the candidates are then
judged the same way, in Python: at most one edit (insertion, deletion, substitution) for words of
up to five letters and two for longer ones, never another form of the same word (the stemmer
already finds those), the closest first and, among equals, the word in the most items.

A word that is in the vocabulary (a misspelling that made it into a text) is corrected only to a
word in at least `MORE_COMMON` times as many items. The counts are those of the last rebuild
(`manage.py rebuild_search_index`); a word first seen since counts one.
"""

from django.db import connection
from rapidfuzz.distance import Levenshtein

from search import normalize
from search.models import Term

# Shorter words are too often something else at one edit.
MIN_LENGTH = 4
CANDIDATES = 50
MORE_COMMON = 3


def max_distance(word: str) -> int:
    return 1 if len(word) <= 5 else 2


def correct(words: list[str]) -> list[str] | None:
    """The written `words` with each unknown word replaced by its closest known word, or None
    when there is nothing to correct."""
    folded = [" ".join(normalize.tokens(word)) for word in words]
    checked = [word for word in folded if len(word) >= MIN_LENGTH and not word.isdigit() and " " not in word]
    if not checked:
        return None
    known = dict(Term.objects.filter(term__in=checked).values_list("term", "documents"))
    corrected: list[str] = []
    changed = False
    for word, fold in zip(words, folded, strict=True):
        best = None
        if fold in checked:
            best = closest(fold, known[fold] * MORE_COMMON if fold in known else 0)
        corrected.append(best or word)
        changed = changed or best is not None
    return corrected if changed else None


def closest(word: str, fewest: int = 0) -> str | None:
    """The known word nearest to the folded `word` and in at least `fewest` items, as written in
    the text, or None."""
    limit = max_distance(word)
    found = []
    for term, shown, documents in candidates(word):
        distance = Levenshtein.distance(word, term, score_cutoff=limit)
        if distance <= limit and documents >= fewest and term != word and not same_word(word, term):
            found.append((distance, -documents, term, shown))
    return min(found)[3] if found else None


def same_word(word: str, term: str) -> bool:
    return any(normalize.stem(word, language) == normalize.stem(term, language) for language in ("ky", "ru"))


def candidates(word: str) -> list[tuple[str, str, int]]:
    """(term, shown, documents) of vocabulary words resembling the folded `word`."""
    shortest, longest = len(word) - max_distance(word), len(word) + max_distance(word)
    if connection.vendor == "postgresql":
        sql = """
            SELECT term, shown, documents FROM search_term
            WHERE term %% %s AND char_length(term) BETWEEN %s AND %s
            ORDER BY similarity(term, %s) DESC, documents DESC LIMIT %s
        """
        params: list[str | int] = [word, shortest, longest, word, CANDIDATES]
    else:
        trigrams = sorted({word[start : start + 3] for start in range(len(word) - 2)})
        sql = """
            SELECT search_term.term, search_term.shown, search_term.documents
            FROM search_term_fts JOIN search_term ON search_term.id = search_term_fts.rowid
            WHERE search_term_fts MATCH %s AND length(search_term.term) BETWEEN %s AND %s
            ORDER BY bm25(search_term_fts), search_term.documents DESC LIMIT %s
        """
        params = [" OR ".join(f'"{trigram}"' for trigram in trigrams), shortest, longest, CANDIDATES]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows: list[tuple[str, str, int]] = cursor.fetchall()
        return rows
