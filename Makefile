# The two commands the README opens with: `make demo` and `make test`. Both create or reuse .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DATA ?= botbaby-data
DEMO_ARGS ?=  # more options for python -m botbaby.demo, e.g. DEMO_ARGS="--train-steps 20 --port 0"
STAMP := $(VENV)/.installed

.PHONY: demo test lint install clean-venv

# The torch extra's CPU-only build (~190 MB) rather than the default Linux wheel and its ~3 GB of CUDA
# libraries: from pip's own sources when they have it, else from PyTorch's CPU index. A torch already
# in the venv is kept. For a CUDA build: make install TORCH=torch (or install it into .venv first).
TORCH ?= torch==2.13.0+cpu
TORCH_INDEX ?= https://download.pytorch.org/whl/cpu

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/python -c 'import torch' 2>/dev/null || $(BIN)/pip install -q '$(TORCH)' 2>/dev/null \
		|| $(BIN)/pip install -q '$(TORCH)' --extra-index-url $(TORCH_INDEX)
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
