"""One search over the whole site, the same on PostgreSQL and SQLite.

Each app describes what it offers to search in `<app>/search.py` as a `SearchSection`: a
queryset of what the public may see, the translated fields to look in, and their weights.
search/index.py keeps one index entry per item with its words already normalised in Python
(search/normalize.py: folded, stemmed); the database only matches terms and ranks:

- PostgreSQL: a stored tsvector (configuration `simple`) with a GIN index, ranked by ts_rank;
- SQLite: an FTS5 table, ranked by bm25.

A query word looks for each of the forms it may be indexed as (its Kyrgyz and Russian stems, its
folded form, itself); every word must be found. The hits are filtered by the sections' public
querysets in the same SQL query, ranked, and only their section and id are read: model instances
are built for the page shown (`Results.page`). When little is found, search/spelling.py proposes
a correction from the vocabulary of indexed words, and a query of several words falls back to
items with any of them. docs/search.md tells the whole story.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from django.conf import settings
from django.core.paginator import Page
from django.db import connection
from django.db.models import Exists, Model, OuterRef, Q, QuerySet
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.html import escape
from django.utils.safestring import mark_safe

from search import normalize, spelling
from search.index import plain_text, word_forms
from search.models import Entry
from unionsite import registry
from unionsite.paging import page_of
from unionsite.text import visible_text

MAX_QUERY_LENGTH = 200
MAX_WORDS = 8
# Hits ranked and counted for one query; a reader does not page further than this.
MAX_RESULTS = 300
# The best matches checked for visibility, of which MAX_RESULTS are kept (drafts are few).
RANKED = 2 * MAX_RESULTS
# Fewer hits than this and the search tries a spelling correction, then any of the words.
FEW = 3
# A last word at least this long may be a word still being typed ("проф" for профсоюз).
PREFIX_LENGTH = 3
SNIPPET_LENGTH = 220
LANGUAGES = ("ky", "ru")
# Title (A), lead (B), body (C): ts_rank takes {D, C, B, A}, bm25 one weight per FTS5 column.
PG_WEIGHTS = "{0.1, 0.2, 0.4, 1.0}"
SQLITE_WEIGHTS = (10.0, 4.0, 1.0)


@dataclass(frozen=True)
class SearchSection:
    key: str
    label: str | Promise
    result_label: str | Promise
    get_queryset: Callable[[], QuerySet[Any]]
    weights: dict[str, str] = field(default_factory=dict)
    plain_fields: tuple[str, ...] = ()
    snippet_fields: tuple[str, ...] = ()
    title_field: str = "title"

    def languages(self) -> list[str]:
        return [code for code, _name in settings.LANGUAGES]

    @property
    def model(self) -> type[Model]:
        return self.get_queryset().model


@dataclass(frozen=True)
class Match:
    section: str
    object_id: int
    rank: float


@dataclass
class SearchHit:
    section: SearchSection
    obj: Model
    rank: float
    keys: frozenset[str] = frozenset()

    @cached_property
    def snippet(self) -> str:
        """Cut and highlighted when shown: a page shows 10 of up to MAX_RESULTS hits."""
        return highlight_snippet(self, self.keys)


@dataclass
class Results:
    """The ranked hits of a query, as (section, id, rank) until a page of them is shown."""

    query: str
    matches: list[Match] = field(default_factory=list)
    keys: frozenset[str] = frozenset()
    # A corrected query that finds something, and whether the hits shown are its own (the query
    # as typed found nothing).
    suggestion: str = ""
    corrected: bool = False

    def __len__(self) -> int:
        return len(self.matches)

    def add(self, matches: Iterable[Match]) -> None:
        seen = {(match.section, match.object_id) for match in self.matches}
        self.matches += [match for match in matches if (match.section, match.object_id) not in seen]
        del self.matches[MAX_RESULTS:]

    def page(self, number: str | int | None, per_page: int) -> Page[SearchHit]:
        """The page `number` (anything: the nearest valid page), its hits built from the database."""
        page: Page[Any] = page_of(self.matches, per_page, number)
        page.object_list = hits_for(page.object_list, self.keys)
        return page


def sections() -> list[SearchSection]:
    """The content apps' search sections, in menu order (unionsite/registry.py)."""
    return registry.search_sections()


def clean_query(raw: str) -> str:
    """The query as typed, made safe: invisible characters gone, cut to a sane length, spaces folded."""
    return " ".join(visible_text(raw).split())[:MAX_QUERY_LENGTH]


