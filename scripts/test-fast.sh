#!/usr/bin/env bash
# The fast tier: unit tests and the service tests on SQLite with the fake adapters; no
# Postgres, no Chromium, no localstripe (tests using the stripe_sandbox fixture are marked
# localstripe by tests/conftest_stripe.py). Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=offscreen
.venv/bin/python -m pytest -p no:cacheprovider -ra tests/unit tests/integration \
  -m "not postgres and not browser and not localstripe" "$@"
