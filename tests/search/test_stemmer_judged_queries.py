"""The judged query set (devtools/judged_queries.py) is well formed and names real demo items."""

from collections import Counter
from pathlib import Path

import pytest

from devtools.judged_queries import JUDGED_QUERIES, KINDS, item_key
from search.normalize import term_pairs

ROOT = Path(__file__).resolve().parents[2]
# Where each section's demo items, and so their slugs, are written.
DEMO_SOURCES = {
    "news": ["news/demo.py"],
    "events": ["events/demo.py"],
    "faq": ["faq/demo.py"],
    "documents": ["documents/demo.py"],
    "structure": ["structure/demo.py", "structure/fixtures/organisations-example.csv"],
    "pages": ["pages/demo.py"],
}


def test_each_language_has_at_least_35_queries_of_every_kind_between_them():
    languages = Counter(query["language"] for query in JUDGED_QUERIES)
    assert languages["ky"] >= 35
    assert languages["ru"] >= 35
    assert set(languages) == {"ky", "ru"}
    assert {query["kind"] for query in JUDGED_QUERIES} == set(KINDS)
    for language in ("ky", "ru"):
        kinds = {query["kind"] for query in JUDGED_QUERIES if query["language"] == language}
        assert {"typo", "two-word", "mixed", "missing-letters"} <= kinds


def test_the_issue_queries_are_there():
    queries = {query["query"] for query in JUDGED_QUERIES}
    assert {"жаштарды", "Ысык-Кол", "отпуск", "отпуска", "уволить", "увольнение"} <= queries
    assert any(query.startswith("жаны ") for query in queries)
    assert any("отпуском" in query for query in queries)


@pytest.mark.parametrize("query", JUDGED_QUERIES, ids=lambda query: query["query"])
def test_a_query_is_well_formed(query):
    assert set(query) == {"query", "language", "kind", "must_find"}
    assert query["kind"] in KINDS
    assert term_pairs(query["query"])
    assert query["must_find"]
    assert len(set(query["must_find"])) == len(query["must_find"])
    for key in query["must_find"]:
        section, slug = key.split(":")
        sources = "".join((ROOT / path).read_text(encoding="utf-8") for path in DEMO_SOURCES[section])
        assert slug in sources, f"{key} is not in the demo content"


def test_queries_are_not_repeated():
    texts = Counter((query["query"].lower(), query["language"]) for query in JUDGED_QUERIES)
    assert [text for text, count in texts.items() if count > 1] == []


def test_item_key_uses_the_kyrgyz_slug_when_there_is_one():
    class Page:
        slug = "o-profsoyuze"
        slug_ky = "kesiptik-birlik-zhonundo"

    class Report:
        slug = "talas-plenum-2025"

    assert item_key("pages", Page()) == "pages:kesiptik-birlik-zhonundo"
    assert item_key("news", Report()) == "news:talas-plenum-2025"
