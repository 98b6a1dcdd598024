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
from importlib import import_module

from django.conf import settings
from django.db import connection
from django.db.models import F, FloatField, Func, Q, Value
from django.db.models.functions import Coalesce, Greatest
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

SECTION_MODULES = ["news.search", "faq.search", "documents.search", "structure.search"]
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
    snippet: str = ""


def sections():
    """The sections of the apps that have one, in the order of SECTION_MODULES."""
    found = []
    for name in SECTION_MODULES:
        try:
            module = import_module(name)
        except ModuleNotFoundError as error:
            if error.name != name:
                raise
            continue
        found.append(module.section)
    return found


def clean_query(raw):
    """The query as typed, made safe: NUL bytes gone, cut to a sane length, spaces folded."""
    text = (raw or "").replace("\x00", " ")
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


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
    run = _search_postgresql if connection.vendor == "postgresql" else _search_simple
    hits = []
    for section in chosen:
        hits.extend(run(section, words))
    for hit in hits:
        hit.snippet = highlight_snippet(hit, words)
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
