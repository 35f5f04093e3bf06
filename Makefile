# eventwire: `make run` and `make test` set up .venv themselves on a fresh clone.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
OUTPUT ?= output

.PHONY: run test install install-test clean bench

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

$(VENV)/.installed: setup.py | $(PY)
	$(PY) -m pip install -q -e .
	touch $@

$(VENV)/.installed-test: setup.py $(VENV)/.installed
	$(PY) -m pip install -q -e ".[test]"
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

run: install
	$(VENV)/bin/eventwire run --output $(OUTPUT)
	$(VENV)/bin/eventwire query --output $(OUTPUT) \
	  "SELECT actor, count(*) AS events FROM events GROUP BY actor ORDER BY events DESC, actor"

test: install-test
	$(VENV)/bin/ruff check .
	$(PY) -m pytest -q

bench: install-test
	$(PY) bench/run.py --sizes 1000 5000 --repeats 3

clean:
	rm -rf $(OUTPUT) .pytest_cache build *.egg-info
