#!/usr/bin/env bash
# Install (first time) and start the app on its embedded defaults. Extra arguments go to the app.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/linguaflex ] || bash scripts/install.sh
exec .venv/bin/python main.py "$@"
