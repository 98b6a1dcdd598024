"""Search latency at benchmark volume: p50 and p90 of the search page per query, page cache off.

    manage.py search_bench                          # the bench database (see populate_bench)
    manage.py search_bench --database-url postgres://postgres@127.0.0.1:5432/unionsite_bench

Each query is asked through Django's test client, the whole request (middleware, view, template)
without network or gunicorn, once to warm up and then `--repeat` times, one at a time, DEBUG
off. The targets of issue 19: p50 under 20 ms on PostgreSQL and under 40 ms on SQLite at 10,000
reports (populate_bench's default volume). docs/search.md records the figures.
"""

import statistics
import time
import urllib.parse

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client
from django.test.utils import override_settings
from django.utils import translation

from devtools.benchdb import bench_database_url, use_bench_database
from news.models import Report
from search import engine

STATIC_STORAGE = "django.contrib.staticfiles.storage.StaticFilesStorage"
TARGETS_MS = {"postgresql": 20, "sqlite": 40}
QUERIES = [
    ("ru", "семинар мугалимдер"),  # run_bench's query: two common words
    ("ru", "отпуск"),
    ("ru", "коллективного договора"),
    ("ky", "жаштарды"),
    ("ky", "Ысык-Кол облустук"),
    ("ky", "семинрга"),  # a misspelling: the spelling suggestion's path
    ("ky", "жамааттык келишим Нарын"),
]


class Command(BaseCommand):
    help = "Time the search page at benchmark volume, page cache off (docs/search.md)."

    def add_arguments(self, parser):
        parser.add_argument("--database-url", help="Default: BENCH_DATABASE_URL or var/bench/bench.sqlite3.")
        parser.add_argument("--repeat", type=int, default=50)

    def handle(self, *args, **options):
        use_bench_database(bench_database_url(options["database_url"]))
        vendor = connection.vendor
        reports, repeat = Report.objects.count(), options["repeat"]
        self.stdout.write(f"{vendor}, {reports} reports, {repeat} requests per query")
        client = Client()
        everything = []
        # DEBUG off as in production; static files named as they are (no collectstatic manifest).
        storages = {**settings.STORAGES, "staticfiles": {"BACKEND": STATIC_STORAGE}}
        quiet = {"DEBUG": False, "STORAGES": storages, "ALLOWED_HOSTS": ["testserver"]}
        with override_settings(PAGE_CACHE_SECONDS=0, **quiet):
            for language, query in QUERIES:
                path = f"/{language}/search/?q={urllib.parse.quote(query)}"
                response = client.get(path)
                assert response.status_code == 200, (path, response.status_code)
                timings = []
                for _ in range(repeat):
                    started = time.perf_counter()
                    client.get(path)
                    timings.append((time.perf_counter() - started) * 1000)
                everything += timings
                with translation.override(language):
                    hits = len(engine.search(engine.clean_query(query)))
                self.stdout.write(
                    f"{query:<28} p50 {statistics.median(timings):6.1f} ms  "
                    f"p90 {statistics.quantiles(timings, n=10)[-1]:6.1f} ms  "
                    f"{hits:>3} hits"
                )
        p50 = statistics.median(everything)
        target = TARGETS_MS.get(vendor)
        verdict = "" if target is None else f" (target {target} ms: {'met' if p50 < target else 'NOT met'})"
        self.stdout.write(f"all queries: p50 {p50:.1f} ms{verdict}")
