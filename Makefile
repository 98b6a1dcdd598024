# The single entry point: `make run` serves the site with demo content, `make test` runs the checks.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEV_ENV := DJANGO_DEBUG=1
# Production shells export DJANGO_SECRET_KEY and the rest; a developer's shell gets debug settings.
MANAGE_ENV := $(if $(DJANGO_SECRET_KEY),,$(DEV_ENV))

.PHONY: run test test-fast pytest lint format messages install install-dev clean backup restore loadtest browser-system-deps browser-tools bench populate-bench bench-tools lighthouse guide-screenshots cluster-tools cluster-test

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.installed $@

install: $(VENV)/.installed

install-dev: $(VENV)/.installed-dev

run: install
	mkdir -p var
	$(DEV_ENV) $(BIN)/python manage.py migrate --noinput
	$(DEV_ENV) $(BIN)/python manage.py load_demo
	$(DEV_ENV) $(BIN)/python manage.py create_demo_admin
	$(DEV_ENV) $(BIN)/python manage.py runserver 127.0.0.1:8000

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(DEV_ENV) $(BIN)/mypy

# The suite runs in PYTEST_WORKERS processes (pytest-xdist, docs/testing.md): 3 on a two-core
# machine, as part of it waits on subprocesses, the browser and the disk. Each worker has its own
# test database. One process: make pytest PYTEST_WORKERS=0 (or PYTEST_ARGS='-n 0 ...').
PYTEST_WORKERS ?= 3

# Then the throw-away courses app (tests/courses, docs/architecture.md), installed only by its own
# settings, in a session of its own.
pytest: install-dev browser-tools
	CHROMIUM_PATH=$(CHROMIUM) $(BIN)/python -m pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)
	$(BIN)/python -m pytest --ds=tests.courses.settings tests/courses -p no:cacheprovider

# The inner loop: everything but the browser tests, on SQLite whatever DATABASE_URL says, no lint.
test-fast: install-dev
	env -u DATABASE_URL $(BIN)/python -m pytest -n $(PYTEST_WORKERS) -m "not browser" $(PYTEST_ARGS)
	env -u DATABASE_URL $(BIN)/python -m pytest --ds=tests.courses.settings tests/courses -p no:cacheprovider

# The admin forms fuzzed at length (tests/fuzz/): random seeds and FUZZ_EXAMPLES examples per form
# (200 by default) instead of the fixed few that `make test` runs. FUZZ_PROFILE=long.
.PHONY: fuzz
fuzz: install-dev
	FUZZ_PROFILE=long $(BIN)/python -m pytest tests/fuzz -p no:cacheprovider $(PYTEST_ARGS)

# Retakes the screenshots of the staff guide (editorial/guide/) into editorial/static/editorial/guide/.
guide-screenshots: install-dev browser-tools
	UPDATE_GUIDE_SCREENSHOTS=1 CHROMIUM_PATH=$(CHROMIUM) $(BIN)/python -m pytest tests/browser/test_editors_guide.py -p no:cacheprovider

# Retakes docs/screenshots/: the first screen of every public page type at 360 and 1,280 px in
# both languages, from the demo content (tests/browser/test_screenshots.py).
.PHONY: screenshots
screenshots: install-dev browser-tools
	UPDATE_SCREENSHOTS=1 CHROMIUM_PATH=$(CHROMIUM) $(BIN)/python -m pytest -p no:cacheprovider \
		tests/browser/test_screenshots.py::test_screenshots_of_every_public_page_type

# Browser tests (tests/browser/) need Debian's Chromium, Java (for the Nu HTML Checker) and npm.
# As root, missing ones are installed with apt-get; otherwise those tests skip, except in CI
# (CI=true), where a missing tool fails them. Playwright's own browser download is never used.
CHROMIUM ?= /usr/bin/chromium
BROWSER_NODE_MODULES := tests/browser/node_modules

