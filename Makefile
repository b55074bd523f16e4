# Mizan: one entry point for developers and CI. GNU make; works on a fresh Debian 12 with Python 3.11.
#
#   make install            venv + locked dependencies + the `mizan` command (quick when up to date)
#   make run                install, compile translations, migrate, demo data, serve on 127.0.0.1:8000
#   make test               lint, types, import contracts, migrations, translations, tests on SQLite,
#                           tests on PostgreSQL, browser tests; stops at the first failure
#   make lock               regenerate requirements.lock from pyproject.toml
#   make messages           compile locale/*/LC_MESSAGES/django.po to .mo (no gettext needed)
#   make makemessages       refresh the .po files from the source (needs gettext)
#   make bench              run bench/*.py
#   make clean              remove caches, compiled translations and test artefacts

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

VENV      := .venv
PY        := $(VENV)/bin/python
BIN       := $(VENV)/bin
STAMP     := $(VENV)/.mizan-installed
LANGS     := en ar ne bn hi ur si fil id my ms th
# pytest-xdist workers for the non-browser suites ("0" runs serially).
PYTEST_WORKERS ?= 2
ifeq ($(PYTEST_WORKERS),0)
XDIST :=
else
XDIST := -n $(PYTEST_WORKERS)
endif
PYTEST_ARGS ?=

export DJANGO_SETTINGS_MODULE := config.settings

.PHONY: help install lock messages makemessages run test lint typecheck contracts migrations-check \
	translations-check test-sqlite test-postgres test-browser bench clean

help:
	@sed -n '1,12p' Makefile | sed 's/^# \{0,1\}//'

# --- Installing -------------------------------------------------------------------------------------

$(PY):
	@if command -v python3.11 >/dev/null 2>&1; then python3.11 -m venv $(VENV); \
	else python3 -m venv $(VENV); fi

# Reinstalled whenever requirements.lock or pyproject.toml changes.
$(STAMP): requirements.lock pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check uv
	$(BIN)/uv pip sync --quiet --python $(PY) requirements.lock
	$(BIN)/uv pip install --quiet --python $(PY) --no-deps -e .
	@touch $(STAMP)

install: $(STAMP)

lock: | $(PY)
	@test -x $(BIN)/uv || $(PY) -m pip install --quiet --disable-pip-version-check uv
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 -o requirements.lock

# --- Translations -----------------------------------------------------------------------------------

messages: install
	$(PY) scripts/compile_translations.py

makemessages: install
	$(BIN)/mizan makemessages $(foreach l,$(LANGS),-l $(l)) --no-obsolete \
		--ignore=.venv --ignore=node_modules --ignore=tests --ignore=var --ignore=build --ignore=test-artifacts

# --- Running ----------------------------------------------------------------------------------------

run: install messages
	$(BIN)/mizan migrate --noinput
	$(BIN)/mizan collectstatic --noinput --verbosity 0
	$(BIN)/mizan taxonomy import
	$(BIN)/mizan demo
	exec $(BIN)/gunicorn config.wsgi:application --bind 127.0.0.1:8000 --workers 2 --access-logfile -

# --- Checking ---------------------------------------------------------------------------------------

TEST_STEPS := lint typecheck contracts migrations-check translations-check test-sqlite test-postgres test-browser

test: install
	@for step in $(TEST_STEPS); do \
		started=$$(date +%s); echo "=== make $$step"; \
		$(MAKE) --no-print-directory $$step || { echo "=== make $$step FAILED"; exit 1; }; \
		echo "=== make $$step passed in $$(( $$(date +%s) - started )) s"; \
	done

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: install
	MIZAN_ENV=test $(BIN)/mypy mizan config

contracts: install
	$(BIN)/lint-imports

migrations-check: install
	MIZAN_ENV=test DATABASE_URL=sqlite:///:memory: $(BIN)/mizan makemigrations --check --dry-run

translations-check: install
	MIZAN_ENV=test $(PY) scripts/check_translations.py

test-sqlite: install messages
	MIZAN_ENV=test DATABASE_URL=sqlite:///:memory: \
		$(BIN)/pytest -m "not browser" --ignore=tests/browser $(XDIST) $(PYTEST_ARGS)

test-postgres: install messages
	MIZAN_ENV=test scripts/with-postgres \
		$(BIN)/pytest -m "not browser" --ignore=tests/browser $(XDIST) $(PYTEST_ARGS)

test-browser: install messages
	@test -f node_modules/axe-core/axe.min.js || npm ci --no-audit --no-fund
	MIZAN_ENV=test DATABASE_URL=sqlite:///:memory: $(BIN)/pytest tests/browser -m browser $(PYTEST_ARGS)

bench: install
	@shopt -s nullglob; files=(bench/[!_]*.py); \
	if [ $${#files[@]} -eq 0 ]; then echo "No benchmarks in bench/."; exit 0; fi; \
	failed=""; for f in "$${files[@]}"; do echo "== $$f"; \
		MIZAN_ENV=test $(PY) "$$f" || failed="$$failed $$f"; done; \
	if [ -n "$$failed" ]; then echo "Targets missed in:$$failed"; exit 1; fi

clean:
	rm -rf .mypy_cache .ruff_cache .pytest_cache test-artifacts build *.egg-info
	find . \( -path ./$(VENV) -o -path ./node_modules -o -path ./.git \) -prune -o \
		-name '__pycache__' -type d -prune -exec rm -rf {} +
	if [ -d locale ]; then find locale -name '*.mo' -type f -delete; fi
