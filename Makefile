# The two commands of the README's contract: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
# where `make run` serves, and the admin address it prints: make run HOST=127.0.0.1:8311
HOST ?= 127.0.0.1:8000

.PHONY: run test install lint bench clean

$(PY):
	$(PYTHON) -m venv $(VENV)

$(INSTALLED): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(INSTALLED)

install: $(INSTALLED)

run: $(INSTALLED)
	DEBUG=1 $(PY) manage.py migrate --no-input
	DEBUG=1 $(PY) manage.py load_demo --host $(HOST)
	@# the task worker (PDFs rendered after each published change) runs beside the server and
	@# stops with it
	DEBUG=1 $(PY) manage.py db_worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	DEBUG=1 $(PY) manage.py runserver $(HOST)

# on every core (pytest-xdist: each worker has its own test database and demo rows); each
# worker takes its tests in the suite's order, so the transactional (browser) tests still run last
test: $(INSTALLED)
	$(PY) -m pytest -n auto

lint: $(INSTALLED)
	$(VENV)/bin/ruff check .
	DEBUG=1 $(PY) manage.py makemigrations --check --dry-run

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .pytest_cache
