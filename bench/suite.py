"""The benchmark suite: what a figure is, the registry of benchmarks, and the one table.

Every figure stands beside a reference measured in the same run (the same SQL on the raw
driver, an idle GUI timer, ...) and has a goal: a ratio to its reference or a value. Where
the issue that asked for the suite names no goal, the goal is "no worse than 1.2x today":
1.2 times the ratio recorded in ``baseline.json`` (``python -m bench --save-baseline``).
"""

from __future__ import annotations

import importlib
import json
import os
import platform
import sqlite3
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.engine import make_url

from bench.figure import Figure
from bench.harness import postgres_database

# name -> module; each module has ``figures(url) -> list[Figure]``. Imported only when run,
# so ``--smoke`` (an environment variable the modules read for their sizes) comes first.
BENCHMARKS = {
    "reports": "bench.bench_reports",
    "booking_lists": "bench.bench_booking_lists",
    "attention": "bench.bench_attention",
    "booking_windows": "bench.bench_booking_windows",
    "search": "bench.bench_search",
    "free_time": "bench.bench_free_time",
    "startup": "bench.bench_startup",
    "role_windows": "bench.bench_role_windows",
    "background": "bench.bench_background",
    "slow_peers": "bench.bench_slow_peers",
    "many_desktops": "bench.bench_many_desktops",
}
DATABASES = ("sqlite", "postgres")
BASELINE = Path(__file__).with_name("baseline.json")
TODAY_SLACK = 1.2  # the goal where none is named: no worse than 1.2x today's ratio


def with_baseline(figures: list[Figure], baseline: dict[str, float]) -> list[Figure]:
    """Figures without a goal of their own get TODAY_SLACK x their recorded ratio (divided by
    it where higher is better)."""
    done = []
    for figure in figures:
        if figure.goal_ratio is None and figure.goal_value is None and figure.key in baseline:
            today = baseline[figure.key]
            goal = today * TODAY_SLACK if figure.lower_is_better else today / TODAY_SLACK
            figure = replace(figure, goal_ratio=goal, goal_from_today=True)
        done.append(figure)
    return done


def load_baseline() -> dict[str, float]:
    return json.loads(BASELINE.read_text()) if BASELINE.exists() else {}


def save_baseline(figures: Iterable[Figure]) -> None:
    """Record today's ratio of every figure without a goal of its own (kept for the rest)."""
    baseline = load_baseline()
    for figure in figures:
        if (figure.goal_ratio is None and figure.goal_value is None) or figure.goal_from_today:
            baseline[figure.key] = round(figure.ratio, 2)
    BASELINE.write_text(json.dumps(dict(sorted(baseline.items())), indent=1) + "\n")


# --- running ------------------------------------------------------------------------------


def run_benchmarks(
    names: Iterable[str], databases: Iterable[str], report: Callable[[str], None] = print
) -> list[Figure]:
    """Each benchmark on each database (a temporary SQLite file; a throw-away Postgres
    database, skipped with a note when the server cannot be reached)."""
    figures: list[Figure] = []
    for name in names:
        module = importlib.import_module(BENCHMARKS[name])
        for database in databases:
            report(f"running {name} on {database} ...")
            began, cpu = time.perf_counter(), read_cpu_times()
            for url in _urls(database):
                found = module.figures(url)
                figures += [replace(f, benchmark=name, database=database) for f in found]
            took = f"  {name} on {database}: {time.perf_counter() - began:.0f} s"
            report(took + stolen_note(cpu, read_cpu_times()))
    return figures


# --- the host's share ---------------------------------------------------------------------

# /proc/stat's first line: jiffies of all CPUs since boot, by state; the eighth is "steal",
# time this virtual machine was ready to run while the host ran something else. A phase with
# steal slows every figure of it, app and reference alike but not always evenly.
_STEAL_FIELD = 7


def read_cpu_times(stat: Path = Path("/proc/stat")) -> list[int] | None:
    """The machine's CPU time by state so far (Linux), None where there is no /proc/stat."""
    try:
        first = stat.read_text().split("\n", 1)[0].split()
    except OSError:
        return None
    if not first or first[0] != "cpu":
        return None
    return [int(value) for value in first[1:9]]


def stolen_percent(before: list[int] | None, after: list[int] | None) -> float | None:
    """Percent of the CPU time between two readings that the host took (steal)."""
    if before is None or after is None or len(before) <= _STEAL_FIELD:
        return None
    spent = [late - early for early, late in zip(before, after, strict=True)]
    total = sum(spent)
    return 100 * spent[_STEAL_FIELD] / total if total > 0 else None


def stolen_note(before: list[int] | None, after: list[int] | None) -> str:
    percent = stolen_percent(before, after)
    return "" if percent is None else f", CPU time taken by the host (steal) {percent:.1f}%"


