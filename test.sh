#!/usr/bin/env bash
# Set up (first time) and run every check: ruff, the layer contracts, the whole test suite.
# Extra arguments go to pytest, e.g. ./test.sh -k gate
set -euo pipefail
cd "$(dirname "$0")"
installers/debian-setup.sh --test
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/lint-imports
exec .venv/bin/python -m pytest "$@"
