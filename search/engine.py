"""One search over the whole site.

Each app describes what it offers to search in `<app>/search.py` as a `SearchSection`: a
queryset of what the public may see, the translated fields to look in, and their weights.
This module runs the query on the database at hand:

- PostgreSQL: full-text search over the language columns (`title_ky`, `title_ru`, ...) with
  the `russian` configuration for Russian and `simple` with prefix matching for Kyrgyz (words
  take many endings: жаңылык, жаңылыктар, жаңылыктарды), plus pg_trgm word similarity on the
  titles with ң/ө/ү folded to н/о/у, so that "жаныылык" or "Ысык-Кол" still find "жаңылык" and
  "Ысык-Көл".
- SQLite (development): every word must appear in one of the fields, case-insensitively.

Snippets are cut and highlighted in Python, the same way for both backends.
"""

import html
import re
from dataclasses import dataclass, field
from functools import cached_property

from django.conf import settings
from django.db import connection
from django.db.models import BooleanField, F, FloatField, Func, Q, TextField, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, Greatest
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

from unionsite import registry
from unionsite.text import visible_text

MAX_QUERY_LENGTH = 200
MAX_WORDS = 8
RESULTS_PER_SECTION = 50
SNIPPET_LENGTH = 220
TRIGRAM_THRESHOLD = 0.45
LANGUAGE_CONFIGS = {"ky": "simple", "ru": "russian"}
KYRGYZ_LETTERS, PLAIN_LETTERS = "ңөүҢӨҮ", "ноуНОУ"
FOLD_TABLE = str.maketrans(KYRGYZ_LETTERS, PLAIN_LETTERS)
WORD_RE = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class SearchSection:
    key: str
    label: str
    result_label: str
    get_queryset: object
    weights: dict = field(default_factory=dict)
    plain_fields: tuple = ()
    snippet_fields: tuple = ()
    title_field: str = "title"

    def languages(self):
        return [code for code, _name in settings.LANGUAGES]

    def columns(self, name):
        return [f"{name}_{code}" for code in self.languages()]


@dataclass
class SearchHit:
    section: SearchSection
    obj: object
    rank: float
    words: tuple = ()

    @cached_property
    def snippet(self):
        """Cut and highlighted when shown: a page shows 10 of up to 200 hits."""
        return highlight_snippet(self, self.words)


def sections():
    """The content apps' search sections, in menu order (unionsite/registry.py)."""
    return registry.search_sections()


def clean_query(raw):
    """The query as typed, made safe: invisible characters gone, cut to a sane length, spaces folded."""
    return " ".join(visible_text(raw).split())[:MAX_QUERY_LENGTH]


def words_of(query):
    return WORD_RE.findall(query)[:MAX_WORDS]


def fold(text):
    return text.translate(FOLD_TABLE).lower()


def search(query, only_section=None):
    """Hits for `query` across the sections (or one), best first."""
    words = words_of(query)
    if not words:
        return []
    chosen = [s for s in sections() if only_section in (None, s.key)]
    hits = []
    stored = connection.vendor == "postgresql" and all(has_stored_columns(section) for section in chosen)
    for section in chosen:
        if connection.vendor != "postgresql":
            run = _search_simple
        elif stored:
            run = _search_postgresql_stored
        else:
            run = _search_postgresql
        hits.extend(run(section, words))
    if stored and not hits:
        # Nothing has the words: look for titles that resemble them (a misspelling, Kyrgyz
        # letters typed on a Russian keyboard).
        for section in chosen:
            hits.extend(_similar_titles(section, words))
    for hit in hits:
        hit.words = tuple(words)
    hits.sort(key=lambda hit: hit.rank, reverse=True)
    return hits


def _search_postgresql(section, words):
    from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector, TrigramWordSimilarity

    vector = None
    for name, weight in section.weights.items():
        for code in section.languages():
            part = SearchVector(f"{name}_{code}", config=LANGUAGE_CONFIGS.get(code, "simple"), weight=weight)
            vector = part if vector is None else vector + part
    for name in section.plain_fields:
        part = SearchVector(name, config="simple", weight="A")
        vector = part if vector is None else vector + part
    prefix_terms = " & ".join(f"{word}:*" for word in words)
    query = SearchQuery(prefix_terms, config="simple", search_type="raw") | SearchQuery(
        prefix_terms, config="russian", search_type="raw"
    )
    folded_query = fold(" ".join(words))
    similarities = [
        TrigramWordSimilarity(
            Value(folded_query),
            Func(
                Func(Coalesce(F(column), Value("")), function="lower"),
                Value(KYRGYZ_LETTERS.lower()),
                Value(PLAIN_LETTERS.lower()),
                function="translate",
            ),
        )
        for column in section.columns(section.title_field)
    ]
    similarity = Greatest(*similarities) if len(similarities) > 1 else similarities[0]
    queryset = (
        section.get_queryset()
        .annotate(
            text_rank=SearchRank(vector, query),
            title_similarity=similarity,
        )
        .filter(Q(text_rank__gt=0) | Q(title_similarity__gte=TRIGRAM_THRESHOLD))
        .annotate(search_rank=F("text_rank") + F("title_similarity") * Value(0.5, output_field=FloatField()))
        .order_by("-search_rank")[:RESULTS_PER_SECTION]
    )
    return [SearchHit(section, obj, obj.search_rank) for obj in queryset]


STORED_COLUMNS = ("search_vector", "search_title")
_tables_with_stored_columns = None