browser-system-deps:
	@missing=""; \
	[ -x "$(CHROMIUM)" ] || missing="$$missing chromium"; \
	command -v java >/dev/null 2>&1 || missing="$$missing default-jre-headless"; \
	command -v npm >/dev/null 2>&1 || missing="$$missing npm"; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			echo "Installing for the browser tests:$$missing"; \
			apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y $$missing; \
		else \
			echo "Browser tests need:$$missing (apt-get install -y$$missing as root); without them they skip."; \
		fi; \
	fi

# axe-core and the Nu HTML Checker (vnu.jar), pinned with integrity hashes in package-lock.json.
# --ignore-scripts: vnu-jar's postinstall would download a Java; the system's Java runs it.
$(BROWSER_NODE_MODULES)/.installed: tests/browser/package.json tests/browser/package-lock.json
	cd tests/browser && npm ci --ignore-scripts --no-audit --no-fund
	touch $@

browser-tools: browser-system-deps
	@if command -v npm >/dev/null 2>&1; then $(MAKE) -s --no-print-directory $(BROWSER_NODE_MODULES)/.installed; fi

test: lint pytest

format: install-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Re-extract interface strings after changing templates or code (needs GNU gettext), then
# translate the new entries in locale/*/LC_MESSAGES/django.po and djangojs.po (JavaScript) and
# compile both.
messages: install-dev
	$(DEV_ENV) $(BIN)/python manage.py makemessages --locale ky --locale ru --ignore '.venv/*' --ignore 'var/*' --no-obsolete
	$(DEV_ENV) $(BIN)/python manage.py makemessages --domain djangojs --locale ky --locale ru --ignore '.venv/*' \
		--ignore 'var/*' --ignore 'node_modules' --ignore 'static/vendor/*' --ignore 'static/ckeditor/*' --no-obsolete
	$(DEV_ENV) $(BIN)/python manage.py compile_translations

# Database and uploaded files in one dated archive under var/backups/ (SQLite copy or pg_dump).
backup: install
	$(MANAGE_ENV) $(BIN)/python manage.py backup --output-dir var/backups

# Bring a backup back: make restore FILE=var/backups/unionsite-backup-....tar.gz
restore: install
	@test -n "$(FILE)" || { echo "Usage: make restore FILE=var/backups/unionsite-backup-....tar.gz"; exit 2; }
	$(MANAGE_ENV) $(BIN)/python manage.py restore "$(FILE)"

# Recall@10 and MRR of the search per language on the judged query set (devtools/judged_queries.py),
# each run in a throwaway database filled with the demo content: SQLite, then PostgreSQL when
# SEARCH_EVAL_DATABASE_URL names one (postgres://postgres@127.0.0.1:5432/unionsite: its test_ copy
# is made and dropped). The test suite asserts the same targets (tests/search/test_judged_set.py).
.PHONY: search-eval search-bench
search-eval: install
	$(DEV_ENV) $(DEV_TOOLS_ENV) $(BIN)/python manage.py search_eval
	$(if $(SEARCH_EVAL_DATABASE_URL),$(DEV_ENV) $(DEV_TOOLS_ENV) DATABASE_URL=$(SEARCH_EVAL_DATABASE_URL) $(BIN)/python manage.py search_eval,)

# Search latency at bench volume, page cache off (make populate-bench first; docs/search.md).
search-bench: install
	$(BENCH_ENV) $(BIN)/python manage.py search_bench $(BENCH_DB_OPTION)

# The load test and the benchmark are commands of devtools/, installed with DJANGO_DEV_TOOLS=1.
DEV_TOOLS_ENV := DJANGO_DEV_TOOLS=1

# 8 clients for 60 s over public pages against gunicorn (2 workers) on 127.0.0.1, then the
# database is taken away and brought back: 0 errors, 503 meanwhile, recovery by itself.
loadtest: install
	$(DEV_ENV) $(DEV_TOOLS_ENV) $(BIN)/python manage.py loadtest --seconds 60 --clients 8 --workers 2

# nginx in front of two gunicorn instances with PostgreSQL and Redis (db 13): deploy/nginx/unionsite.conf
# as production runs it, an edit seen through every instance, downloads by X-Accel-Redirect, the
# load mix through nginx and one instance stopped mid-run (docs/deployment.md). nginx runs from a
# temporary folder on a free port (never the system service); as root, missing nginx and wrk are
# installed with apt-get. CLUSTER_DATABASE_URL must name a database unionsite_cluster*: it is emptied.
CLUSTER_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/unionsite_cluster
CLUSTER_REDIS_URL ?= redis://127.0.0.1:6379/13

