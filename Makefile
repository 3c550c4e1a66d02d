# Vertrouwenswijzer: install, build, serve, test and benchmark the site.
# Every target installs what it needs first, so a fresh clone needs only `make serve` or `make test`.

SHELL := /bin/sh
VENV := .venv
PY := $(VENV)/bin/python
VENV_STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
ZENSICAL_STAMP := $(VENV)/.installed-zensical
# The site generator of `make build`: mkdocs (MkDocs with Material, the default) or zensical.
GENERATOR ?= mkdocs
NODE_STAMP := node_modules/.installed
PORT ?= 8000
# Material prints an end-of-life notice (May 2027) on every build; it is noted in the README.
export NO_MKDOCS_2_WARNING := 1

.PHONY: help install install-test install-zensical build serve preview test test-fast lint bench clean lock-python check-node

help: ## Show the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

install: $(VENV_STAMP) $(NODE_STAMP) ## Install the pinned packages the site needs to build and serve

install-test: install $(TEST_STAMP) $(ZENSICAL_STAMP) ## Also install the test tools and oracles (requirements-test.txt)

install-zensical: install $(ZENSICAL_STAMP) ## Also install Zensical (requirements-zensical.txt)

# The virtual environment runs on Python 3.13: the build compiles the engine to .pyc for Pyodide,
# which embeds Python 3.13 and loads only bytecode of that minor version.
$(VENV_STAMP): requirements.txt pyproject.toml
	@python=$$(tools/find-python.sh) || exit 1; \
	  echo "Creating $(VENV) with $$python"; \
	  "$$python" -m venv $(VENV) || { echo "error: could not create a virtual environment with $$python (Debian: install python3-venv)." >&2; exit 1; }
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-build-isolation --no-deps -e .
	@touch $@

# The test tools and oracles (pytest, Playwright, ruff, mypy, scipy, pingouin, ...): only the
# targets that test, lint or measure install them, never `make serve` or `make build`.
$(TEST_STAMP): $(VENV_STAMP) requirements-test.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	@touch $@

# Zensical, Material's successor: for `make build GENERATOR=zensical` and the tests that build with
# it; `make serve` and the default build never install it.
$(ZENSICAL_STAMP): $(VENV_STAMP) requirements-zensical.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-zensical.txt
	@touch $@

check-node:
	@command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || \
	  { echo "error: Node.js and npm are needed for the Pyodide runtime; install Node.js 20 or newer (Debian: apt-get install nodejs npm)." >&2; exit 1; }

$(NODE_STAMP): package.json package-lock.json | check-node
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

build: install ## Build the static site into site/ (strict); GENERATOR=zensical builds it with Zensical
ifeq ($(GENERATOR),mkdocs)
	$(VENV)/bin/mkdocs build --strict
else ifeq ($(GENERATOR),zensical)
	@$(MAKE) --no-print-directory install-zensical
	$(VENV)/bin/zensical build --clean --strict
	$(PY) -m sitebuild site
else
	@echo "error: GENERATOR is mkdocs (the default) or zensical, not '$(GENERATOR)'." >&2; exit 1
endif

serve: build ## Build, then serve site/ at http://127.0.0.1:$(PORT)/ (strict CSP, precompressed files)
	$(PY) -m tools.serve --port $(PORT) site

preview: install ## Live preview for content owners (rebuilds on save)
	$(VENV)/bin/mkdocs serve --dev-addr 127.0.0.1:$(PORT)

test: build lint ## Run the whole test suite (installs Chromium and hunspell where missing)
	@tools/ensure-test-tools.sh
	$(PY) -m assessments validate
	$(PY) -m tools.content
	$(VENV)/bin/pytest --durations=15

# The statistics against R, scipy and pingouin (tests/engine/*_oracles.py, 20 s of the 68) run in
# `make test`; run them alone with `.venv/bin/pytest tests/engine/test_team_oracles.py ...`.
test-fast: install-test ## Engine, CLI, definitions, the Markdown extension and doctests: no build, no browser, no oracle
	$(VENV)/bin/pytest -q -m "not browser" -p no:cacheprovider \
	  --ignore=tests/engine/test_team_oracles.py --ignore=tests/engine/test_overview_oracles.py \
	  tests/engine tests/test_cli.py tests/test_cli_team.py tests/test_hostile_definitions.py \
	  tests/hooks/test_markdown_extension.py assessments vwmarkdown

lint: install-test ## Lint and type-check the code
	$(VENV)/bin/ruff check assessments hooks sitebuild vwmarkdown tests tools
	$(VENV)/bin/ruff format --check assessments hooks sitebuild vwmarkdown tests tools
	$(VENV)/bin/mypy

bench: build install-test ## Measure load, scoring and build times (figures, not a test)
	@tools/ensure-test-tools.sh
	$(PY) -m tools.bench

# pip-compile keeps the pins already in the .txt files (add --upgrade to move them) and records
# the sha256 of every file, so pip installs in hash-checking mode: a changed file is refused.
# requirements-test.in is constrained by requirements.txt: shared packages get the same pins.
lock-python: ## Re-pin requirements.txt, requirements-test.txt and requirements-zensical.txt, with hashes
	@python=$$(tools/find-python.sh) || exit 1; rm -rf .lock-venv && "$$python" -m venv .lock-venv && \
	  .lock-venv/bin/pip install --quiet pip-tools && \
	  for name in requirements requirements-test requirements-zensical; do \
	    .lock-venv/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	      --no-emit-index-url --no-emit-find-links --no-header -o $$name.txt $$name.in && \
	    { echo "# Pinned with hashes from $$name.in on Python 3.13 (make lock-python). Do not edit by hand."; \
	      grep -v '^# Pinned with hashes' $$name.txt; } > $$name.txt.new && mv $$name.txt.new $$name.txt || exit 1; \
	  done; \
	  rm -rf .lock-venv

clean: ## Remove build output and installed packages
	rm -rf site $(VENV) node_modules .pytest_cache .mypy_cache .ruff_cache .cache
