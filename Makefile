# eventwire: the two commands of the README are `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SHARED ?= ../shared
EXAMPLE := $(SHARED)/examples/000_1a5de46adba00c4e.txt

.PHONY: train-events train-merge demo test test-slow test-ray test-browser lint typecheck shared-check eval bench install install-dev clean train-attribution

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

## demo: create .venv, install, code a bundled sample and print the events table
demo: install
	$(BIN)/eventwire code samples/01_sudan_talks.txt --format table
	$(BIN)/eventwire ingest samples --db demo.duckdb
	$(BIN)/eventwire stats --db demo.duckdb

## test: install the dev extras, lint, type-check (mypy --strict src) and run the tests (slow suites excluded)
test: install-dev
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/mypy
	$(BIN)/python -m pytest -q

## test-slow: the suites marked slow (whole eval sets)
test-slow: install-dev
	$(BIN)/python -m pytest -q -m slow

## test-ray: install the ray extra and run the executor contract on Ray
test-ray: install-dev
	$(BIN)/pip install --quiet -e '.[ray]'
	$(BIN)/python -m pytest -q -m ray

## test-browser: Playwright driving Debian's chromium (apt-get install chromium) on the web pages
test-browser: install-dev
	$(BIN)/pip install --quiet -e '.[browser]'
	$(BIN)/python -m pytest -q -m browser tests/browser

## train-events: retrain the events back-off classifiers (data/events/backoff_lr*.npz) from ngec-synthetic/train.jsonl
train-events: install
	$(BIN)/python scripts/train_backoff.py --train $(SHARED)/eval/ngec-synthetic/train.jsonl

## train-merge: relearn the ECB+ merge weights (data/merge/weights.json) on the ecbplus tune topics (deterministic, several minutes)
train-merge: install-dev
	$(BIN)/python scripts/train_merge.py --gold $(SHARED)/eval/ecbplus/dev.jsonl --write

typecheck: install-dev
	$(BIN)/mypy

## shared-check: code the shared example report; fail loudly on a crash or no events
shared-check: install
	@if [ -f "$(EXAMPLE)" ]; then \
	  $(BIN)/eventwire code "$(EXAMPLE)" --published 2024-02-23 --format jsonl > .shared-check.jsonl || { echo "shared-check: coding crashed"; exit 1; }; \
	  n=$$(wc -l < .shared-check.jsonl); echo "shared-check: $$n events from $(EXAMPLE)"; \
	  rm -f .shared-check.jsonl; [ "$$n" -gt 0 ] || { echo "shared-check: FAILED, no events"; exit 1; }; \
	else echo "shared-check: skipped: $(SHARED) not present"; fi

## eval: every accuracy figure of EVALUATION.md, from eventwire eval on shared/eval/*/dev.jsonl
eval: install
	$(BIN)/python benchmarks/evaluate_all.py --shared $(SHARED) --out EVALUATION.md

## bench: speed and memory figures of BENCHMARKS.md (installs the ray extra for the Ray rows)
bench: install
	$(BIN)/pip install --quiet -e '.[ray]'
	$(BIN)/python benchmarks/speed.py --shared $(SHARED) --out BENCHMARKS.md
	$(BIN)/python benchmarks/more.py --shared $(SHARED) --out BENCHMARKS.md

## train-attribution: rebuild the attribution tagger's CRF weights from polnear/train.jsonl (deterministic L-BFGS, no sampling: two runs give byte-identical files; about 5 minutes)
train-attribution: install-dev
	$(BIN)/python scripts/train_attribution.py --train $(SHARED)/eval/polnear/train.jsonl

clean:
	rm -rf $(VENV) demo.duckdb .pytest_cache .mypy_cache .ruff_cache
