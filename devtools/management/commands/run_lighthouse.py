"""Lighthouse (mobile profile) on the home page, a report, the FAQ and the library: `make lighthouse`.

The pages are served as in `make bench` (gunicorn, DEBUG off, 127.0.0.1, the bench database),
through devtools/wsgi_with_media.py so that the photos answer as nginx would serve them. Prints
the four category scores per page against the targets, and the audits that lost points.
"""

import json
import os
import socket
import subprocess
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from devtools.benchdb import BENCH_DIR, bench_database_url, use_bench_database
from devtools.management.commands.run_bench import HOST, Server
from devtools.management.commands.run_bench import Command as BenchCommand

CATEGORIES = {"performance": 0.95, "accessibility": 1.0, "best-practices": 0.95, "seo": 1.0}
PAGES = ("home", "report", "FAQ", "documents list")


class Command(BaseCommand):
    help = "Run Lighthouse (mobile) on four page types of the bench site and print the scores."

    def add_arguments(self, parser):
        parser.add_argument("--database-url", help="Default: BENCH_DATABASE_URL or var/bench/bench.sqlite3.")
        parser.add_argument("--lighthouse", default="var/lighthouse/node_modules/.bin/lighthouse")
        parser.add_argument("--output", help="Also write the report (Markdown) to this file.")

    def handle(self, *args, **options):
        url = bench_database_url(options["database_url"])
        use_bench_database(url)
        lighthouse = Path(options["lighthouse"]).resolve()
        if not lighthouse.exists():
            raise CommandError(f"{lighthouse} is missing: make lighthouse installs it with npm.")
        chrome = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
        bench = BenchCommand()
        pages = [page for page in bench.pages() if page.name in PAGES]
        env = bench.server_env(url)
        bench.collectstatic(env)
        with socket.socket() as sock:
            sock.bind((HOST, 0))
            port = sock.getsockname()[1]
        out_dir = BENCH_DIR / "lighthouse"
        out_dir.mkdir(parents=True, exist_ok=True)
        lines = [
            "| page | " + " | ".join(CATEGORIES) + " |",
            "|---|" + "---:|" * len(CATEGORIES),
        ]
        problems = []
        with Server(
            port, {**env, "CHROME_PATH": chrome}, app="devtools.wsgi_with_media:application"
        ) as server:
            for page in pages:
                report_path = out_dir / f"{page.name.replace(' ', '-')}.json"
                subprocess.run(  # noqa: S603 - our own arguments, loopback URL
                    [
                        str(lighthouse),
                        server.url(page.path),
                        "--quiet",
                        "--output=json",
                        f"--output-path={report_path}",
                        "--only-categories=" + ",".join(CATEGORIES),
                        "--chrome-flags=--headless --no-sandbox --disable-gpu",
                    ],
                    env={**os.environ, "CHROME_PATH": chrome},
                    check=True,
                    timeout=300,
                )
                result = json.loads(report_path.read_text(encoding="utf-8"))
                scores = {key: result["categories"][key]["score"] for key in CATEGORIES}
                cells = [
                    f"{scores[key]:.2f}" + ("" if scores[key] >= target else " ✗")
                    for key, target in CATEGORIES.items()
                ]
                lines.append(f"| {page.name} | " + " | ".join(cells) + " |")
                for key in CATEGORIES:
                    for ref in result["categories"][key]["auditRefs"]:
                        audit = result["audits"][ref["id"]]
                        if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                            shown = audit.get("displayValue") or ""
                            problems.append(f"- {page.name}, {key}: {audit['title']} {shown}".rstrip())
        lines += ["", "Targets: " + ", ".join(f"{key} ≥ {target}" for key, target in CATEGORIES.items()), ""]
        if problems:
            lines += ["Audits that lost points:", "", *problems, ""]
        report = "\n".join(lines) + "\n"
        self.stdout.write(report)
        if options["output"]:
            Path(options["output"]).write_text(report, encoding="utf-8")
