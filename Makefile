# The two commands of the README:  make demo   |   make test
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8001

.PHONY: demo test bench system-deps clean

# A project venv with pinned versions (constraints.txt), in two steps so that the demo never
# installs what only the tests need (Playwright, reportlab, hypothesis, pytest). Each step has
# its stamp file and is redone when the pins change. The venv's own pip is used as it ships:
# every dependency is declared by name, so no newer pip is needed to resolve an extra.
APP_STAMP  := $(VENV)/.janji-app
TEST_STAMP := $(VENV)/.janji-test

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(APP_STAMP): pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/python -m pip install -q -c constraints.txt -e .
	touch $@

$(TEST_STAMP): $(APP_STAMP)
	$(BIN)/python -m pip install -q -c constraints.txt -e ".[test]"
	touch $@

demo: $(APP_STAMP)
	$(BIN)/janji demo --port $(PORT)

# Debian packages the tests use: Tesseract with Indonesian data (OCR) and Chromium (browser
# tests); installed when missing and we may use apt-get.
DEBIAN_PACKAGES := tesseract-ocr tesseract-ocr-ind chromium
system-deps:
	@missing=$$(for p in $(DEBIAN_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ] && command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
		echo "installing $$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi

# pytest exit code 5 means "no tests collected": not a failure of the suite itself.
test: $(TEST_STAMP) system-deps
	$(BIN)/python -m pytest -q; rc=$$?; if [ $$rc -eq 5 ]; then rc=0; fi; exit $$rc

bench: $(TEST_STAMP)
	$(BIN)/python -m bench.quality

clean:
	rm -rf $(VENV) *.egg-info
