"""The benchmark's own database: chosen by URL, never the site's database.

`manage.py populate_bench` and `manage.py run_bench` work on a separate database: an SQLite file
var/bench/bench.sqlite3 by default, or the database named by `--database-url` or
BENCH_DATABASE_URL (PostgreSQL for the real measurements). They point Django's default connection
at it before their first query, so every model, queryset and treebeard helper works unchanged.
"""

import os

import dj_database_url
from django.conf import settings
from django.core.management.base import CommandError
from django.db import connections

BENCH_DIR = settings.BASE_DIR / "var" / "bench"
DEFAULT_BENCH_DATABASE_URL = f"sqlite:///{BENCH_DIR / 'bench.sqlite3'}"


def bench_database_url(option=None):
    return option or os.environ.get("BENCH_DATABASE_URL") or DEFAULT_BENCH_DATABASE_URL


def _identity(config):
    return (
        config.get("ENGINE"),
        config.get("HOST") or "",
        str(config.get("PORT") or ""),
        str(config.get("NAME")),
    )


def use_bench_database(url):
    """Point the default connection at the bench database; refuse the site's own database."""
    config = dj_database_url.parse(url, conn_max_age=0)
    if _identity(config) == _identity(connections.settings["default"]):
        raise CommandError(
            "The bench database is the site's own database, and populate_bench empties it. "
            "Give a separate database with --database-url or BENCH_DATABASE_URL."
        )
    if config["ENGINE"].endswith("sqlite3"):
        BENCH_DIR.mkdir(parents=True, exist_ok=True)
    connections["default"].close()
    connections.settings["default"] = config
    connections.configure_settings(connections.settings)
    del connections["default"]
    return config
