# eventwire: `make run` and `make test` set up .venv themselves on a fresh clone.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
OUTPUT ?= output

.PHONY: run test install install-test install-objstore test-objstore clean bench

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

$(VENV)/.installed: setup.py | $(PY)
	$(PY) -m pip install -q -e .
	touch $@

$(VENV)/.installed-test: setup.py $(VENV)/.installed
	$(PY) -m pip install -q -e ".[test]"
	touch $@

# gs:// and s3://: the cloud extras and the two emulators the object-store tests start on 127.0.0.1.
$(VENV)/.installed-objstore: setup.py $(VENV)/.installed-test
	$(PY) -m pip install -q -e ".[test,aws,gcp,emulators]"
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test
install-objstore: $(VENV)/.installed-objstore

run: install
	$(VENV)/bin/eventwire run --output $(OUTPUT)
	$(VENV)/bin/eventwire query --output $(OUTPUT) \
	  "SELECT actor, count(*) AS events FROM events GROUP BY actor ORDER BY events DESC, actor"

test: install-test
	$(VENV)/bin/ruff check .
	$(PY) -m pytest -q --durations=15

# The tests marked objstore (tests/objstore/), deselected by `make test`; here none may skip.
test-objstore: install-objstore
	$(PY) -m pytest -q --durations=10 -m objstore tests/objstore

bench: install-test
	$(PY) bench/run.py --sizes 1000 5000 --repeats 3

clean:
	rm -rf $(OUTPUT) .pytest_cache build *.egg-info
