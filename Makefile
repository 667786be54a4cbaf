# Stalking Help: the README's commands. Everything the project needs is installed from here.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
# make serve-production: nginx's port (for people; tests pick their own) and gunicorn's.
PROXY_PORT ?= 8080
APP_PORT ?= 8000
PRODUCTION := DJANGO_SETTINGS_MODULE=stalkinghelp.settings.production
# Production refuses to start without these; serve-production says so before anything else.
PRODUCTION_VARIABLES := DJANGO_SECRET_KEY DJANGO_ALLOWED_HOSTS DJANGO_ADMIN_PATH SITE_URL

.PHONY: run serve-production production-variables test check bench assets install test-tools proxy-tools gettext-tools lock clean

## make run: install, build, migrate, load starter data, collect static, serve on 127.0.0.1:8000
run: install assets
	$(MANAGE) migrate --noinput
	$(MANAGE) load_starter_data
	$(MANAGE) collectstatic --noinput -v0
	@echo ""
	@echo "To create the first site administrator:"
	@echo "  DJANGO_SUPERUSER_USERNAME=... DJANGO_SUPERUSER_EMAIL=... DJANGO_SUPERUSER_PASSWORD=... $(MANAGE) create_first_admin"
	@echo "Serving http://$(HOST):$(PORT)/  (Ctrl+C to stop)"
	DJANGO_SETTINGS_MODULE=stalkinghelp.settings.dev DJANGO_DEBUG=0 $(BIN)/gunicorn --config gunicorn.conf.py --bind $(HOST):$(PORT) stalkinghelp.wsgi

## make serve-production: nginx on 127.0.0.1:$(PROXY_PORT) in front of gunicorn, production settings,
## the required variables from the environment (plain http here: no HTTPS redirect unless asked)
serve-production: production-variables install assets proxy-tools
	$(PRODUCTION) $(MANAGE) migrate --noinput
	$(PRODUCTION) $(MANAGE) collectstatic --noinput -v0
	$(PRODUCTION) DJANGO_SECURE_SSL_REDIRECT=$${DJANGO_SECURE_SSL_REDIRECT:-0} \
	$(MANAGE) serve_production --proxy-port $(PROXY_PORT) --app-port $(APP_PORT)

production-variables:
	@missing=""; for name in $(PRODUCTION_VARIABLES); do \
		[ -n "$$(printenv $$name)" ] || missing="$$missing $$name"; done; \
	if [ -n "$$missing" ]; then \
		echo "make serve-production: set$$missing in the environment (README: Production)." >&2; \
		exit 2; fi

## make test: install what the tests need (including Debian's chromium), then run the whole suite
test: install assets test-tools
	$(MANAGE) collectstatic --noinput -v0 --settings=stalkinghelp.settings.test
	$(BIN)/pytest -n auto

## make check: lint, deploy checks with throwaway production values, migrations up to date
check: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_SECRET_KEY=ci-only-$$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n') \
	DJANGO_ALLOWED_HOSTS=stalkinghelp.example DJANGO_ADMIN_PATH=staff-ci \
	SITE_URL=https://stalkinghelp.example \
	DJANGO_SETTINGS_MODULE=stalkinghelp.settings.production \
	$(MANAGE) check --deploy --fail-level WARNING
	$(MANAGE) makemigrations --check --dry-run

## make bench: load and page-weight benchmarks (not part of make test)
bench: install assets
	$(PY) bench/run.py

# The interface's translations: each locale/<ll>/LC_MESSAGES/django.po compiled to its .mo
# (git-ignored), so run, test, check and bench always serve the catalogues as committed.
install: $(VENV)/.installed gettext-tools
	$(MANAGE) compilemessages --ignore node_modules --ignore .venv --ignore staticfiles -v0

$(VENV)/.installed: requirements.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	touch $@

assets: node_modules/.package-lock.json
	npm run --silent build

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

# Installs Debian packages that are missing, when apt-get is allowed (root or sudo).
define apt_install
	@if [ -z "$(strip $(1))" ]; then :; \
	elif [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(1); \
	elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then \
		sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(1); \
	else echo "Not installed ($(1)) and apt-get not allowed: $(2)"; fi
endef

# Debian's nginx, the front proxy (serve-production, and the tests that run it).
NGINX_PACKAGE := $(if $(shell PATH="$$PATH:/usr/sbin" command -v nginx),,nginx)
# Debian's Chromium for the browser tests (tools that download their own browser fail
# here), a Java runtime for the Nu HTML Checker, and nginx. Installed only when missing.
APT_PACKAGES := $(if $(shell command -v chromium),,chromium) $(if $(shell command -v java),,default-jre-headless) $(NGINX_PACKAGE)
test-tools:
	$(call apt_install,$(APT_PACKAGES),those tests skip (or fail under CI))

proxy-tools:
	$(call apt_install,$(NGINX_PACKAGE),install nginx to serve behind it)

# GNU gettext's msgfmt, which compilemessages runs.
GETTEXT_PACKAGE := $(if $(shell command -v msgfmt),,gettext)
gettext-tools:
	$(call apt_install,$(GETTEXT_PACKAGE),install gettext to compile the translations)

## make lock: re-pin requirements.lock from pyproject.toml
lock: install
	$(BIN)/pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --extra=test --generate-hashes --strip-extras -o requirements.lock pyproject.toml

clean:
	rm -rf $(VENV) node_modules staticfiles static/dist
