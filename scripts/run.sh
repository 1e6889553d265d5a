#!/usr/bin/env bash
# Install what the app needs (first time, or after pyproject.toml changed) and start it.
# Extra arguments go to the app (e.g. --data-dir, --database-url; see README).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/system-packages.sh
source scripts/system-packages.sh
if [ "${QT_QPA_PLATFORM:-xcb}" = xcb ]; then
  echo "== checking the system libraries Qt needs for a window"
  ensure_packages "${GUI_PACKAGES[@]}" || exit 1
fi
hash=$(sha256sum pyproject.toml | cut -c1-16)
if [ ! -f ".venv/.installed-app-$hash" ] && [ ! -f ".venv/.installed-test-$hash" ]; then
  bash scripts/install.sh app
fi
echo "== starting LinguaFlex Desktop"
exec .venv/bin/python main.py "$@"
