# Raati – the two-command quick start is `make demo` and `make test`.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed
CHROMIUM ?= $(shell command -v chromium 2>/dev/null || echo /usr/bin/chromium)
# The demo runs with DEBUG on and the public demo key; never use these in production.
DEMO_ENV := DEBUG=1

.PHONY: demo test lint fmt typecheck worker beat bench messages migrate install install-system clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# Debian packages: gettext compiles the translations, chromium runs the browser tests,
# libvoikko1 and voikko-fi give search Finnish base forms (the tests cover both ways).
install-system:
	@missing=""; \
	command -v msgfmt >/dev/null 2>&1 || missing="$$missing gettext"; \
	dpkg -s libvoikko1 voikko-fi >/dev/null 2>&1 || missing="$$missing libvoikko1 voikko-fi"; \
	test -x "$(CHROMIUM)" || missing="$$missing chromium"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing Debian packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "Please install these Debian packages first: sudo apt-get install$$missing"; exit 1; \
	  fi; \
	fi

messages: $(STAMP)
	@if command -v msgfmt >/dev/null 2>&1; then \
	  $(DEMO_ENV) $(BIN)/python manage.py compilemessages --ignore=.venv -v0; \
	else echo "gettext is not installed: using the compiled catalogues in locale/"; fi

migrate: $(STAMP)
	$(DEMO_ENV) $(BIN)/python manage.py migrate --no-input -v0

demo: $(STAMP) messages migrate
	$(DEMO_ENV) $(BIN)/python manage.py load_demo
	@echo "Raati is at http://127.0.0.1:$(PORT)/ (Ctrl+C stops it)"
	$(DEMO_ENV) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(DEMO_ENV) $(BIN)/mypy .

fmt: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# The suite runs in one process per core (pytest-xdist); TEST_PROCESSES=0 runs it in one.
TEST_PROCESSES ?= auto
test: $(STAMP) install-system messages lint
	$(BIN)/pytest -n $(TEST_PROCESSES) --dist load $(PYTEST_ARGS)

worker: $(STAMP)
	$(BIN)/celery -A portal worker --loglevel=INFO --concurrency=$${CELERY_CONCURRENCY:-2}

beat: $(STAMP)
	$(BIN)/celery -A portal beat --loglevel=INFO

bench: $(STAMP)
	@for script in benchmarks/*.py; do echo "== $$script"; $(DEMO_ENV) $(BIN)/python $$script || exit 1; done

clean:
	rm -rf $(VENV) staticfiles .mypy_cache .ruff_cache .pytest_cache test-artifacts
