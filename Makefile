# Everything a new machine needs, in two commands: `make run` serves the site, `make test` runs every test.
# `make lint` checks the code and templates before a commit.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint setup migrate content clean

$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 12) and "Python >= 3.12 is needed (found %s)" % sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)

# Reinstall only when pyproject.toml changes.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

migrate: setup
	$(BIN)/python manage.py migrate --no-input

content: migrate
	$(BIN)/python manage.py loadcontent

run: content
	$(BIN)/python manage.py runserver 127.0.0.1:8000

test: setup
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# ruff (lint and format), mypy with django-stubs, djLint over the templates; settings in pyproject.toml.
lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/djlint templates --lint

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles

# Production-like, locally: DJANGO_ENV=production, nginx in front of gunicorn (deploy/serve.py, deploy/nginx.conf,
# gunicorn.conf.py). nginx listens on PORT (default 8000), gunicorn on 127.0.0.1:PORT+1 (UPSTREAM_PORT).
# A secret key is generated for the run unless DJANGO_SECRET_KEY is set; plain http, so no https redirect.
.PHONY: serve bench
serve: setup
	@command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || \
	  { echo "nginx is needed in front of gunicorn: apt-get install nginx (Debian package nginx)"; exit 1; }
	@export DJANGO_ENV=production \
	  DJANGO_SECRET_KEY="$${DJANGO_SECRET_KEY:-$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(64))')}" \
	  DJANGO_ALLOWED_HOSTS="$${DJANGO_ALLOWED_HOSTS:-127.0.0.1,localhost}" \
	  SECURE_SSL_REDIRECT="$${SECURE_SSL_REDIRECT:-0}" \
	  SITE_URL="$${SITE_URL:-http://127.0.0.1:$${PORT:-8000}}"; \
	$(BIN)/python manage.py collectstatic --no-input -v0 && \
	$(BIN)/python manage.py migrate --no-input && \
	$(BIN)/python manage.py loadcontent && \
	exec $(BIN)/python deploy/serve.py

# 10,000 synthetic roles under gunicorn, measured with wrk on SQLite and on PostgreSQL + Redis; see bench/README.md.
# BENCH_ARGS="--roles 2000 --backends sqlite".
bench: setup
	@command -v wrk >/dev/null || { [ "$$(id -u)" = 0 ] && (apt-get install -y -qq wrk || (apt-get update -qq && apt-get install -y -qq wrk)); } \
	  || { echo "wrk is needed: sudo apt-get install wrk (Debian package wrk)"; exit 1; }
	$(BIN)/python -m bench.run $(BENCH_ARGS)

# Looking at the site from outside (tools/): `make screenshots` writes screenshots/<page>-<width>.png,
# `make audit` prints Lighthouse's four scores per page. PAGES="home salary" limits either to those pages.
.PHONY: screenshots audit
node_modules: package.json
	npm install --no-audit --no-fund --no-package-lock
	touch node_modules

screenshots: setup
	$(BIN)/python -m tools.screenshots $(PAGES)

audit: setup node_modules
	$(BIN)/python -m tools.lighthouse $(PAGES)

# Soak: gunicorn (production settings) under wrk, 64 connections for 60 s, while an editor's save lands.
# Fails on any socket error, non-2xx/3xx, 5xx or a stale page afterwards. SOAK_ARGS="--duration 20" for a short one.
.PHONY: soak
soak: setup
	@command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	$(BIN)/python bench/soak.py $(SOAK_ARGS)
