#!/usr/bin/env bash
# The whole test suite: install, lint (ruff), type-check (mypy), layer rules (import-linter),
# then pytest.
# Extra arguments go to pytest (e.g. scripts/test.sh tests/unit -x). The tests run in one
# process per core (pytest-xdist); TEST_WORKERS=N sets how many, TEST_WORKERS=0 runs them in
# this process (for --pdb or print debugging).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
export QT_QPA_PLATFORM=offscreen
echo "== ruff";  .venv/bin/ruff check linguaflex_desktop tests bench main.py
.venv/bin/ruff format --check linguaflex_desktop tests bench main.py
echo "== mypy";  .venv/bin/mypy
echo "== import contracts"; .venv/bin/lint-imports --no-logo
echo "== pytest"
.venv/bin/python -m pytest -p no:cacheprovider -ra -n "${TEST_WORKERS:-auto}" "$@"