def main_alone(name: str, figures: Callable[[str], list[Figure]], urls: list[str]) -> None:
    """One benchmark run as a script: on the URLs given, or else SQLite and Postgres; prints
    its part of the table."""
    found: list[Figure] = []

    def run(url: str) -> None:
        database = make_url(url).get_backend_name()
        found.extend(replace(f, benchmark=name, database=database) for f in figures(url))

    for url in urls:
        run(url)
    for database in () if urls else DATABASES:
        for url in _urls(database):  # the temporary database lives while this loop runs
            run(url)
    found = with_baseline(found, load_baseline())
    print(f"Run: {machine()}\n\n{text_table(found)}\n\n{closing_note(found)}")


def _urls(database: str) -> Iterator[str]:
    if database == "sqlite":
        with tempfile.TemporaryDirectory() as folder:
            yield f"sqlite:///{folder}/bench.sqlite3"
    else:
        with postgres_database() as url:
            if url:
                yield url


# --- the table ----------------------------------------------------------------------------


def machine() -> str:
    """Cores, CPU model, Python, Qt and SQLite versions (and the date) of this run."""
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        from PySide6 import QtCore

        qt = QtCore.qVersion()
    except ImportError:
        qt = "none"
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return (
        f"{now}; {cores} cores, {model}; Python {platform.python_version()}, Qt {qt}, "
        f"SQLite {sqlite3.sqlite_version}; load average {load} (1 / 5 / 15 min) at the end"
    )


def _number(value: float, unit: str) -> str:
    if unit != "ms" and float(value).is_integer():  # a count: errors, round trips, winners
        return f"{value:,.0f} {unit}"
    digits = 2 if value < 1 else 1 if value < 100 else 0
    return f"{value:,.{digits}f} {unit}"


def _goal(figure: Figure) -> str:
    sign = "=" if figure.goal_exact else "≤" if figure.lower_is_better else "≥"
    if figure.goal_ratio is not None:
        text = f"{sign} {figure.goal_ratio:.2f}x"
        return text + " (1.2x today)" if figure.goal_from_today else text
    if figure.goal_value is not None:
        return f"{sign} {_number(figure.goal_value, figure.unit)}"
    return "none yet"


def _result(figure: Figure) -> str:
    missed = figure.missed_by()
    if missed is None:
        return "—"
    return f"met ({0.0 - missed:.0f}% to spare)" if missed <= 0 else f"MISSED by {missed:.0f}%"


HEADER = ("benchmark", "db", "figure", "app", "reference", "ratio", "goal", "result")


def rows(figures: Iterable[Figure]) -> list[tuple[str, ...]]:
    return [
        (
            f.benchmark,
            f.database,
            f.name,
            _number(f.value, f.unit),
            f"{f.reference_name} {_number(f.reference_value, f.unit)}",
            f"{f.ratio:.2f}x",
            _goal(f),
            _result(f),
        )
        for f in figures
    ]


def text_table(figures: list[Figure]) -> str:
    table = [HEADER, *rows(figures)]
    widths = [max(len(row[i]) for row in table) for i in range(len(HEADER))]
    right = {3, 4, 5}
    lines = [
        "  ".join(
            cell.rjust(widths[i]) if i in right else cell.ljust(widths[i])
            for i, cell in enumerate(row)
        ).rstrip()
        for row in table
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def markdown_table(figures: list[Figure]) -> str:
    lines = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    lines += ["| " + " | ".join(row) + " |" for row in rows(figures)]
    return "\n".join(lines)


def closing_note(figures: list[Figure]) -> str:
    """How many figures met their goal, and each one missed with by how much."""
    judged = [f for f in figures if f.missed_by() is not None]
    missed = [f for f in judged if (f.missed_by() or 0) > 0]
    lines = [f"{len(judged) - len(missed)} of {len(judged)} figures met their goal."]
    lines += [
        f"missed: {f.benchmark} on {f.database}, {f.name}: by {f.missed_by():.0f}%" for f in missed
    ]
    unjudged = len(figures) - len(judged)
    if unjudged:
        lines.append(f"{unjudged} figures have no goal yet (no baseline recorded).")
    return "\n".join(lines)


START_MARK = "<!-- bench table: start (written by python -m bench --markdown) -->"
END_MARK = "<!-- bench table: end -->"


def write_markdown(readme: Path, figures: list[Figure], about: str) -> None:
    """Put the table (with the machine and date) between the markers, keeping the prose."""
    first, *rest = closing_note(figures).split("\n")
    note = "\n".join([first, "", *(f"- {line}" for line in rest)]) if rest else first
    block = "\n\n".join([START_MARK, f"Run: {about}", markdown_table(figures), note, END_MARK])
    text = readme.read_text() if readme.exists() else ""
    if START_MARK in text and END_MARK in text:
        before, tail = text.split(START_MARK, 1)
        after = tail.split(END_MARK, 1)[1]
        text = before + block + after
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    readme.write_text(text)
