# Chizi — every set-up step a fresh machine needs lives here.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install run test lint typecheck ingest eval bench bench-100k bench-quick bench-load scale-test clean

install: $(STAMP)

# torch first, from the local CPU wheel: a bare `torch` requirement would pull a 2.6 GB CUDA build.
$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -c requirements.lock -e '.[dev]'
	touch $(STAMP)

run: install
	$(BIN)/chizi ingest
	$(BIN)/chizi run

ingest: install
	$(BIN)/chizi ingest

eval: install
	$(BIN)/chizi eval --compare

# lint-imports checks the layering (leaves, core, doors) declared in pyproject.toml.
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check chizi retrieval bot web tests benchmarks testkit
	$(BIN)/lint-imports

typecheck: install
	$(BIN)/mypy

test: install lint typecheck
	$(BIN)/pytest

# ~25 min here. The 100k-chunk size is its own target: the E5 encoder embeds ~15-18 chunks/s on two
# cores, so its first build alone takes about an hour and a half to two hours.
bench: install
	$(BIN)/python -m benchmarks.run --sizes 1000,10000

# Adds the 100k row to the last `make bench` report.
bench-100k: install
	$(BIN)/python -m benchmarks.run --add-size 100000

bench-quick: install
	$(BIN)/python -m benchmarks.run --quick
	$(BIN)/python -m benchmarks.load --quick

# Two webhook workers behind nginx on PostgreSQL, a Chroma server and Redis; one is killed halfway (~3 min).
scale-test: install
	$(BIN)/python -m benchmarks.scale

# The reliability load runs (~8 min): 50 and 200 users at once, 20 updates/s for a minute with an ingest.
bench-load: install
	$(BIN)/python -m benchmarks.load

clean:
	rm -rf $(VENV) var benchmarks/work .pytest_cache .ruff_cache .mypy_cache
