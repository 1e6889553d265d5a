"""Skips and expected failures are counted: a run fails on any skip or xfail not listed, with its
reason, in tests/allowed_skips.txt (a missing peer locally is reported, but only fails the run
when ``LINGUAFLEX_REQUIRE_PEERS=1``, as in CI, where ``missing_peer`` fails the test anyway).

Each line of the list is ``<node id prefix> | <reason>``; blank lines and ``#`` comments are
ignored. A test that stops skipping needs no change here.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ALLOWED_SKIPS = Path(__file__).with_name("allowed_skips.txt")


def allowed_prefixes(path: Path = ALLOWED_SKIPS) -> list[str]:
    """The node id prefixes allowed to skip or xfail; each listed line must give a reason."""
    prefixes = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        prefix, _, reason = (part.strip() for part in line.partition("|"))
        if not prefix or not reason:
            raise pytest.UsageError(f"{path.name}:{number}: write '<node id prefix> | <reason>'")
        prefixes.append(prefix)
    return prefixes


def unlisted(node_ids: list[str], prefixes: list[str]) -> list[str]:
    return [node for node in node_ids if not any(node.startswith(p) for p in prefixes)]


class SkipAccounting:
    """A pytest plugin object: collects skipped and xfailed node ids, judges them at the end."""

    def __init__(self) -> None:
        self.skipped: list[str] = []

    @pytest.hookimpl
    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if report.skipped and report.nodeid not in self.skipped:
            self.skipped.append(report.nodeid)  # skip and xfail both report as skipped

    @pytest.hookimpl(trylast=True)
    def pytest_sessionfinish(self, session: pytest.Session, exitstatus: int) -> None:
        strict = os.environ.get("LINGUAFLEX_REQUIRE_PEERS") == "1"
        surprises = unlisted(self.skipped, allowed_prefixes())
        if surprises and strict and session.exitstatus == pytest.ExitCode.OK:
            session.exitstatus = pytest.ExitCode.TESTS_FAILED
        self.surprises = surprises

    @pytest.hookimpl
    def pytest_terminal_summary(self, terminalreporter: pytest.TerminalReporter) -> None:
        surprises = getattr(self, "surprises", [])
        terminalreporter.write_line(
            f"skips and xfails: {len(self.skipped)}, not listed in {ALLOWED_SKIPS.name}: "
            f"{len(surprises)}"
        )
        for node in surprises:
            terminalreporter.write_line(f"  not listed: {node}", red=True)


def pytest_configure(config: pytest.Config) -> None:
    """Loaded as a plugin (``pytest_plugins`` in tests/conftest.py, or ``-p``)."""
    config.pluginmanager.register(SkipAccounting(), "linguaflex-skip-accounting")
