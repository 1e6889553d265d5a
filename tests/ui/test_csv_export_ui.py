"""``ui.export``: the file dialog (patched) starts in Documents or the last export folder,
the rows are written on the pool thread while the window's event loop keeps running, a large
export shows a non-modal progress dialog whose Cancel leaves no file, and the outcome is one
sentence in the page's labels."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths, Qt, QTimer
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from linguaflex_desktop.errors import ValidationError
from linguaflex_desktop.services.reports.csv_export import CsvColumn
from linguaflex_desktop.ui import export as export_module
from linguaflex_desktop.ui.export import export_csv, export_loaded_csv
from linguaflex_desktop.ui.task_runner import TaskRunner
from tests.ui.export_ui_helpers import SaveDialog, read_csv

COLUMNS: tuple[CsvColumn[int], ...] = (
    CsvColumn("Number", lambda n: str(n)),
    CsvColumn("Square", lambda n: str(n * n)),
)


@pytest.fixture
def page(qtbot: QtBot) -> tuple[QWidget, QLabel, QLabel]:
    widget = QWidget()
    notice, error = QLabel(), QLabel()
    layout = QVBoxLayout(widget)
    layout.addWidget(notice)
    layout.addWidget(error)
    qtbot.addWidget(widget)
    widget.show()
    return widget, notice, error


def test_loaded_rows_are_exported_with_one_header_and_the_notice_says_so(
    qtbot: QtBot,
    runner: TaskRunner,
    page: tuple[QWidget, QLabel, QLabel],
    save_dialog: SaveDialog,
    tmp_path: Path,
) -> None:
    widget, notice, error = page
    save_dialog.answer(tmp_path / "squares")  # no suffix typed: ".csv" is added
    export = export_loaded_csv(
        widget,
        runner,
        what="squares",
        suggested_name="squares.csv",
        columns=COLUMNS,
        rows=[1, 2, 3],
        notice_label=notice,
        error_label=error,
    )
    assert export is not None
    assert export.progress_dialog is None  # a small export shows no progress dialog
    with qtbot.waitSignal(export.finished, timeout=10000):
        pass
    target = tmp_path / "squares.csv"
    assert read_csv(target) == [["Number", "Square"], ["1", "1"], ["2", "4"], ["3", "9"]]
    assert notice.text() == f"Exported 3 rows to {target}."
    assert error.isHidden()


def test_the_dialog_starts_in_documents_then_in_the_last_export_folder(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    runner: TaskRunner,
    page: tuple[QWidget, QLabel, QLabel],
    save_dialog: SaveDialog,
    tmp_path: Path,
) -> None:
    widget, _notice, _error = page
    documents = tmp_path / "Documents"
    documents.mkdir()
    real_location = QStandardPaths.writableLocation

    def location(kind: QStandardPaths.StandardLocation) -> str:
        if kind == QStandardPaths.StandardLocation.DocumentsLocation:
            return str(documents)
        return real_location(kind)

    monkeypatch.setattr(QStandardPaths, "writableLocation", location)
    elsewhere = tmp_path / "accounts"
    elsewhere.mkdir()
    save_dialog.answer(elsewhere / "first.csv")
    first = export_loaded_csv(
        widget, runner, what="squares", suggested_name="first.csv", columns=COLUMNS, rows=[1]
    )
    assert first is not None
    assert save_dialog.suggested[-1] == str(documents / "first.csv")
    qtbot.waitUntil(lambda: (elsewhere / "first.csv").exists())
    save_dialog.answer(None)  # the user cancels the second dialog: nothing starts
    second = export_loaded_csv(
        widget, runner, what="squares", suggested_name="second.csv", columns=COLUMNS, rows=[1]
    )
    assert second is None
    assert save_dialog.suggested[-1] == str(elsewhere / "second.csv")
    assert not (elsewhere / "second.csv").exists()


def test_a_large_export_shows_progress_while_the_event_loop_keeps_running(
    qtbot: QtBot,
    runner: TaskRunner,
    page: tuple[QWidget, QLabel, QLabel],
    save_dialog: SaveDialog,
    tmp_path: Path,
) -> None:
    widget, notice, _error = page
    target = tmp_path / "large.csv"
    save_dialog.answer(target)
    release = threading.Event()
    ticks: list[int] = []
    timer = QTimer(widget)
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()

    def rows() -> Iterator[int]:  # pool thread: half the rows, then wait for the test
        yield from range(2500)
        assert release.wait(10), "the test never released the export"
        yield from range(2500, 5000)

    export = export_csv(
        widget,
        runner,
        what="squares",
        suggested_name="large.csv",
        columns=COLUMNS,
        fetch_rows=rows,
        total=5000,
        notice_label=notice,
    )
    assert export is not None
    dialog = export.progress_dialog
    assert dialog is not None and dialog.isVisible() and not dialog.isModal()
    qtbot.waitUntil(lambda: dialog.value() >= 2500, timeout=10000)
    ticks_while_writing = len(ticks)
    qtbot.waitUntil(lambda: len(ticks) >= ticks_while_writing + 3, timeout=10000)
    assert not target.exists()  # the rows go to a temporary file until the end
    release.set()
    with qtbot.waitSignal(export.finished, timeout=10000) as finished:
        pass
    assert finished.args == [5000, str(target)]
    timer.stop()
    written = read_csv(target)
    assert len(written) == 5001
    assert written[0] == ["Number", "Square"]
    assert written[4321] == ["4320", str(4320 * 4320)]
    assert notice.text() == f"Exported 5,000 rows to {target}."
    assert export.progress_dialog is None


def test_cancel_on_the_progress_dialog_leaves_no_file(
    qtbot: QtBot,
    runner: TaskRunner,
    page: tuple[QWidget, QLabel, QLabel],
    save_dialog: SaveDialog,
    tmp_path: Path,
) -> None:
    widget, notice, error = page
    folder = tmp_path / "out"
    folder.mkdir()
    save_dialog.answer(folder / "cancelled.csv")
    started = threading.Event()

    def rows() -> Iterator[int]:  # never ends by itself: only Cancel stops it
        number = 0
        while True:
            started.set()
            yield number
            number += 1

    export = export_csv(
        widget,
        runner,
        what="squares",
        suggested_name="cancelled.csv",
        columns=COLUMNS,
        fetch_rows=rows,
        total=None,
        notice_label=notice,
        error_label=error,
    )
    assert export is not None and export.progress_dialog is not None
    qtbot.waitUntil(started.is_set)
    cancel_button = export.progress_dialog.findChild(QPushButton)
    assert cancel_button is not None and cancel_button.text() == "Cancel"
    with qtbot.waitSignal(export.failed, timeout=10000):
        qtbot.mouseClick(cancel_button, Qt.MouseButton.LeftButton)
    assert list(folder.iterdir()) == []
    assert notice.isHidden() and error.isHidden()


def test_an_error_while_fetching_is_one_sentence_in_the_error_label(
    qtbot: QtBot,
    runner: TaskRunner,
    page: tuple[QWidget, QLabel, QLabel],
    save_dialog: SaveDialog,
    tmp_path: Path,
) -> None:
    widget, notice, error = page
    save_dialog.answer(tmp_path / "refused.csv")

    def rows() -> Iterator[int]:
        raise ValidationError("Only admins can export payments.")
        yield 0

    export = export_csv(
        widget,
        runner,
        what="payments",
        suggested_name="refused.csv",
        columns=COLUMNS,
        fetch_rows=rows,
        total=10,
        notice_label=notice,
        error_label=error,
    )
    assert export is not None
    with qtbot.waitSignal(export.failed, timeout=10000):
        pass
    assert error.text() == "Only admins can export payments."
    assert not (tmp_path / "refused.csv").exists()


def test_without_labels_the_outcome_goes_to_a_message_box(
    qtbot: QtBot,
    runner: TaskRunner,
    page: tuple[QWidget, QLabel, QLabel],
    save_dialog: SaveDialog,
    tmp_path: Path,
) -> None:
    widget, _notice, _error = page
    save_dialog.answer(tmp_path / "nowhere" / "x.csv")  # a folder that does not exist
    export = export_loaded_csv(
        widget, runner, what="squares", suggested_name="x.csv", columns=COLUMNS, rows=[1]
    )
    assert export is not None
    with qtbot.waitSignal(export.failed, timeout=10000):
        pass
    boxes = [box for box in widget.findChildren(export_module.QMessageBox) if box.isVisible()]
    assert len(boxes) == 1
    assert boxes[0].text().startswith("x.csv could not be written to ")
    boxes[0].close()


def test_the_remembered_folder_lives_in_the_test_settings(tmp_path: Path) -> None:
    # The autouse fixture of tests/ui/conftest.py points user settings into the test folder.
    assert export_module.export_settings().fileName().startswith(str(tmp_path))
