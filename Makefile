# `make run` serves the site with its content; `make test` runs the whole test suite (`make test-fast`
# all but the browser, cluster and LibreOffice tests).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
MANAGE := $(BIN)/python manage.py

.PHONY: run test test-fast install lock lock-check setup lint messages backup restore bench browser-deps browser-packages cluster cluster-deps postgres-deps document-deps

# Playwright drives Debian's Chromium; it must never download a browser of its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1
NODE_MODULES := browser/node_modules

# pyproject.toml lists the direct dependencies, pinned; requirements/ holds the lock made from it
# with every package's hashes: base.txt (runtime, for production) and test.txt (runtime and the
# `test` extra), for Python 3.11 on Linux x86_64. The virtual environment is made anew from
# test.txt whenever that changes, so it holds exactly what the lock says (the project itself has no
# packages to install). Every install first checks that the lock still matches pyproject.toml.
# uv installs the lock, hashes checked, in about 20 s where pip took 100 s here (it fetches,
# unpacks and compiles in parallel). Compiled ahead, as pip does: where PYTHONDONTWRITEBYTECODE is
# set, every process would otherwise compile all it imports, and start twice as slowly.
LOCK := requirements/test.txt
$(VENV)/.installed: $(LOCK) | lock-check
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet uv==$(UV_VERSION)
	$(BIN)/uv pip install --quiet --compile-bytecode --python $(BIN)/python --require-hashes -r $(LOCK)
	touch $@

install: $(VENV)/.installed

# Regenerate the lock after changing pyproject.toml, then commit requirements/. Pins already in the
# lock are kept; `make lock LOCK_ARGS=--upgrade` moves every indirect dependency to its newest
# release that fits (LOCK_ARGS='--upgrade-package NAME' only one). The runtime lock is resolved
# within the test lock, so production runs the versions that the tests ran. Uses uv's pip compile
# (the install puts uv into the virtual environment).
UV_VERSION := 0.13.9
UV_COMPILE = $(BIN)/uv pip compile --quiet --generate-hashes --python-version 3.11 \
	--python-platform x86_64-unknown-linux-gnu --custom-compile-command 'make lock' $(LOCK_ARGS)
lock:
	@test -x $(BIN)/pip || $(PYTHON) -m venv $(VENV)
	@$(BIN)/uv --version 2>/dev/null | grep -qx 'uv $(UV_VERSION)' || $(BIN)/pip install --quiet uv==$(UV_VERSION)
	$(UV_COMPILE) pyproject.toml --extra test -o requirements/test.txt
	$(UV_COMPILE) pyproject.toml -c requirements/test.txt -o requirements/base.txt
	$(PYTHON) requirements/check_lock.py

lock-check:
	@$(PYTHON) requirements/check_lock.py

# Migrate (--noinput: modeltranslation's page-field sync would otherwise ask), compile the
# translations, load the content (idempotent), index it for search and collect static files.
setup: install
	$(MANAGE) migrate --noinput
	$(MANAGE) compile_translations
	$(MANAGE) load_alliance_content
	$(MANAGE) rebuild_search_index  # a database made before the search index was added
	$(MANAGE) create_local_superuser
	$(MANAGE) collectstatic --noinput --verbosity 0

run: setup
	@echo "Serving http://127.0.0.1:$(PORT)/ -- sign in to the admin at http://127.0.0.1:$(PORT)/admin/"
	@echo "with an account made by '$(MANAGE) createsuperuser', or run 'make run' with"
	@echo "DJANGO_SUPERUSER_USERNAME and DJANGO_SUPERUSER_PASSWORD set to have one created."
	$(MANAGE) runserver 127.0.0.1:$(PORT)

# The suite runs on TEST_WORKERS processes (pytest-xdist: each takes whole modules, the cluster's
# tests start first, then Lighthouse and the crawl; tests/conftest.py) and lists its 15 slowest tests.
# PYTEST_ARGS narrows a run, e.g. PYTEST_ARGS='-m engine' (what depends on the database engine).
TEST_WORKERS ?= 2
PYTEST := $(BIN)/pytest --numprocesses=$(TEST_WORKERS) --dist=loadscope --durations=15
test: install browser-deps cluster-deps document-deps
	$(PYTEST) $(PYTEST_ARGS)

# The inner loop: everything but the browser, the cluster and LibreOffice's conversions. On SQLite it
# keeps its migrated and loaded template database (and its files) between runs (pytest-django's
# --reuse-db; each worker copies it afresh: tests/databases.py), named by a digest of all that could
# write it: the content, the translations, the locked packages and every Python file but the tests.
# A change to any of them builds a new one (and removes the old); changed tests, templates or styles
# reuse it. It also keeps the database as migrated, before the load, named by the migrations, the
# settings and the packages: a new template starts from it (migrated again, which applies what is
# new), so a change to the code costs a load, not a migration too. With DATABASE_URL, it makes it anew.
TEST_DATABASES := .test-databases
digest = $(shell cat $$(git ls-files -co --exclude-standard -- $(1)) requirements/test.txt | sha256sum | cut -c1-12)
TEST_DATABASE_DIGEST = $(call digest,content locale '*.py' ':!tests')
MIGRATED_DATABASE_DIGEST = $(call digest,'*/migrations/*.py' 'alliance_site/settings/*.py' ':!tests')
test-fast: install
ifeq ($(DATABASE_URL),)
	@mkdir -p $(TEST_DATABASES)
	@find $(TEST_DATABASES) -mindepth 1 -maxdepth 1 ! -name 'fast-$(TEST_DATABASE_DIGEST).*' \
		! -name 'migrated-$(MIGRATED_DATABASE_DIGEST).sqlite3' -exec rm -rf {} +
	SQLITE_TEST_DATABASE=$(TEST_DATABASES)/fast-$(TEST_DATABASE_DIGEST).sqlite3 \
	SQLITE_MIGRATED_DATABASE=$(TEST_DATABASES)/migrated-$(MIGRATED_DATABASE_DIGEST).sqlite3 \
		$(PYTEST) --reuse-db -m "not browser and not topology and not office" $(PYTEST_ARGS)
