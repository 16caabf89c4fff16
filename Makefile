# `make run` serves the site with its content; `make test` runs the whole test suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
MANAGE := $(BIN)/python manage.py

.PHONY: run test install setup lint messages backup restore bench-faults

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

# Migrate (--noinput: modeltranslation's page-field sync would otherwise ask), compile the
# translations, load the content (idempotent) and collect static files.
setup: install
	$(MANAGE) migrate --noinput
	$(MANAGE) compile_translations
	$(MANAGE) load_alliance_content
	$(MANAGE) create_local_superuser
	$(MANAGE) collectstatic --noinput --verbosity 0

run: setup
	@echo "Serving http://127.0.0.1:$(PORT)/ -- sign in to the admin at http://127.0.0.1:$(PORT)/admin/"
	@echo "with an account made by '$(MANAGE) createsuperuser', or run 'make run' with"
	@echo "DJANGO_SUPERUSER_USERNAME and DJANGO_SUPERUSER_PASSWORD set to have one created."
	$(MANAGE) runserver 127.0.0.1:$(PORT)

test: install
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Re-extract interface strings after changing templates or code; then translate locale/es.
messages: install
	$(MANAGE) makemessages --locale es --ignore '.venv/*' --ignore 'staticfiles/*' --no-location
	$(MANAGE) compile_translations

# Back up the database and the uploaded files into backups/ (or $BACKUP_ROOT); restore one into an
# empty database: make restore BACKUP=backups/alliance-YYYYmmdd-HHMMSS
backup: install
	$(MANAGE) backup_site

restore: install
	@test -n "$(BACKUP)" || { echo "usage: make restore BACKUP=backups/alliance-YYYYmmdd-HHMMSS" >&2; exit 2; }
	$(MANAGE) restore_site "$(BACKUP)"

# Load and fault tests against gunicorn on 127.0.0.1 (stops PostgreSQL and Redis for a while):
# never in CI. See bench/README.md.
bench-faults: install
	$(BIN)/python bench/load_and_faults.py
