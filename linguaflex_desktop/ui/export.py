""" "Export CSV…" for any page: ask for the file, write it in the background, say how it went.

``export_csv`` asks where to save (starting in the folder of the last export, else the
user's Documents folder), then fetches and writes the rows on the TaskRunner's pool thread
(``services.reports.csv_export.write_csv``), so paging through 100,000 rows never blocks the
window. An export of more than ``LARGE_EXPORT_ROWS`` rows (or of an unknown number) shows a
non-modal progress dialog with Cancel; a cancelled export leaves no file. At the end the
page's notice label (or the window's status bar) says "Exported N rows to …"; an error is
one plain sentence in the page's error label (or a message box). ``export_paged_csv`` pages
through a service query; ``export_loaded_csv`` takes rows already on screen (a report table).

GUI thread only, except what the module says runs on the pool thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from pathlib import Path
from typing import Generic, TypedDict, TypeVar, Unpack

import shiboken6
from PySide6.QtCore import QObject, QSettings, QStandardPaths, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QWidget,
)

from linguaflex_desktop.services.common.dto import Page
from linguaflex_desktop.services.reports.csv_export import CsvColumn, paged_rows
from linguaflex_desktop.texts import Text, tx
from linguaflex_desktop.ui.errors import inline_error_text
from linguaflex_desktop.ui.i18n import localize, number_text, t
from linguaflex_desktop.ui.operations import reports as reports_ops
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.widgets import set_message

T = TypeVar("T")

LARGE_EXPORT_ROWS = 1000
LAST_FOLDER_KEY = "exports/last_folder"
STATUS_MESSAGE_MS = 15000

# What the pages export, by the English words a page passes as ``what`` (a ``tx`` or words
# already translated show as they are). Only dialogs and notices use them: the CSV file
# itself stays in English.
EXPORT_SUBJECTS: dict[str, Text] = {
    subject: subject
    for subject in (
        tx("audit trail"),
        tx("payments"),
        tx("bookings"),
        tx("revenue"),
        tx("statement lines"),
        tx("earnings"),
    )
}


def subject_text(what: str) -> str:
    """``what`` an export holds, in the current language."""
    return localize(EXPORT_SUBJECTS.get(what, what))


def export_settings() -> QSettings:
    """Where the last export folder is remembered (the user's settings, not the data folder:
    it is a preference of this desktop, not data of the school)."""
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, "LinguaFlex", "LinguaFlex"
    )


def start_folder() -> Path:
    """The folder of the last export when it still exists, else the user's Documents."""
    remembered = export_settings().value(LAST_FOLDER_KEY)
    if isinstance(remembered, str) and remembered and Path(remembered).is_dir():
        return Path(remembered)
    for location in (
        QStandardPaths.StandardLocation.DocumentsLocation,
        QStandardPaths.StandardLocation.HomeLocation,
    ):
        folder = QStandardPaths.writableLocation(location)
        if folder and Path(folder).is_dir():
            return Path(folder)
    return Path.home()


def ask_export_path(parent: QWidget, *, what: str, suggested_name: str) -> Path | None:
    """Ask where to save the CSV of ``what``; None when cancelled. Remembers the folder."""
    csv_files, all_files = t("CSV files"), t("All files")
    name, _filter = QFileDialog.getSaveFileName(
        parent,
        t("Export {what}", what=subject_text(what)),
        str(start_folder() / suggested_name),
        f"{csv_files} (*.csv);;{all_files} (*)",
    )
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower() != ".csv":
        path = path.with_name(path.name + ".csv")
    export_settings().setValue(LAST_FOLDER_KEY, str(path.parent))
    return path


