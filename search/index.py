"""What the index holds for an item, and keeping it current.

Every word of an item's text is indexed as the forms a reader might type it in (`word_forms`):
its stem in the field's language, its folded form (ң→н, ө→о, ү→у, lower case) and, when folding
changed it, the word as written. A query word looks for its Kyrgyz stem, its Russian stem, its
folded form and itself (search/engine.py): an inflected or folded word finds the item through
the stem, and an item with the very form typed matches more of the alternatives, which ranks it
higher. The terms go into three columns by the weight the section gives each field.

Saving an item of a search section reindexes it and deleting it removes its entry (signals
connected in search/apps.py for every section of the registry). Writes that send no signal
(`QuerySet.update()` of a searched field, `bulk_create`, raw SQL) must be followed by `rebuild()`
(`manage.py rebuild_search_index`); `populate_bench` and `load_demo` call it.
"""

import html
from collections import Counter
from functools import lru_cache
from typing import TYPE_CHECKING, Any, cast

from django.db import transaction
from django.db.models import Model
from django.db.models.signals import post_delete, post_save
from django.utils.html import strip_tags

from search import normalize
from search.models import Entry, Term
from unionsite import pagecache, registry

if TYPE_CHECKING:
    from django.core.management.base import OutputWrapper

    from search.engine import SearchSection

COLUMNS = {"A": "strong", "B": "middle", "C": "weak", "D": "weak"}
# Shorter words are not worth a spelling suggestion; longer ones are not words.
VOCABULARY_LENGTHS = range(3, cast(int, Term._meta.get_field("term").max_length) + 1)
BATCH = 500


def plain_text(value: str | None) -> str:
    """Rich text as the reader sees it: tags gone, entities decoded, spaces folded."""
    return " ".join(html.unescape(strip_tags(value or "")).split())


@lru_cache(maxsize=100_000)
def word_forms(word: str, language: str | None) -> tuple[str, ...]:
    """The terms one written word is indexed as, in `language` (None: no stemming)."""
    forms: list[str] = []
    for folded in normalize.tokens(word):
        as_written = word.lower()
        for form in (normalize.stem(folded, language) if language else folded, folded, as_written):
            if (
                form not in forms
                and normalize.WORD_RE.fullmatch(form)
                and len(form) <= normalize.MAX_TOKEN_LENGTH
            ):
                forms.append(form)
    return tuple(forms)


def text_terms(text: str, language: str | None, words: dict[str, str] | None = None) -> list[str]:
    """The index terms of `text`; `words` (a dict) collects its words for the vocabulary."""
    terms: list[str] = []
    for word in normalize.WORD_RE.findall(text):
        forms = word_forms(word, language)
        terms.extend(forms)
        if words is not None:
            for folded in normalize.tokens(word):
                if len(folded) in VOCABULARY_LENGTHS and not folded.isdigit():
                    words.setdefault(folded, word.lower())
    return terms


def item_columns(section: "SearchSection", obj: Model, words: dict[str, str] | None = None) -> dict[str, str]:
    """The three weighted columns of `obj`'s entry."""
    columns: dict[str, list[str]] = {"strong": [], "middle": [], "weak": []}
    for name, weight in section.weights.items():
        for code in section.languages():
            text = plain_text(getattr(obj, f"{name}_{code}", "") or "")
            columns[COLUMNS[weight]].extend(text_terms(text, code, words))
    for name in section.plain_fields:
        columns["strong"].extend(text_terms(str(getattr(obj, name, "") or ""), None, words))
    return {column: " ".join(terms) for column, terms in columns.items()}


def index_item(section: "SearchSection", obj: Model) -> None:
    words: dict[str, str] = {}
    columns = item_columns(section, obj, words)
    Entry.objects.bulk_create(
        [Entry(section=section.key, object_id=obj.pk, **columns)],
        update_conflicts=True,
        unique_fields=["section", "object_id"],
        update_fields=list(columns),
    )
    Term.objects.bulk_create(
        [Term(term=term, shown=shown[: normalize.MAX_TOKEN_LENGTH]) for term, shown in words.items()],
        ignore_conflicts=True,
        batch_size=BATCH,
    )


def remove_item(section: "SearchSection", obj: Model) -> None:
    Entry.objects.filter(section=section.key, object_id=obj.pk).delete()


def sections_by_model() -> dict[type[Model], list["SearchSection"]]:
    found: dict[type[Model], list[SearchSection]] = {}
    for section in registry.search_sections():
        found.setdefault(section.model, []).append(section)
    return found


def connect_signals() -> None:
    """Reindex an item of any search section when it is saved, drop it when it is deleted."""
    for model, sections in sections_by_model().items():

        def saved(
            sender: type[Model], instance: Model, sections: list["SearchSection"] = sections, **kwargs: Any
        ) -> None:
            for section in sections:
                index_item(section, instance)

        def deleted(
            sender: type[Model], instance: Model, sections: list["SearchSection"] = sections, **kwargs: Any
        ) -> None:
            for section in sections:
                remove_item(section, instance)

        uid = f"search-index-{model._meta.label_lower}"
        post_save.connect(saved, sender=model, weak=False, dispatch_uid=uid)
        post_delete.connect(deleted, sender=model, weak=False, dispatch_uid=uid)


def indexed_fields(section: "SearchSection") -> list[str]:
    names = [f"{name}_{code}" for name in section.weights for code in section.languages()]
    return ["pk", *names, *section.plain_fields]


def rebuild(stdout: "OutputWrapper | None" = None) -> None:
    """Index every item of every section afresh (drafts too: search filters by visibility), and
    count the items each word of the vocabulary is in."""
    with transaction.atomic():
        Entry.objects.all().delete()
        Term.objects.all().delete()
        counts: Counter[str] = Counter()
        shown: dict[str, Counter[str]] = {}
        for section in registry.search_sections():
            items = section.model._base_manager.only(*indexed_fields(section)).order_by("pk")
            entries: list[Entry] = []
            total = 0
            for obj in items.iterator(chunk_size=BATCH):
                words: dict[str, str] = {}
                entries.append(
                    Entry(section=section.key, object_id=obj.pk, **item_columns(section, obj, words))
                )
                counts.update(words.keys())
                for term, written in words.items():
                    shown.setdefault(term, Counter())[written] += 1
                if len(entries) == BATCH:
                    Entry.objects.bulk_create(entries)
                    total, entries = total + len(entries), []
            Entry.objects.bulk_create(entries)
            if stdout is not None:
                stdout.write(f"{section.key}: {total + len(entries)} items")
        Term.objects.bulk_create(
            (
                Term(
                    term=term,
                    shown=shown[term].most_common(1)[0][0][: normalize.MAX_TOKEN_LENGTH],
                    documents=count,
                )
                for term, count in counts.items()
            ),
            batch_size=BATCH,
        )
        if stdout is not None:
            stdout.write(f"{len(counts)} words in the vocabulary")
    pagecache.bump_generation()  # cached search pages show the index as it was
