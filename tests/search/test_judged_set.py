"""The judged query set (devtools/judged_queries.py) over the demo content, on the database the suite
runs on (CI runs it on SQLite, then on PostgreSQL): recall@10 and MRR per language."""

import io

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import override_settings

from devtools.management.commands.search_eval import MRR_TARGET, RECALL_TARGET
from devtools.search_evaluation import evaluate

# pytest-django creates the test database only for runs that hold a test marked as using it: the
# module's fixture alone would find no tables when this file runs on its own (or first on a worker).
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def figures(django_db_setup, django_db_blocker, tmp_path_factory):
    media = tmp_path_factory.mktemp("demo-media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media), transaction.atomic():
        call_command("load_demo", stdout=io.StringIO())
        yield {figures.language: figures for figures in evaluate()}
        transaction.set_rollback(True)


def failures(figures):
    return "\n".join(
        f"{outcome.query['query']!r}: missed {outcome.missed}, rr {outcome.reciprocal_rank:.2f}, "
        f"shown {outcome.shown}"
        for outcome in figures.outcomes
        if outcome.missed or outcome.reciprocal_rank < 1
    )


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_judged_queries_find_what_they_must_on_this_database(figures, language):
    found = figures[language]
    assert len(found.outcomes) >= 30
    summary = f"{connection.vendor} {language}: recall@10 {found.recall:.3f}, MRR {found.mrr:.3f}\n"
    assert found.recall >= RECALL_TARGET, summary + failures(found)
    assert found.mrr >= MRR_TARGET, summary + failures(found)
