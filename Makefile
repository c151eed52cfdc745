# ratsinfo: every target installs what it needs first, so each works on a fresh clone.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: install system-deps ingest test check bench bench-load sample-pdfs screenshots clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test,dev,postgres]"
	@# Bytecode ahead, as pip does for installed packages: where PYTHONDONTWRITEBYTECODE is set,
	@# every run (and every worker fork server) would otherwise compile the sources again.
	$(BIN)/python -m compileall -q pipeline extractors
	touch $(STAMP)

## Debian packages for OCR and the OCR-repair lexicon (needs root)
system-deps:
	bash scripts/install-system-deps.sh

## ingest the sample papers in data/raw into data/processed/ratsinfo.sqlite
ingest: install
	$(BIN)/ratsinfo ingest data/raw

## the whole test suite
test: install
	$(BIN)/python -m pytest

## lint, format and type checks
check: install
	$(BIN)/ruff check pipeline extractors tests scripts
	$(BIN)/ruff format --check pipeline extractors tests scripts
	$(BIN)/mypy pipeline extractors

## throughput: generate BENCH_PAPERS PDFs (2-6 pages, 1 in 200 scanned) from real paper
## texts, measure floor, 1 worker, all cores, re-run, memory and each stage; JSON in data/processed/bench
BENCH_PAPERS ?= 1000
BENCH_TEXTS  ?= $(firstword $(wildcard ../shared/corpus/karlsruhe) tests/fixtures/karlsruhe)
bench: install
	$(BIN)/python scripts/bench.py --papers $(BENCH_PAPERS) --texts $(BENCH_TEXTS)

## papers per second into SQLite and Postgres (Postgres skipped when it is not running)
BENCH_PG ?= postgresql://postgres@127.0.0.1:5432/ratsinfo_bench
bench-load: install
	$(BIN)/python scripts/bench_load.py --count 5000
	@if $(BIN)/python -c "import sqlalchemy as sa; sa.create_engine('$(BENCH_PG)'.rsplit('/', 1)[0] + '/postgres', connect_args={'connect_timeout': 3}).connect()" 2>/dev/null; \
	then $(BIN)/python scripts/bench_load.py --count 5000 --db $(BENCH_PG); \
	else echo "postgresql: skipped, no server at $(BENCH_PG)"; fi

## re-make the sample PDFs in data/raw/pdf from their texts
sample-pdfs: install
	$(BIN)/python scripts/make_sample_pdfs.py data/raw/pdf \
		data/raw/kreis-unna-drucksache-113-21.txt \
		data/raw/kreis-warendorf-vorlage-037-2025.txt \
		data/raw/karlsruhe_620603_bv2020-1189_kita_richtlinie.txt \
		data/raw/augsburg_ANT_25_61798.txt \
		data/raw/karlsruhe_679851_niederschrift_hfa_20260714_top9.txt

## pictures of the review desk for the README (docs/screenshots, headless chromium 1400x1000)
screenshots: install
	$(BIN)/python scripts/screenshots.py --out docs/screenshots

clean:
	rm -rf $(VENV) data/processed/*.sqlite* .pytest_cache
