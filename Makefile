# The two commands the README opens with: `make demo` and `make test`. Both create or reuse .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DATA ?= botbaby-data
DEMO_ARGS ?=  # more options for python -m botbaby.demo, e.g. DEMO_ARGS="--train-steps 20 --port 0"
STAMP := $(VENV)/.installed

.PHONY: demo test lint install clean-venv

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[all]'
	touch $(STAMP)

install: $(STAMP)

# The whole product on the embedded default: demo corpus -> clean -> tiny model -> web page.
demo: $(STAMP)
	$(BIN)/python -m botbaby.demo --data $(DATA) $(DEMO_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check botbaby tests benchmarks

test: lint
	$(BIN)/python -m pytest

clean-venv:
	rm -rf $(VENV)
