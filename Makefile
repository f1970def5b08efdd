# make serve  - build the pages and serve the site on http://127.0.0.1:8000 with live reload
# make site   - build the site into site/ (mkdocs build --strict)
# make test   - every test, browser tests included
# make bench  - the benchmarks, with their budgets
# make lint   - ruff

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt | cksum | cut -d' ' -f1)
NODE_INSTALLED := node_modules/.installed-$(shell cat package.json package-lock.json | cksum | cut -d' ' -f1)

# Builds of the same commit are byte-identical: dates in the output come from the commit.
COMMIT_TIME := $(shell git log -1 --format=%ct 2>/dev/null)
ifneq ($(COMMIT_TIME),)
export SOURCE_DATE_EPOCH ?= $(COMMIT_TIME)
endif

.PHONY: serve site test bench lint browser clean

$(INSTALLED): requirements.txt requirements-dev.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@rm -f $(VENV)/.installed-* && touch $@

$(NODE_INSTALLED): package.json package-lock.json
	@# --ignore-scripts: vnu-jar ships its jar; its install script would try the network.
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@rm -f node_modules/.installed-* && touch $@

serve: $(INSTALLED)
	NO_MKDOCS_2_WARNING=1 $(VENV)/bin/mkdocs serve --dev-addr 127.0.0.1:8000

# Built into site.tmp/ and swapped in only when the build succeeded: a failed build
# leaves the previous site/ as it was.
site: $(INSTALLED)
	@rm -rf site.tmp
	NO_MKDOCS_2_WARNING=1 $(VENV)/bin/mkdocs build --strict --site-dir site.tmp
	@rm -rf site.old; if [ -d site ]; then mv site site.old; fi; mv site.tmp site; rm -rf site.old

browser:
	@sh scripts/ensure-browser.sh

test: $(INSTALLED) $(NODE_INSTALLED) browser
	NO_MKDOCS_2_WARNING=1 $(PY) -m pytest

bench: $(INSTALLED) $(NODE_INSTALLED) browser
	$(PY) -m benchmarks

lint: $(INSTALLED)
	$(VENV)/bin/ruff check build_scripts tests benchmarks hooks
	$(VENV)/bin/ruff format --check build_scripts tests benchmarks hooks

clean:
	rm -rf site site.tmp $(VENV) node_modules
