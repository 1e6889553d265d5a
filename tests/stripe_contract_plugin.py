"""The suite's Stripe contract check: every request the run made to a sandbox is judged.

Registered from tests/conftest.py (``pytest_plugins``). At start it points
``LINGUAFLEX_STRIPE_CONTRACT_LOG`` at a fresh file for this run, so that every sandbox, in
this process or a child process, appends its ``ContractRecord`` lines there (see
``sandbox_ext.contract``). At the end the run fails (exit status 1) if any request of the app
or of a Dashboard stand-in broke the pinned API contract, or any POST/DELETE of the app lacked
an idempotency key of our own; the offending requests are listed, and a one-line summary
counts the requests checked per operation.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from linguaflex_desktop.adapters.stripe.sandbox_ext.contract import (
    CONTRACT_LOG_ENV,
    load_log,
    problems,
    summary,
)

_LOG = pytest.StashKey[Path]()
_FOUND = pytest.StashKey[tuple[str, list[str]]]()


def pytest_configure(config: pytest.Config) -> None:
    if hasattr(config, "workerinput"):
        # A pytest-xdist worker: its sandboxes append to the file of the run that started it
        # (inherited in the environment), which judges every worker's requests at the end.
        return
    # Always a fresh file of this run's own (a pytest run started by a test gets its own too).
    path = Path(tempfile.mkdtemp(prefix="linguaflex-stripe-contract-")) / "requests.jsonl"
    os.environ[CONTRACT_LOG_ENV] = str(path)
    config.stash[_LOG] = path


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    path = session.config.stash.get(_LOG, None)
    if path is None:
        return
    records = load_log(path)
    found = problems(records)
    session.config.stash[_FOUND] = (summary(records) if records else "", found)
    if found and session.exitstatus == pytest.ExitCode.OK:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    line, found = terminalreporter.config.stash.get(_FOUND, ("", []))
    if line:
        terminalreporter.write_line(line)
    if found:
        terminalreporter.section("Stripe contract broken", sep="=", red=True, bold=True)
        for problem in found:
            terminalreporter.write_line(problem)
