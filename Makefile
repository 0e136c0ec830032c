# Two commands for a fresh machine with Python 3.11+ and git:
#   make lab    set up .venv and open the lessons in JupyterLab
#   make test   set up .venv and run every test (type and lint checks, unit tests,
#               nbval over lessons/, the browser tests when Chromium is installed)
# For the edit loop:
#   make check  the unit tests only (no notebooks, no browser, no scaling benchmark: make test runs those)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# JupyterLab refuses to start as root (common in containers and lab images) unless told
LAB_ROOT := $(shell [ "$$(id -u)" = 0 ] && echo --allow-root)

.PHONY: lab test check lint setup clean student-edition

# Setup also installs the lessons' JupyterLab defaults (binder/jupyterlab-settings.json, as binder/postBuild
# does): widget state saved in the notebook, so a reopened lesson never shows "Error displaying widget: model
# not found". overrides.d/ merges with any overrides.json of the environment instead of replacing it.
$(STAMP): pyproject.toml binder/requirements.txt binder/jupyterlab-settings.json
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' || \
	  { echo "The kit needs Python 3.11 or newer; $(PYTHON) is $$($(PYTHON) -V 2>&1). Run: make PYTHON=python3.11 ..."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c binder/requirements.txt -e ".[dev]"
	mkdir -p $(VENV)/share/jupyter/lab/settings/overrides.d
	cp binder/jupyterlab-settings.json $(VENV)/share/jupyter/lab/settings/overrides.d/media-literacy-kit.json
	touch $(STAMP)

setup: $(STAMP)

lab: $(STAMP)
	$(BIN)/jupyter lab $(LAB_ROOT) lessons/00_start_here.ipynb

lint: $(STAMP)
	$(BIN)/ruff check kit tests benchmarks tools
	$(BIN)/mypy

check: $(STAMP)
	$(BIN)/python -m pytest tests --ignore=tests/e2e --ignore=tests/test_scaling.py -q

test: $(STAMP) lint
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV)

# A copy of the repository without teachers/, tests/ and developer tools, to publish for students
student-edition:
	@[ -n "$(DEST)" ] || { echo "usage: make student-edition DEST=../kit-students"; exit 1; }
	$(PYTHON) tools/student_edition.py "$(DEST)"
