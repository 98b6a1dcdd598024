"""Recall@10 and MRR of the search on the judged query set, per language, on this database's backend.

    manage.py search_eval            # a throwaway test database with the demo content (make search-eval)
    manage.py search_eval --here     # the database as it is (it must hold the demo content)

The throwaway database is made the way the test suite makes it (migrations, on the configured
backend: SQLite by default, PostgreSQL with DATABASE_URL=postgres://...), filled by
`load_demo` with its media in a temporary folder, and destroyed afterwards.
"""

import io
import tempfile

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection
from django.test.utils import override_settings

from devtools.search_evaluation import evaluate

RECALL_TARGET, MRR_TARGET = 0.95, 0.8


class Command(BaseCommand):
    help = "Print recall@10 and MRR per language for the judged query set over the demo content."

    def add_arguments(self, parser):
        parser.add_argument("--here", action="store_true", help="Use the configured database as it is.")

    def handle(self, *args, **options):
        if options["here"]:
            self.report(options["verbosity"])
            return
        name = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
        try:
            with tempfile.TemporaryDirectory() as media, override_settings(MEDIA_ROOT=media):
                call_command("load_demo", stdout=io.StringIO())
                self.report(options["verbosity"])
        finally:
            connection.creation.destroy_test_db(name, verbosity=0)

    def report(self, verbosity):
        self.stdout.write(f"Judged query set on {connection.vendor}:")
        for figures in evaluate():
            met = figures.recall >= RECALL_TARGET and figures.mrr >= MRR_TARGET
            self.stdout.write(
                f"  {figures.language}: {len(figures.outcomes)} queries, recall@10 {figures.recall:.3f}, "
                f"MRR {figures.mrr:.3f} ({'targets met' if met else 'BELOW TARGET'})"
            )
            for outcome in figures.outcomes:
                if verbosity > 1 or outcome.missed or outcome.reciprocal_rank < 1:
                    query = outcome.query
                    self.stdout.write(
                        f"    {query['query']!r} ({query['kind']}): rr {outcome.reciprocal_rank:.2f}, "
                        f"missed {outcome.missed}, shown {outcome.shown[:5]}"
                    )
