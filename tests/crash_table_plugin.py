"""The crash suite's table (tests/e2e/test_crash_recovery.py): each crash test's (step,
outcome) row, printed at the end of the run.

Registered from tests/conftest.py (``pytest_plugins``), so the process that prints the summary
has it even when it collects no test: under pytest-xdist the rows travel on the tests' reports
from the worker processes to the controller.
"""

from __future__ import annotations

import pytest

CRASH_ROW = "crash recovery row"


class CrashTable:
    """Where a crash test puts its (step, outcome) row: on its own test report, so the row
    reaches the process that prints the summary (the pytest-xdist controller, when the tests
    run in worker processes)."""

    def __init__(self, node: pytest.Item) -> None:
        self._node = node

    def append(self, row: tuple[str, str]) -> None:
        self._node.user_properties.append((CRASH_ROW, row))


@pytest.fixture
def crash_table(request: pytest.FixtureRequest) -> CrashTable:
    """Rows (step, outcome) the crash suite prints at the end of the run."""
    assert isinstance(request.node, pytest.Item)
    return CrashTable(request.node)


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.when != "call":
        return
    for name, value in report.user_properties:
        if name == CRASH_ROW:
            step, outcome = value
            _reported_rows.append((str(step), str(outcome)))


# The rows of this pytest process's reports (one conftest module per process).
_reported_rows: list[tuple[str, str]] = []


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    from linguaflex_desktop.crashpoints import CRASH_POINTS

    order: dict[str, int] = {step: index for index, step in enumerate(CRASH_POINTS)}
    rows = sorted(_reported_rows, key=lambda row: order.get(row[0], len(order)))
    if not rows:
        return
    width = max(len("step"), *(len(step) for step, _ in rows))
    terminalreporter.section("crash recovery: killed at each step, then restarted")
    terminalreporter.write_line(f"{'step':<{width}}  outcome")
    terminalreporter.write_line(f"{'-' * width}  {'-' * 7}")
    for step, outcome in rows:
        terminalreporter.write_line(f"{step:<{width}}  {outcome}")