else
	$(PYTEST) -m "not browser and not topology and not office" $(PYTEST_ARGS)
endif

# Installs the Debian packages listed in $$missing with apt-get when run as root, or says how to;
# $(1) names what needs them. Without them those tests are skipped, except in CI (CI=true).
install_missing = if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "Installing Debian packages for $(1):$$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq$$missing >/dev/null; \
	else \
		echo "NOTE: Debian packages for $(1) are missing:$$missing (as root: apt-get install$$missing);"; \
		echo "      until they are installed those tests are skipped."; \
	fi

# The production topology on 127.0.0.1 (deploy/cluster.py): Varnish, two gunicorn app servers,
# PostgreSQL, Redis and an S3 server of its own, data in .cluster/. Ctrl-C stops everything.
cluster: install cluster-deps document-deps
	$(BIN)/python deploy/cluster.py

# What the cluster (and its tests, tests/topology/) needs from Debian: Varnish with its xkey module
# (surrogate-key purges), Redis, PostgreSQL.
cluster-deps:
	@missing=""; \
	command -v varnishd >/dev/null 2>&1 || missing="$$missing varnish"; \
	ls /usr/lib/*/varnish/vmods/libvmod_xkey.so >/dev/null 2>&1 || missing="$$missing varnish-modules"; \
	command -v redis-server >/dev/null 2>&1 || missing="$$missing redis-server"; \
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	$(call install_missing,the cluster)
	@$(MAKE) --no-print-directory postgres-deps

# The RUM extension of the search index (discovery migration 0005), for every PostgreSQL server
# installed here: the tests on PostgreSQL and the cluster need it.
postgres-deps:
	@missing=""; \
	for version in $$(ls /usr/lib/postgresql 2>/dev/null); do \
		test -f /usr/share/postgresql/$$version/extension/rum.control || missing="$$missing postgresql-$$version-rum"; \
	done; \
	$(call install_missing,the search index on PostgreSQL)

# LibreOffice, which turns .doc, .xls and .ppt files into OpenDocument for the search to read
# their words (documents/text.py); without it they are found by their titles only.
document-deps:
	@missing=""; \
	command -v soffice >/dev/null 2>&1 || missing="$$missing libreoffice-writer-nogui libreoffice-calc-nogui libreoffice-impress-nogui"; \
	$(call install_missing,the words inside older Office documents)

# What the browser tests (tests/browser/) need besides Python packages: Chromium and Java (for the
# Nu Html Checker) from Debian, axe-core and vnu-jar from npm (browser/package-lock.json).
# Installs only what is missing; apt-get only as root. Without them those tests are skipped,
# saying what is missing, except in CI (CI=true), where they fail.
browser-deps: install browser-packages $(NODE_MODULES)/.installed

browser-packages:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v java >/dev/null 2>&1 || missing="$$missing default-jre-headless"; \
	command -v npm >/dev/null 2>&1 || missing="$$missing npm"; \
	$(call install_missing,the browser tests)

# --ignore-scripts: vnu-jar's install script would fetch a Java runtime; Debian's is used instead.
$(NODE_MODULES)/.installed: browser/package.json browser/package-lock.json | browser-packages
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --prefix browser --ignore-scripts --no-audit --no-fund --loglevel=error && touch $@; \
	else \
		echo "NOTE: npm is missing, so axe-core and vnu.jar are not installed; their tests are skipped."; \
	fi

# Python (ruff), the direction of imports (the layers contract in pyproject.toml), templates
# (djLint) and stylesheets (stylelint, browser/stylelint.json).
TEMPLATE_FOLDERS = templates $(wildcard */templates)
lint: install browser-deps
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/djlint $(TEMPLATE_FOLDERS) --lint
	$(NODE_MODULES)/.bin/stylelint --config browser/stylelint.json "static/**/*.css" "*/static/**/*.css" --allow-empty-input

# Re-extract interface strings after changing templates or code; then translate locale/es.
messages: install
	$(MANAGE) makemessages --locale es --ignore '.venv/*' --ignore 'staticfiles/*' --ignore 'browser/*' --no-location
	$(MANAGE) compile_translations
	$(MANAGE) seed_interface_strings

# Back up the database and the uploaded files into var/backups/ (or $BACKUP_ROOT); restore one into an
# empty database: make restore BACKUP=var/backups/alliance-YYYYmmdd-HHMMSS
backup: install
	$(MANAGE) backup_site

restore: install
	@test -n "$(BACKUP)" || { echo "usage: make restore BACKUP=var/backups/alliance-YYYYmmdd-HHMMSS" >&2; exit 2; }
	$(MANAGE) restore_site "$(BACKUP)"

# The page benchmark, through the cluster's Varnish and against nginx's ceiling: never in CI.
# See bench/README.md.
# REFERENCE_URL (a reference site already running, e.g. the Wagtail bakery demo) adds the table of
# uncached renders side by side; RENDER_SPEED_ARGS passes more options (bench/render_speed.py).
bench: install
	$(BIN)/python bench/pages.py
	@if [ -n "$(REFERENCE_URL)" ]; then \
		$(BIN)/python bench/render_speed.py --reference "$(REFERENCE_URL)" $(RENDER_SPEED_ARGS); \
	else echo "REFERENCE_URL is not set: no side-by-side render table (see bench/README.md)."; fi

