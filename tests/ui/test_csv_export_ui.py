"""``ui.export``: the file dialog (patched) starts in Documents or the last export folder,
the rows are written on the pool thread while the window's event loop keeps running, a large
export shows a non-modal progress dialog whose Cancel leaves no file, and the outcome is one
sentence in the page's labels (or a message box)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths, Qt, QTimer
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from linguaflex_desktop.errors import UserCancelled, ValidationError
from linguaflex_desktop.services.reports.csv_export import CsvColumn
from linguaflex_desktop.ui import export as export_module
from linguaflex_desktop.ui.export import CsvExport, export_csv, export_loaded_csv
from linguaflex_desktop.ui.task_runner import TaskRunner
from tests.ui.export_ui_helpers import SaveDialog, read_csv, wait_for_outcome, wait_for_rows

COLUMNS: tuple[CsvColumn[int], ...] = (
    CsvColumn("Number", lambda n: str(n)),
    CsvColumn("Square", lambda n: str(n * n)),
)


@dataclass
class Harness:
    """A page with a notice and an error label, the runner, and the patched save dialog."""

    qtbot: QtBot
    widget: QWidget
    notice: QLabel
    error: QLabel
    runner: TaskRunner
    dialog: SaveDialog
    folder: Path

    def export(
        self, fetch_rows: Callable[[], Iterable[int]], *, total: int | None, name: str
    ) -> CsvExport[int]:
        export = export_csv(
            self.widget,
            self.runner,
            what="squares",
            suggested_name=name,
            columns=COLUMNS,
            fetch_rows=fetch_rows,
            total=total,
            notice_label=self.notice,
            error_label=self.error,
        )
        assert export is not None
        return export

    def export_loaded(self, rows: list[int], name: str) -> CsvExport[int] | None:
        """Without labels: the outcome goes to the window."""
        return export_loaded_csv(
            self.widget, self.runner, what="squares", suggested_name=name, columns=COLUMNS,
            rows=rows,
        )  # fmt: skip


@pytest.fixture
def harness(qtbot: QtBot, runner: TaskRunner, save_dialog: SaveDialog, tmp_path: Path) -> Harness:
    widget = QWidget()
    notice, error = QLabel(), QLabel()
    layout = QVBoxLayout(widget)
    layout.addWidget(notice)
    layout.addWidget(error)
    qtbot.addWidget(widget)
    widget.show()
    return Harness(qtbot, widget, notice, error, runner, save_dialog, tmp_path)


def test_loaded_rows_are_exported_with_one_header_and_the_notice_says_so(
    harness: Harness,
) -> None:
    harness.dialog.answer(harness.folder / "squares")  # no suffix typed: ".csv" is added
    export = export_loaded_csv(
        harness.widget,
        harness.runner,
        what="squares",
        suggested_name="squares.csv",
        columns=COLUMNS,
        rows=[1, 2, 3],
        notice_label=harness.notice,
        error_label=harness.error,
    )
    assert export is not None
    assert export.progress_dialog is None  # a small export shows no progress dialog
    assert wait_for_rows(harness.qtbot, export) == 3
    target = harness.folder / "squares.csv"
    assert read_csv(target) == [["Number", "Square"], ["1", "1"], ["2", "4"], ["3", "9"]]
    assert harness.notice.text() == f"Exported 3 rows to {target}."
    assert harness.error.isHidden()


def test_the_dialog_starts_in_documents_then_in_the_last_export_folder(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    documents = harness.folder / "Documents"
    documents.mkdir()
    real_location = QStandardPaths.writableLocation

    def location(kind: QStandardPaths.StandardLocation) -> str:
        if kind == QStandardPaths.StandardLocation.DocumentsLocation:
            return str(documents)
        return real_location(kind)

    monkeypatch.setattr(QStandardPaths, "writableLocation", location)
    elsewhere = harness.folder / "accounts"
    elsewhere.mkdir()
    harness.dialog.answer(elsewhere / "first.csv")
    wait_for_rows(harness.qtbot, harness.export_loaded([1], "first.csv"))
    assert harness.dialog.suggested == [str(documents / "first.csv")]
    assert (elsewhere / "first.csv").exists()

    harness.dialog.answer(None)  # the user cancels the second dialog: nothing starts
    assert harness.export_loaded([1], "second.csv") is None
    assert harness.dialog.suggested[-1] == str(elsewhere / "second.csv")
    assert not (elsewhere / "second.csv").exists()


def test_a_large_export_shows_progress_while_the_event_loop_keeps_running(
    harness: Harness,
) -> None:
    qtbot = harness.qtbot
    target = harness.folder / "large.csv"
    harness.dialog.answer(target)
    release = threading.Event()
    ticks: list[int] = []
    timer = QTimer(harness.widget)
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()

    def rows() -> Iterator[int]:  # pool thread: half the rows, then wait for the test
        yield from range(2500)
        assert release.wait(10), "the test never released the export"
        yield from range(2500, 5000)

    export = harness.export(rows, total=5000, name="large.csv")
    dialog = export.progress_dialog
    assert dialog is not None and dialog.isVisible() and not dialog.isModal()
    qtbot.waitUntil(lambda: dialog.value() == 2500, timeout=10000)
    ticks_while_writing = len(ticks)
    qtbot.waitUntil(lambda: len(ticks) >= ticks_while_writing + 3, timeout=10000)
    assert not target.exists()  # the rows go to a temporary file until the end
    release.set()
    assert wait_for_rows(qtbot, export) == 5000
    timer.stop()
    written = read_csv(target)
    assert len(written) == 5001
    assert written[0] == ["Number", "Square"]
    assert written[4321] == ["4320", "18662400"]
    assert harness.notice.text() == f"Exported 5,000 rows to {target}."
    assert export.progress_dialog is None


def test_cancel_on_the_progress_dialog_leaves_no_file(harness: Harness) -> None:
    folder = harness.folder / "out"
    folder.mkdir()
    harness.dialog.answer(folder / "cancelled.csv")
    started = threading.Event()

    def rows() -> Iterator[int]:  # never ends by itself: only Cancel stops it
        number = 0
        while True:
            started.set()
            yield number
            number += 1

    export = harness.export(rows, total=None, name="cancelled.csv")
    assert export.progress_dialog is not None
    harness.qtbot.waitUntil(started.is_set)
    cancel_button = export.progress_dialog.findChild(QPushButton)
    assert cancel_button is not None and cancel_button.text() == "Cancel"
    harness.qtbot.mouseClick(cancel_button, Qt.MouseButton.LeftButton)
    assert isinstance(wait_for_outcome(harness.qtbot, export), UserCancelled)
    assert list(folder.iterdir()) == []
    assert harness.notice.isHidden() and harness.error.isHidden()


def test_an_error_while_fetching_is_one_sentence_in_the_error_label(harness: Harness) -> None:
    harness.dialog.answer(harness.folder / "refused.csv")

    def rows() -> Iterator[int]:
        raise ValidationError("Only admins can export payments.")
        yield 0

    export = harness.export(rows, total=10, name="refused.csv")
    assert isinstance(wait_for_outcome(harness.qtbot, export), ValidationError)
    assert harness.error.text() == "Only admins can export payments."
    assert not (harness.folder / "refused.csv").exists()


def test_without_labels_a_failure_goes_to_a_message_box(harness: Harness) -> None:
    harness.dialog.answer(harness.folder / "nowhere" / "x.csv")  # no such folder
    wait_for_outcome(harness.qtbot, harness.export_loaded([1], "x.csv"))
    boxes = [box for box in harness.widget.findChildren(QMessageBox) if box.isVisible()]
    assert len(boxes) == 1
    assert boxes[0].text().startswith("x.csv could not be written to ")
    boxes[0].close()


def test_the_remembered_folder_lives_in_the_test_settings(tmp_path: Path) -> None:
    # The autouse fixture of tests/ui/conftest.py points user settings into the test folder.
    assert export_module.export_settings().fileName().startswith(str(tmp_path))
