# make serve  - build the pages and serve the site on http://127.0.0.1:8000 with live reload
# make site   - build the site into site/ (python -m build_scripts build)
# make check  - the fast tier: every test but those that need Chromium, Java or pdftotext
# make test   - every test, browser tests included
# make bench  - the benchmarks, with their budgets
# make corpus - every official PDF of ../shared/corpus/ converted and checked (needs pdftotext)
# make lint   - ruff
# make golden - write the golden files of tests/test_golden.py anew (then read git diff tests/)

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt pyproject.toml | cksum | cut -d' ' -f1)
NODE_INSTALLED := node_modules/.installed-$(shell cat package.json package-lock.json | cksum | cut -d' ' -f1)

# Builds of the same commit are byte-identical: dates in the output come from the commit.
COMMIT_TIME := $(shell git log -1 --format=%ct 2>/dev/null)
ifneq ($(COMMIT_TIME),)
export SOURCE_DATE_EPOCH ?= $(COMMIT_TIME)
endif

.PHONY: serve site check test bench corpus lint golden tools clean

$(INSTALLED): requirements.txt requirements-dev.txt pyproject.toml
	@echo "Installing the pinned Python packages into $(VENV)/ (about a minute the first time)..."
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@# The project itself, editable: `pytest` and `python -m build_scripts` find it from anywhere.
	@$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@rm -f $(VENV)/.installed-* && touch $@

$(NODE_INSTALLED): package.json package-lock.json
	@echo "Installing the browser test tools (axe-core, the Nu HTML Checker) into node_modules/..."
	@# --ignore-scripts: vnu-jar ships its jar; its install script would try the network.
	@npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@rm -f node_modules/.installed-* && touch $@

serve: $(INSTALLED)
	$(PY) -m build_scripts serve --dev-addr 127.0.0.1:8000

# The build stages the site beside site/ and swaps it in only when every step succeeded: a
# failed build leaves the previous site/ and docs/ pages as they were.
site: $(INSTALLED)
	$(PY) -m build_scripts build --site-dir site

tools:
	@sh scripts/ensure-tools.sh

check: $(INSTALLED)
	$(PY) -m pytest -m "not browser and not tools"

test: $(INSTALLED) $(NODE_INSTALLED) tools
	$(PY) -m pytest

bench: $(INSTALLED) $(NODE_INSTALLED) tools
	$(PY) -m benchmarks

# No expected counts: what any conversion must satisfy, and the words pdftotext reads found in
# the model. Exits 1 below the thresholds (benchmarks/corpus_check.py).
corpus: $(INSTALLED) tools
	$(PY) -m benchmarks.corpus_check --quiet

# After a change on purpose to the model, the pages or the downloads (or a merge that brings one):
# every golden file written from the code as it is; those no longer built are removed.
golden: $(INSTALLED)
	rm -rf tests/golden
	$(PY) -m pytest tests/test_golden.py --regen-all -q

lint: $(INSTALLED)
	$(VENV)/bin/ruff check build_scripts tests benchmarks hooks
	$(VENV)/bin/ruff format --check build_scripts tests benchmarks hooks

clean:
	rm -rf site .site.* $(VENV) node_modules