def has_stored_columns(section):
    """Whether the section's table has the stored search columns (search/columns.py).

    Looked up once per process, for all tables in one query.
    """
    global _tables_with_stored_columns
    if _tables_with_stored_columns is None:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT table_name FROM information_schema.columns WHERE table_schema = current_schema() "
                "AND column_name = %s",
                [STORED_COLUMNS[0]],
            )
            _tables_with_stored_columns = {row[0] for row in cursor.fetchall()}
    return section.get_queryset().model._meta.db_table in _tables_with_stored_columns


def set_trigram_threshold(sender, connection, **kwargs):
    """Make pg_trgm's `<%` operator match at our threshold on every new PostgreSQL connection."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT set_config('pg_trgm.word_similarity_threshold', %s, false)", [str(TRIGRAM_THRESHOLD)]
            )


class WordSimilar(Func):
    """`title %> 'words'`: pg_trgm's indexable word-similarity test, at the connection's threshold.
    (django.contrib.postgres registers it as a lookup only when that app is installed.)"""

    template = "%(expressions)s"
    arg_joiner = " %%> "
    output_field = BooleanField()


def _stored_column(section, name, output_field):
    table = section.get_queryset().model._meta.db_table
    # The table name comes from the model's Meta, never from the request.
    return RawSQL(f'"{table}"."{name}"', [], output_field=output_field)  # noqa: S611


def _search_postgresql_stored(section, words):
    """Full-text matches on the stored, indexed columns (search/columns.py).

    Found with the GIN index on `search_vector`, ranked on titles and leads (`search_rank_vector`),
    newest first among equals. Titles that only resemble the words are looked for separately, and
    only when nothing matches (`_similar_titles`): testing every title for similarity on a common
    word cost 200 ms at 10,000 reports, as pg_trgm's index does not help when most titles qualify.
    """
    from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField

    prefix_terms = " & ".join(f"{word}:*" for word in words)
    query = SearchQuery(prefix_terms, config="simple", search_type="raw") | SearchQuery(
        prefix_terms, config="russian", search_type="raw"
    )
    matches = (
        section.get_queryset()
        .alias(stored_vector=_stored_column(section, "search_vector", SearchVectorField()))
        .filter(stored_vector=query)
        .annotate(
            search_rank=SearchRank(_stored_column(section, "search_rank_vector", SearchVectorField()), query)
        )
        .order_by("-search_rank", "-pk")[:RESULTS_PER_SECTION]
    )
    return [SearchHit(section, obj, obj.search_rank) for obj in matches]


def _similar_titles(section, words):
    from django.contrib.postgres.search import TrigramWordSimilarity

    title = _stored_column(section, "search_title", TextField())
    folded = Value(fold(" ".join(words)))
    similar = (
        section.get_queryset()
        .filter(WordSimilar(title, folded))
        .annotate(search_rank=TrigramWordSimilarity(folded, title) * Value(0.5))
        .order_by("-search_rank", "-pk")[:RESULTS_PER_SECTION]
    )
    return [SearchHit(section, obj, obj.search_rank) for obj in similar]


def _search_simple(section, words):
    """Every word in some field of either language. SQLite folds the case of ASCII letters only,
    so Cyrillic words are tried as typed, in lower case and capitalised."""
    condition = Q()
    for word in words:
        variants = {word, word.lower(), word.capitalize(), word.upper()}
        any_field = Q()
        columns = [column for name in section.weights for column in section.columns(name)]
        for column in [*columns, *section.plain_fields]:
            for variant in variants:
                any_field |= Q(**{f"{column}__contains": variant})
        condition &= any_field
    queryset = section.get_queryset().filter(condition)[:RESULTS_PER_SECTION]
    hits = []
    for obj in queryset:
        title = fold(str(getattr(obj, section.title_field, "") or ""))
        rank = sum(1.0 for word in words if fold(word) in title) + 0.1
        hits.append(SearchHit(section, obj, rank))
    return hits


def plain_text(value):
    return " ".join(html.unescape(strip_tags(value or "")).split())


def highlight_snippet(hit, words):
    """A short excerpt around the first match, escaped, with the matching words in <mark>."""
    texts = [plain_text(getattr(hit.obj, name, "")) for name in hit.section.snippet_fields]
    texts = [text for text in texts if text]
    if not texts:
        return ""
    folded_words = [fold(word) for word in words]
    chosen, position = texts[0], 0
    for text in texts:
        folded = fold(text)
        found = [folded.find(word) for word in folded_words if word in folded]
        if found:
            chosen, position = text, min(found)
            break
    start = max(0, position - SNIPPET_LENGTH // 3)
    excerpt = chosen[start : start + SNIPPET_LENGTH]
    prefix = "…" if start > 0 else ""
    suffix = "…" if start + SNIPPET_LENGTH < len(chosen) else ""
    return mark_safe(prefix + _mark_words(excerpt, folded_words) + suffix)  # noqa: S308 (escaped below)


def _mark_words(text, folded_words):
    folded = fold(text)
    spans = []
    for word in folded_words:
        for match in re.finditer(re.escape(word), folded):
            spans.append((match.start(), match.end()))
    spans.sort()
    out, cursor = [], 0
    for begin, end in spans:
        if begin < cursor:
            continue
        out.append(escape(text[cursor:begin]))
        out.append(f"<mark>{escape(text[begin:end])}</mark>")
        cursor = end
    out.append(escape(text[cursor:]))
    return "".join(out)