def words_of(query: str) -> list[str]:
    """The written words of the query (letters and digits only: no operator reaches the database),
    without stopwords (и, менен, ...) unless it has nothing else."""
    words = normalize.WORD_RE.findall(query)
    meaningful = [word for word in words if normalize.fold(word) not in normalize.STOPWORDS]
    return (meaningful or words)[:MAX_WORDS]


def alternatives(word: str) -> frozenset[str]:
    """The terms that find `word` in either language's text."""
    return frozenset(word_forms(word, "ky") + word_forms(word, "ru"))


def search(query: str, only_section: str | None = None) -> Results:
    """The hits for `query` across the sections (or one), best first."""
    words = words_of(query)
    results = Results(query)
    if not words:
        return results
    chosen = [section for section in sections() if only_section in (None, section.key)]
    wanted = [alternatives(word) for word in words]
    results.keys = frozenset().union(*wanted)
    results.add(run(wanted, chosen))
    if len(results) < FEW:
        corrected = spelling.correct(words)
        if corrected:
            fixed = [alternatives(word) for word in corrected]
            found = run(fixed, chosen)
            if found:
                results.suggestion = " ".join(corrected)
                results.corrected = not results.matches
                results.keys = results.keys.union(*fixed)
                results.add(found)
                wanted = [a | b for a, b in zip(wanted, fixed, strict=True)]
    last = normalize.fold(words[-1])
    if len(results) < FEW and len(last) >= PREFIX_LENGTH and not last.isdigit():
        results.add(run([*wanted[:-1], wanted[-1] | {last + PREFIX}], chosen))
    if len(results) < FEW and len(wanted) > 1:
        results.add(run([frozenset().union(*wanted)], chosen))
    return results


# Marks a term that matches every indexed word it begins (only query words become terms, and
# they hold letters and digits only).
PREFIX = "*"


def query_term(term: str, vendor: str) -> str:
    """A term in the database's query syntax: "'проф':*" or '"проф"*' for a prefix."""
    word, is_prefix = term.removesuffix(PREFIX), term.endswith(PREFIX)
    if vendor == "postgresql":
        return f"'{word}':*" if is_prefix else f"'{word}'"
    return f'"{word}"*' if is_prefix else f'"{word}"'


def run(wanted: Sequence[frozenset[str]], chosen: Sequence[SearchSection]) -> list[Match]:
    """Matches with every group of `wanted` (a term of each), in the chosen sections, best first."""
    if not wanted or not chosen:
        return []
    visible_sql, visible_params = visibility(chosen)
    groups = [sorted(group) for group in wanted]
    # The best RANKED matches are checked for visibility, not every match: a common word matches
    # thousands of items, and asking each whether it is public cost more than ranking them all.
    if len(chosen) < len(sections()):
        keys = ", ".join("%s" for _ in chosen)
        in_sections, section_params = f"AND search_entry.section IN ({keys})", [s.key for s in chosen]
    else:
        in_sections, section_params = "", []
    if connection.vendor == "postgresql":
        text = " & ".join(
            "(" + " | ".join(query_term(term, "postgresql") for term in group) + ")" for group in groups
        )
        ranked = f"""
            SELECT search_entry.id, ts_rank('{PG_WEIGHTS}', search_entry.rank_vector, query) AS rank
            FROM search_entry, to_tsquery('simple', %s) query
            WHERE search_entry.vector @@ query {in_sections}
            ORDER BY rank DESC, search_entry.id DESC LIMIT {RANKED}
        """  # noqa: S608 - the query text and section keys are parameters
    else:
        text = " AND ".join(
            "(" + " OR ".join(query_term(term, "sqlite") for term in group) + ")" for group in groups
        )
        weights = ", ".join(str(weight) for weight in SQLITE_WEIGHTS)
        ranked = f"""
            SELECT search_entry.id, -bm25(search_entry_fts, {weights}) AS rank
            FROM search_entry_fts JOIN search_entry ON search_entry.id = search_entry_fts.rowid
            WHERE search_entry_fts MATCH %s {in_sections}
            ORDER BY rank DESC, search_entry.id DESC LIMIT {RANKED}
        """  # noqa: S608
    sql = f"""
        SELECT search_entry.section, search_entry.object_id, ranked.rank
        FROM ({ranked}) ranked JOIN search_entry ON search_entry.id = ranked.id
        WHERE {visible_sql}
        ORDER BY ranked.rank DESC, search_entry.id DESC LIMIT {MAX_RESULTS}
    """  # noqa: S608 - the visibility SQL is Django's
    with connection.cursor() as cursor:
        cursor.execute(sql, [text, *section_params, *visible_params])
        return [Match(section, object_id, rank) for section, object_id, rank in cursor.fetchall()]