class CsvExport(QObject, Generic[T]):
    """One running export: its progress dialog (for large ones) and its outcome.

    ``finished(rows, path)`` or ``failed(error)`` (``UserCancelled`` when cancelled) is
    emitted once on the GUI thread, and ``outcome`` keeps it (the number of rows or the
    error; None while running). ``progressed`` is emitted on the pool thread and received
    queued here.
    """

    finished = Signal(int, str)
    failed = Signal(object)
    progressed = Signal(int, object)  # rows written, total or None

    def __init__(self, parent: QWidget, *, what: str, path: Path, total: int | None) -> None:
        super().__init__(parent)
        self.what, self.path, self.total = what, path, total
        self._cancel = threading.Event()
        self.progress_dialog: QProgressDialog | None = None
        self.outcome: int | BaseException | None = None
        if total is None or total > LARGE_EXPORT_ROWS:
            self.progress_dialog = self._make_progress_dialog(parent)
        self.progressed.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)

    def _make_progress_dialog(self, parent: QWidget) -> QProgressDialog:
        dialog = QProgressDialog(
            t("Exporting {what} to {file}…", what=subject_text(self.what), file=self.path.name),
            t("Cancel"),
            0,
            self.total or 0,
            parent,
        )
        dialog.setObjectName("exportProgress")
        dialog.setWindowTitle(t("Export {what}", what=subject_text(self.what)))
        dialog.setWindowModality(Qt.WindowModality.NonModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(0)
        dialog.canceled.connect(self.cancel)
        dialog.show()
        return dialog

    @property
    def is_cancelled(self) -> bool:
        """Any thread: whether Cancel was pressed."""
        return self._cancel.is_set()

    @Slot()
    def cancel(self) -> None:
        """Stop the export at the next row; nothing is written."""
        self._cancel.set()

    def report_progress(self, written: int, total: int | None) -> None:
        """Pool thread: pass the count on to the GUI thread."""
        if shiboken6.isValid(self):
            self.progressed.emit(written, total)

    @Slot(int, object)
    def _on_progress(self, written: int, total: int | None) -> None:
        dialog = self.progress_dialog
        if dialog is not None and shiboken6.isValid(dialog) and not self.is_cancelled:
            if total is not None:
                dialog.setMaximum(max(total, written))
                dialog.setValue(written)
            dialog.setLabelText(
                t(
                    "Exporting {what} to {file}… {rows} rows",
                    what=subject_text(self.what),
                    file=self.path.name,
                    rows=number_text(written),
                )
            )

    def done(self, rows: int) -> None:
        self.outcome = rows
        self._close_dialog()
        self.finished.emit(rows, str(self.path))

    def fail(self, error: BaseException) -> None:
        self.outcome = error
        self._close_dialog()
        self.failed.emit(error)

    def _close_dialog(self) -> None:
        if self.progress_dialog is not None and shiboken6.isValid(self.progress_dialog):
            self.progress_dialog.canceled.disconnect(self.cancel)
            self.progress_dialog.close()
            self.progress_dialog.deleteLater()
        self.progress_dialog = None


class Labels(TypedDict, total=False):
    """Where a page shows the outcome: its notice label and its error label."""

    notice_label: QLabel | None
    error_label: QLabel | None


def export_csv(
    parent: QWidget,
    runner: TaskRunner,
    *,
    what: str,
    suggested_name: str,
    columns: Sequence[CsvColumn[T]],
    fetch_rows: Callable[[], Iterable[T]],
    total: int | None,
    notice_label: QLabel | None = None,
    error_label: QLabel | None = None,
) -> CsvExport[T] | None:
    """Ask for the file and export ``fetch_rows()`` to it (module docstring); None when the
    user cancelled the file dialog. ``fetch_rows`` is called on the pool thread (it may page
    through the database); ``total`` is the expected number of rows (None: unknown), for
    the progress bar. ``what`` names the rows in plain words ("payments")."""
    path = ask_export_path(parent, what=what, suggested_name=suggested_name)
    if path is None:
        return None
    for label in (notice_label, error_label):
        if label is not None:
            set_message(label, None)
    export: CsvExport[T] = CsvExport(parent, what=what, path=path, total=total)
    export.finished.connect(lambda rows, name: _say_done(parent, notice_label, rows, name))
    export.failed.connect(lambda error: _say_failed(parent, error_label, error))
    reports_ops.export_rows(
        runner,
        path,
        columns,
        fetch_rows,
        total=total,
        progress=export.report_progress,
        cancelled=lambda: export.is_cancelled,
        on_success=export.done,
        on_failure=export.fail,
        owner=export,
    )
    return export


def export_paged_csv(
    parent: QWidget,
    runner: TaskRunner,
    *,
    what: str,
    suggested_name: str,
    columns: Sequence[CsvColumn[T]],
    fetch_page: Callable[[int, int], Page[T]],
    key: Callable[[T], object],
    total: int | None,
    **labels: Unpack[Labels],
) -> CsvExport[T] | None:
    """``export_csv`` of every row of a paged service query (``fetch_page(offset, limit)``,
    called on the pool thread a page at a time); ``key`` tells rows apart (``paged_rows``)."""
    fetch_rows = partial(paged_rows, fetch_page, key=key)
    return export_csv(
        parent,
        runner,
        what=what,
        suggested_name=suggested_name,
        columns=columns,
        fetch_rows=fetch_rows,
        total=total,
        **labels,
    )


def export_loaded_csv(
    parent: QWidget,
    runner: TaskRunner,
    *,
    what: str,
    suggested_name: str,
    columns: Sequence[CsvColumn[T]],
    rows: Sequence[T],
    **labels: Unpack[Labels],
) -> CsvExport[T] | None:
    """``export_csv`` of rows already loaded (a report table on screen)."""
    loaded = tuple(rows)
    return export_csv(
        parent,
        runner,
        what=what,
        suggested_name=suggested_name,
        columns=columns,
        fetch_rows=lambda: loaded,
        total=len(loaded),
        **labels,
    )


def done_text(rows: int, path: str) -> str:
    if rows == 1:
        return t("Exported 1 row to {path}.", path=path)
    return t("Exported {rows} rows to {path}.", rows=number_text(rows), path=path)


def _say_done(parent: QWidget, label: QLabel | None, rows: int, path: str) -> None:
    text = done_text(rows, path)
    if label is not None and shiboken6.isValid(label):
        set_message(label, text)
        return
    window = parent.window()
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(text, STATUS_MESSAGE_MS)
        return
    box = QMessageBox(QMessageBox.Icon.Information, t("Export finished"), text, parent=parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()


def _say_failed(parent: QWidget, label: QLabel | None, error: BaseException) -> None:
    text = inline_error_text(error)
    if text is None:  # cancelled: nothing was written, nothing to say
        return
    if label is not None and shiboken6.isValid(label):
        set_message(label, text)
        return
    box = QMessageBox(QMessageBox.Icon.Warning, t("Export failed"), text, parent=parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.open()
