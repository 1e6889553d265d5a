"""``python -m bench``: every benchmark on SQLite and Postgres, then one table — each figure
beside its reference measured in the same run, the ratio, the goal, and met or missed by how
much — with the machine and the date.

Options: ``--smoke`` tiny sizes (the test suite runs this so the scripts cannot rot);
``--only NAME`` (repeatable) some benchmarks; ``--database sqlite|postgres`` (repeatable);
``--markdown`` also writes the table into bench/README.md between its markers;
``--save-baseline`` records today's ratios in bench/baseline.json (the "1.2x today" goals).
Progress and per-benchmark detail go to stderr, the table to stdout.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from bench.harness import SMOKE_VARIABLE


def parse(argv: list[str]) -> argparse.Namespace:
    from bench.suite import BENCHMARKS, DATABASES

    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument("--smoke", action="store_true", help="tiny sizes: the scripts only run")
    parser.add_argument("--only", action="append", choices=sorted(BENCHMARKS), metavar="NAME")
    parser.add_argument("--database", action="append", choices=DATABASES)
    parser.add_argument("--markdown", action="store_true", help="write bench/README.md's table")
    parser.add_argument("--save-baseline", action="store_true", help="record today's ratios")
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    if "--smoke" in argv:  # before any benchmark module reads its sizes
        os.environ[SMOKE_VARIABLE] = "1"
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    from bench import suite

    options = parse(argv)
    if options.smoke and (options.save_baseline or options.markdown):
        raise SystemExit("a smoke run's figures are no baseline and no table to publish")
    names = options.only or list(suite.BENCHMARKS)
    began, cpu = time.perf_counter(), suite.read_cpu_times()
    figures = suite.run_benchmarks(
        names, options.database or suite.DATABASES, lambda line: print(line, file=sys.stderr)
    )
    if options.save_baseline:
        suite.save_baseline(figures)
    figures = suite.with_baseline(figures, suite.load_baseline())
    about = suite.machine() + f"; {'smoke' if options.smoke else 'full'} run"
    about += f" in {time.perf_counter() - began:.0f} s"
    about += suite.stolen_note(cpu, suite.read_cpu_times())
    note = suite.closing_note(figures)
    if options.smoke:
        note += "\nA smoke run: tiny sizes, so its figures say nothing against the goals."
    print(f"Run: {about}\n\n{suite.text_table(figures)}\n\n{note}")
    if options.markdown:
        suite.write_markdown(Path(__file__).with_name("README.md"), figures, about)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