def visibility(chosen: Sequence[SearchSection]) -> tuple[str, list[Any]]:
    """SQL keeping the entries of the chosen sections whose item the public may see now: the
    sections' own querysets decide, so a draft, an item scheduled for later or one unpublished by
    an update() is never found.

    Building and compiling six querysets costs more than the search itself, so the SQL is made
    once per process (and language and database) and only the current time is put in again: a
    datetime parameter (as the database gets it) made while compiling is the `timezone.now()` of
    a `published()` filter.
    A section's queryset may compare with the current time, not with a time computed from it.
    """
    key = (tuple(section.key for section in chosen), translation.get_language(), connection.alias)
    if key not in _visibility_sql:
        adapt = connection.ops.adapt_datetimefield_value
        before = adapt(timezone.now())
        sql, params = _compile_visibility(chosen)
        after = adapt(timezone.now())
        now = [type(value) is type(before) and before <= value <= after for value in params]
        _visibility_sql[key] = (sql, params, now)
    sql, params, now = _visibility_sql[key]
    current = connection.ops.adapt_datetimefield_value(timezone.now())
    return sql, [current if is_now else value for value, is_now in zip(params, now, strict=True)]


# (section keys, language, database alias) → (SQL, parameters, which parameters are the current time)
_visibility_sql: dict[tuple[tuple[str, ...], str | None, str], tuple[str, list[Any], list[bool]]] = {}


def _compile_visibility(chosen: Sequence[SearchSection]) -> tuple[str, list[Any]]:
    condition = Q()
    for section in chosen:
        public = section.get_queryset()
        if public.query.where:
            # Asked of each matching entry by primary key, rather than listing every public item.
            visible = Exists(public.order_by().filter(pk=OuterRef("object_id")))
            condition |= Q(section=section.key) & Q(visible)
        else:
            condition |= Q(section=section.key)
    query = Entry.objects.filter(condition).query
    sql, params = query.get_compiler(connection=connection).compile(query.where)
    return f"({sql})", list(params)


def hits_for(matches: Iterable[Match], keys: frozenset[str] = frozenset()) -> list[SearchHit]:
    """The matches as hits with their objects: one query per section among them."""
    by_key = {section.key: section for section in sections()}
    ids = defaultdict(list)
    for match in matches:
        ids[match.section].append(match.object_id)
    objects = {key: by_key[key].get_queryset().in_bulk(pks) for key, pks in ids.items() if key in by_key}
    return [
        SearchHit(by_key[match.section], objects[match.section][match.object_id], match.rank, keys)
        for match in matches
        if match.object_id in objects.get(match.section, {})
    ]


def matches_keys(word: str, keys: frozenset[str], seen: dict[str, bool]) -> bool:
    """Whether a written word of a text is a form the query looks for (`seen` remembers words)."""
    if word not in seen:
        seen[word] = any(form in keys for language in LANGUAGES for form in word_forms(word, language))
    return seen[word]


def highlight_snippet(hit: SearchHit, keys: frozenset[str]) -> str:
    """A short excerpt around the first word that matched, escaped, with the matching words in <mark>."""
    texts = [plain_text(getattr(hit.obj, name, "")) for name in hit.section.snippet_fields]
    texts = [text for text in texts if text]
    if not texts:
        return ""
    chosen, position = texts[0], 0
    seen: dict[str, bool] = {}
    for text in texts:
        words = normalize.WORD_RE.finditer(text)
        found = next((word.start() for word in words if matches_keys(word.group(), keys, seen)), None)
        if found is not None:
            chosen, position = text, found
            break
    start = max(0, position - SNIPPET_LENGTH // 3)
    # Start and end on whole words.
    space = chosen.find(" ", start, position)
    if start > 0 and space != -1:
        start = space + 1
    excerpt = chosen[start : start + SNIPPET_LENGTH]
    prefix = "…" if start > 0 else ""
    suffix = "…" if start + SNIPPET_LENGTH < len(chosen) else ""
    return mark_safe(prefix + mark_words(excerpt, keys, seen) + suffix)  # noqa: S308 (escaped in mark_words)


def mark_words(text: str, keys: frozenset[str], seen: dict[str, bool]) -> str:
    out: list[str] = []
    cursor = 0
    for match in normalize.WORD_RE.finditer(text):
        if matches_keys(match.group(), keys, seen):
            out.append(escape(text[cursor : match.start()]))
            out.append(f"<mark>{escape(match.group())}</mark>")
            cursor = match.end()
    out.append(escape(text[cursor:]))
    return "".join(out)
