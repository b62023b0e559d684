# The two commands of the README:  make demo   |   make test
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8001

.PHONY: demo test bench system-deps clean

# A project venv with pinned versions (constraints.txt); rebuilt when the pins change.
$(BIN)/janji: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -c constraints.txt -e ".[test]"
	touch $@

demo: $(BIN)/janji
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
test: $(BIN)/janji system-deps
	$(BIN)/python -m pytest -q; rc=$$?; if [ $$rc -eq 5 ]; then rc=0; fi; exit $$rc

bench: $(BIN)/janji
	$(BIN)/python -m bench.quality

clean:
	rm -rf $(VENV) *.egg-info
