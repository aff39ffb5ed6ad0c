# Two entry points for a fresh machine: `make run` and `make test`. Each sets itself up.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
TORCH := torch==2.13.0

.PHONY: run test quick index bench clean browser

# llama.cpp is compiled for any x86-64 with AVX2, not for the CPU it is built on: a build for a
# CPU that lists AMX (GGML_NATIVE, the default) crashed every local answer in llama_decode
# (segfault) on a machine that lists AMX but does not grant it. Not from pip's wheel cache,
# which may hold such a build (pip keys it by version, not by these flags).
LLAMA_CMAKE_ARGS ?= -DGGML_NATIVE=OFF

# CPU torch goes in first: a plain `torch` requirement resolved on its own pulls CUDA builds.
$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet $(TORCH)
	CMAKE_ARGS="$(LLAMA_CMAKE_ARGS)" $(BIN)/pip install --quiet --no-cache-dir 'llama-cpp-python>=0.3.7'

$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed-run

index: $(VENV)/.installed-run
	$(BIN)/rag index --corpus seeds --index index

# Serving syncs the index with seeds/ first (incrementally), then opens the chat.
run: $(VENV)/.installed-run
	$(BIN)/rag serve --corpus seeds --index index --host 127.0.0.1 --port 7860

# The browser tests drive Debian's Chromium (Playwright's own download does not work offline).
browser:
	@test -x /usr/bin/chromium || { \
		echo "installing Debian's chromium for the browser tests"; \
		$$( [ "$$(id -u)" = 0 ] || echo sudo ) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null \
		|| { $$( [ "$$(id -u)" = 0 ] || echo sudo ) apt-get update -q >/dev/null && \
		     $$( [ "$$(id -u)" = 0 ] || echo sudo ) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null; }; }

test: $(VENV)/.installed-dev browser
	$(BIN)/python -m pytest -q

# The inner loop: logic on the fake embedder and scripted model, no model loaded (seconds).
QUICK := tests/test_logic.py tests/test_layout.py tests/test_settings.py tests/test_answerable.py tests/test_upload.py
quick: $(VENV)/.installed-dev
	$(BIN)/python -m pytest -q $(QUICK)

bench: $(VENV)/.installed-dev
	$(BIN)/python bench/ingest.py

clean:
	rm -rf $(VENV) index/store-* index/manifest.json index/.lock
