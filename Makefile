# Veilleur — `make run` sets everything up and codes the bundled sample; `make test` sets up and tests.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SAMPLE := examples/sample
OUT := out
DB ?= sqlite:///veilleur.db
# a PostgreSQL server for `make bench` (a database is created and dropped on it); empty: SQLite only
BENCH_PG ?= postgresql://postgres@127.0.0.1:5432
VENDOR := src/veilleur/api/static/vendor/leaflet.markercluster.js
API_DOCS_VENDOR := src/veilleur/api/docs_assets/swagger-ui-bundle.js

.PHONY: install run test lint assets browser bench evaluate clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

# Leaflet, the offline world basemap, Swagger UI and ReDoc come from npm and are copied into the package.
assets: $(VENDOR) $(API_DOCS_VENDOR)

$(VENDOR): scripts/vendor_assets.sh
	bash scripts/vendor_assets.sh

$(API_DOCS_VENDOR): scripts/vendor_api_docs.sh
	bash scripts/vendor_api_docs.sh

# The dashboard tests drive Debian's Chromium (no browser download at run time).
browser:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }

run: install assets
	$(BIN)/veilleur extract $(SAMPLE)/articles --published-map $(SAMPLE)/published.jsonl \
		-o $(OUT)/events.jsonl --csv $(OUT)/events.csv --geojson $(OUT)/events.geojson \
		--unresolved $(OUT)/unresolved_places.jsonl
	$(BIN)/veilleur ingest $(SAMPLE)/articles --published-map $(SAMPLE)/published.jsonl --db $(DB)
	@echo
	@echo "Exports written to $(OUT)/ (events.jsonl, events.csv, events.geojson)."
	@echo "Open the dashboard:  $(BIN)/veilleur serve --db $(DB)   then http://127.0.0.1:8000/"

lint: install
	$(BIN)/ruff check src tests scripts benchmarks
	$(BIN)/mypy src

test: install assets browser lint
	$(BIN)/pytest -q

bench: install
	$(BIN)/python benchmarks/bench_places.py
	$(BIN)/python benchmarks/bench_pipeline.py
	$(BIN)/python benchmarks/bench_extract_memory.py 100
	$(BIN)/python benchmarks/bench_stream_rss.py 2000 --checkpoints 500,1000,2000
	$(BIN)/python benchmarks/bench_cluster.py 10000
	$(BIN)/python benchmarks/bench_cluster.py 100000
	$(BIN)/python benchmarks/bench_cluster.py 1000000
	$(BIN)/python benchmarks/bench_store_save.py 100000 $(if $(BENCH_PG),--postgres $(BENCH_PG))
	$(BIN)/python benchmarks/bench_scaling.py --articles 1000
	$(BIN)/python benchmarks/bench_export.py 100000
	$(BIN)/python benchmarks/bench_dashboard_queries.py 2000

clean:
	rm -rf $(OUT) build test-artifacts veilleur.db veilleur.db-wal veilleur.db-shm

evaluate: install
	bash scripts/evaluate_sets.sh
