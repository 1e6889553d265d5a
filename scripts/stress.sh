#!/usr/bin/env bash
# The whole suite N times in a row (default 5) while other processes keep every core busy:
# a race test that depends on timing fails here. Each run uses a new random order (its seed is
# printed); the script stops at the first red run and exits non-zero. The suite runs as
# scripts/test.sh runs it, one worker process per core (TEST_WORKERS=N to change), so each
# core has a test process and a spinning process competing for it.
# Usage: bash scripts/stress.sh [RUNS] [pytest arguments...]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
shift || true
bash scripts/install.sh
export QT_QPA_PLATFORM=offscreen LINGUAFLEX_REQUIRE_PEERS=${LINGUAFLEX_REQUIRE_PEERS:-1}

load_pids=()
stop_load() { kill "${load_pids[@]}" 2>/dev/null || true; }
trap stop_load EXIT
for _ in $(seq 1 "$(nproc)"); do
  # A busy loop per core, ended by the trap (and by its own time limit as a safety net).
  timeout 3h .venv/bin/python -c "while True: pass" &
  load_pids+=($!)
done

for run in $(seq 1 "$runs"); do
  echo "== run $run of $runs (every core also busy with a spinning process)"
  if ! .venv/bin/python -m pytest -p no:cacheprovider -ra -n "${TEST_WORKERS:-auto}" "$@"; then
    echo "== run $run failed"
    exit 1
  fi
done
echo "== $runs runs passed under load"
