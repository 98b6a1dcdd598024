"""Recall@10 and MRR of the search on the judged query set (devtools/judged_queries.py).

For each query: recall@10 is the share of its must-find items among the first 10 hits, and its
reciprocal rank is 1/position of the first must-find item among them (0 if none is). Both are
averaged over the queries of each language. `make search-eval` prints them; the test suite
asserts recall@10 >= 0.95 and MRR >= 0.8 per language (tests/search/test_judged_set.py).
"""

from dataclasses import dataclass, field

from django.utils import translation

from devtools.judged_queries import JUDGED_QUERIES, item_key
from search import engine

CUTOFF = 10


@dataclass
class Outcome:
    query: dict
    shown: list
    recall: float
    reciprocal_rank: float

    @property
    def missed(self):
        return [key for key in self.query["must_find"] if key not in self.shown]


@dataclass
class Figures:
    language: str
    outcomes: list = field(default_factory=list)

    @property
    def recall(self):
        return sum(outcome.recall for outcome in self.outcomes) / len(self.outcomes)

    @property
    def mrr(self):
        return sum(outcome.reciprocal_rank for outcome in self.outcomes) / len(self.outcomes)


def judge(query):
    """Run one judged query as a reader would (the search page of its language, first page)."""
    with translation.override(query["language"]):
        results = engine.search(engine.clean_query(query["query"]))
        hits = engine.hits_for(results.matches[:CUTOFF])
    shown = [item_key(hit.section.key, hit.obj) for hit in hits]
    wanted = query["must_find"]
    recall = sum(1 for key in wanted if key in shown) / len(wanted)
    first = next((position for position, key in enumerate(shown, start=1) if key in wanted), None)
    return Outcome(query, shown, recall, 1 / first if first else 0.0)


def evaluate(queries=JUDGED_QUERIES):
    """Figures per language, in the order the languages first appear."""
    figures = {}
    for query in queries:
        language = query["language"]
        figures.setdefault(language, Figures(language)).outcomes.append(judge(query))
    return list(figures.values())
