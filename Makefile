# The single entry point: `make run` serves the site with demo content, `make test` runs the checks.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEV_ENV := DJANGO_DEBUG=1

.PHONY: run test pytest lint format messages install install-dev clean

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

pytest: install-dev
	$(BIN)/python -m pytest $(PYTEST_ARGS)

test: lint pytest

format: install-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Re-extract interface strings after changing templates or code (needs GNU gettext), then
# translate the new entries in locale/*/LC_MESSAGES/django.po and compile them.
messages: install-dev
	$(DEV_ENV) $(BIN)/python manage.py makemessages --locale ky --locale ru --ignore '.venv/*' --ignore 'var/*' --no-obsolete
	$(DEV_ENV) $(BIN)/python manage.py compile_translations

clean:
	rm -rf $(VENV) var/static .pytest_cache .ruff_cache