cluster-tools:
	@missing=""; \
	command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing="$$missing nginx"; \
	command -v wrk >/dev/null 2>&1 || missing="$$missing wrk"; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			echo "Installing for the cluster test:$$missing"; \
			apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $$missing; \
		else \
			echo "The cluster test needs:$$missing (apt-get install -y$$missing as root)."; \
		fi; \
	fi

cluster-test: install cluster-tools
	$(DEV_ENV) $(DEV_TOOLS_ENV) $(BIN)/python manage.py cluster_test --database-url $(CLUSTER_DATABASE_URL) \
		--redis-url $(CLUSTER_REDIS_URL) $(CLUSTER_ARGS)

# Performance at real volume (docs/performance.md). The bench database is separate:
# var/bench/bench.sqlite3, or BENCH_DATABASE_URL=postgres://... for the real figures (search).
# populate-bench fills it (10,000 reports, 2,000 documents, 500 FAQ entries, 2,000 organisations);
# bench serves it with gunicorn (2 workers, DEBUG off, 127.0.0.1) and loads each page type with
# wrk for BENCH_SECONDS per page in three modes (cold, after an unrelated edit, cached: about
# 9 minutes in all), then prints the table. Not part of `make test` or CI: figures need a quiet machine.
BENCH_SECONDS ?= 8
BENCH_ENV := DJANGO_DEBUG=1 $(DEV_TOOLS_ENV) DJANGO_MEDIA_ROOT=$(CURDIR)/var/bench/media
BENCH_DB_OPTION := $(if $(BENCH_DATABASE_URL),--database-url $(BENCH_DATABASE_URL),)

bench-tools:
	@command -v wrk >/dev/null 2>&1 || { \
		if [ "$$(id -u)" = 0 ]; then apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y wrk; \
		else echo "wrk is missing (apt-get install wrk as root); the bench uses its slower Python generator."; fi; }

populate-bench: install
	$(BENCH_ENV) $(BIN)/python manage.py populate_bench $(BENCH_DB_OPTION) $(POPULATE_ARGS)

bench: install bench-tools
	@$(BENCH_ENV) $(BIN)/python manage.py run_bench $(BENCH_DB_OPTION) --skip-load >/dev/null 2>&1 \
		|| $(MAKE) --no-print-directory populate-bench
	$(BENCH_ENV) $(BIN)/python manage.py run_bench $(BENCH_DB_OPTION) --duration $(BENCH_SECONDS) \
		--output var/bench/last-run.md $(BENCH_ARGS)

# Lighthouse (mobile) on the home page, a report, the FAQ and the library, served by gunicorn with
# DEBUG off from the bench database; lighthouse itself is installed with npm under var/lighthouse.
LIGHTHOUSE := var/lighthouse/node_modules/.bin/lighthouse

$(LIGHTHOUSE):
	mkdir -p var/lighthouse
	cd var/lighthouse && npm install --no-audit --no-fund --silent lighthouse@12.8.2

lighthouse: install browser-system-deps $(LIGHTHOUSE)
	@$(BENCH_ENV) $(BIN)/python manage.py run_bench $(BENCH_DB_OPTION) --skip-load >/dev/null 2>&1 \
		|| $(MAKE) --no-print-directory populate-bench
	$(BENCH_ENV) CHROME_PATH=$(CHROMIUM) $(BIN)/python manage.py run_lighthouse $(BENCH_DB_OPTION) \
		--lighthouse $(LIGHTHOUSE)

# Everything the Makefile and the test tools made; the development database, uploads and backups
# (var/db.sqlite3, var/media, var/backups) are data and stay.
clean:
	rm -rf $(VENV) var/static var/cache var/ratelimit var/bench var/lighthouse var/cluster .pytest_cache .ruff_cache \
		.import_linter_cache .mypy_cache .hypothesis artifacts $(BROWSER_NODE_MODULES)
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
