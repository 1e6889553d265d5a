"""The benchmark suite still runs: ``python -m bench --smoke`` (tiny sizes, SQLite) prints a
table with a row of numbers for every figure. Whether goals are met is the suite's business,
not a test's: timings are never asserted here."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from bench.suite import BASELINE, BENCHMARKS

ROOT = Path(__file__).resolve().parents[2]
CELL = re.compile(r"\s{2,}")  # the table's columns are two or more spaces apart
NUMBER = r"[\d,]+(\.\d+)? (ms|MB)"  # times; the memory figure's megabytes


def smoke_table() -> list[list[str]]:
    """The rows of the printed table (without the header and its rule)."""
    done = subprocess.run(
        [sys.executable, "-m", "bench", "--smoke", "--database", "sqlite"],
        capture_output=True,
        text=True,
        timeout=180,
        cwd=ROOT,
        env={
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "QT_QPA_PLATFORM": "offscreen",
            "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        },
    )
    assert done.returncode == 0, done.stderr[-3000:]
    lines = done.stdout.splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("benchmark"))
    rows = []
    for line in lines[header + 2 :]:
        if not line.strip():
            break
        rows.append(CELL.split(line.strip()))
    assert lines[0].startswith("Run: "), "the table comes with its machine and date"
    assert "cores" in lines[0] and "SQLite" in lines[0] and "Qt" in lines[0]
    return rows


def test_the_smoke_run_prints_every_figure_with_numbers() -> None:
    rows = smoke_table()
    assert {row[0] for row in rows} == set(BENCHMARKS), "every benchmark has figures"
    for row in rows:
        _benchmark, database, _figure, app, reference, ratio, goal, result = row
        assert database == "sqlite"
        assert re.fullmatch(NUMBER, app), row
        assert re.search(NUMBER + "$", reference), row
        assert re.fullmatch(r"(\d+\.\d\d|inf)x", ratio), row
        assert goal and result, row
    # every figure the recorded baseline knows (the full run's names) is still measured
    shown = {f"{row[0]}/{row[1]}/{row[2]}" for row in rows}
    recorded = {key for key in json.loads(BASELINE.read_text()) if "/sqlite/" in key}
    assert recorded <= shown, sorted(recorded - shown)
