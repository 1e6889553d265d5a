"""Helpers of the export tests: the save dialog answered by the test, and reading a CSV back
with the ``csv`` module."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from linguaflex_desktop.ui.export import CsvExport

WAIT_MS = 15000


class SaveDialog:
    """Stands in for ``QFileDialog.getSaveFileName``: answers what the test chose and
    records the suggested path of each call."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.suggested: list[str] = []
        self._answer: Path | None = None
        monkeypatch.setattr(QFileDialog, "getSaveFileName", self._ask)

    def answer(self, path: Path | None) -> None:
        """The file the "user" picks next (None: the dialog is cancelled)."""
        self._answer = path

    def _ask(self, _parent: object, _caption: str, suggested: str, _filter: str) -> tuple[str, str]:
        self.suggested.append(suggested)
        return ("" if self._answer is None else str(self._answer), "CSV files (*.csv)")


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.reader(stream))


def wait_for_outcome(qtbot: QtBot, export: CsvExport[Any] | None) -> int | BaseException:
    """Wait until the export has written its file (the rows) or given up (the error)."""
    assert export is not None, "the export did not start"
    qtbot.waitUntil(lambda: export.outcome is not None, timeout=WAIT_MS)
    assert export.outcome is not None
    return export.outcome


def wait_for_rows(qtbot: QtBot, export: CsvExport[Any] | None) -> int:
    outcome = wait_for_outcome(qtbot, export)
    assert isinstance(outcome, int), f"the export failed: {outcome!r}"
    return outcome
