# One task runner. Every target bootstraps .venv on first use, so `make run` and `make test`
# work on a fresh machine that has only Python 3.11+ and the package registry.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench snapshot screenshots train-checker clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The web app on 127.0.0.1, on the store in your data directory (a demo interview when empty).
run: $(STAMP)
	$(BIN)/followup serve --demo

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests bench tools
	$(BIN)/ruff format --check src tests bench tools
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python bench/run.py

# The checker's learned layer, from corpus/train/ (deterministic: see docs/checker.md).
train-checker: $(STAMP)
	$(BIN)/python tools/train_checker.py

snapshot: $(STAMP)
	$(BIN)/python tools/generate_snapshots.py

# The README's pictures of the web app (docs/screenshots/), in Debian's Chromium.
screenshots: $(STAMP)
	$(BIN)/python tools/screenshots.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis
