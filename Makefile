# Two commands do everything:  `make` (set up .venv and build the dataset)  and  `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: all setup build test check lock bench clean lab notebooks compiled pure

all: build

setup: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	@echo "Setting up $(VENV) from requirements.lock (a few minutes; pip lists each package)"
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --progress-bar on --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --progress-bar on --no-deps --no-build-isolation -e .
	touch $(STAMP)

build: $(STAMP)
	$(BIN)/corpus build

test: $(STAMP)
	$(BIN)/python -m pytest

# Lint and format check of the package and benchmarks, type check of the package
# (configuration in pyproject.toml).
check: $(STAMP)
	$(BIN)/ruff check src bench
	$(BIN)/ruff format --check src bench
	$(BIN)/mypy

# Regenerate the lock after changing dependencies in pyproject.toml (needs uv: pip install uv).
lock:
	uv pip compile pyproject.toml --extra build --extra dev --universal --python-version 3.11 --generate-hashes -o requirements.lock

bench: $(STAMP)
	$(BIN)/python bench/bench_build.py
	$(BIN)/python bench/bench_validate.py
	$(BIN)/python bench/bench_extract.py
	$(BIN)/python bench/bench_stages.py
	$(BIN)/python bench/bench_compiled.py --check

# Optional: the extractors compiled with mypyc beside their sources (a C compiler needed); the
# same tables with about a quarter less CPU per entry. `make pure` goes back to the sources.
compiled: $(STAMP)
	$(BIN)/python -m corpus.compile_extractors build src

pure: $(STAMP)
	$(BIN)/python -m corpus.compile_extractors remove src

lab: $(STAMP)
	$(BIN)/jupyter lab notebooks/

# After the data changed: rewrite the README's headline numbers from data/processed and
# re-execute the notebooks in place, storing fresh outputs.
notebooks: $(STAMP)
	$(BIN)/python -m corpus.headline --data data/processed --readme README.md
	$(BIN)/jupyter nbconvert --to notebook --execute --inplace --ExecutePreprocessor.record_timing=False notebooks/*.ipynb

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info src/build src/.mypy_cache
	rm -f src/*__mypyc* src/corpus/extract/*.so src/corpus/extract/compiled-sources.sha256
