"""A window-modal "waiting for the browser" dialog with a busy bar, the time elapsed, and
Cancel.

Used while a background poller follows a browser hand-off (card setup). Cancel does not
close the dialog at once: it sets ``cancel_event`` (which the poller checks through
``should_cancel``) and the owner closes the dialog when the poller's outcome arrives. The
hand-off address can be opened again, or copied when no browser could be opened. The
dialog itself only touches widgets: GUI thread; ``should_cancel`` may be called from any
thread.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QElapsedTimer, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from linguaflex_desktop.texts import tx
from linguaflex_desktop.ui.i18n import localize, t
from linguaflex_desktop.ui.theme import themed

CANCELLING_TEXT = tx("Cancelling…")


def elapsed_text(seconds: int) -> str:
    """E.g. "Waiting for 1:05"."""
    minutes, rest = divmod(max(seconds, 0), 60)
    return t("Waiting for {time}", time=f"{minutes}:{rest:02d}")


class WaitDialog(QDialog):
    """Shows ``message`` and a busy bar until ``finish()``; Cancel asks the poller to stop."""

    cancel_requested = Signal()
    reopen_requested = Signal()

    def __init__(self, *, title: str, message: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("waitDialog")
        self.setWindowTitle(localize(title))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(460)
        self.cancel_event = threading.Event()
        self.message_label = QLabel(localize(message))
        self.message_label.setWordWrap(True)
        self.address_label = QLabel()
        themed(self.address_label, "fieldNote")
        self.address_label.setWordWrap(True)
        self.address_label.setVisible(False)
        self.address_edit = QLineEdit()
        self.address_edit.setReadOnly(True)
        self.address_edit.setVisible(False)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(10)
        self.elapsed_label = QLabel(elapsed_text(0))
        themed(self.elapsed_label, "fieldNote")
        self._clock = QElapsedTimer()
        self._clock.start()
        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self._tick)
        self._ticker.start()
        self.reopen_button = QPushButton(t("Open the page again"))
        self.reopen_button.clicked.connect(self.reopen_requested)
        self.cancel_button = QPushButton(t("Cancel"))
        self.cancel_button.clicked.connect(self.request_cancel)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reopen_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(12)
        layout.addWidget(self.message_label)
        layout.addWidget(self.address_label)
        layout.addWidget(self.address_edit)
        layout.addWidget(self.progress)
        layout.addWidget(self.elapsed_label)
        layout.addLayout(buttons)

    @Slot()
    def _tick(self) -> None:
        self.elapsed_label.setText(elapsed_text(int(self._clock.elapsed() // 1000)))

    def should_cancel(self) -> bool:
        """For the poller (any thread): True once the user pressed Cancel."""
        return self.cancel_event.is_set()

    def show_address(self, url: str, *, opened: bool) -> None:
        """Show where the page is; say so plainly when no browser could be opened."""
        if opened:
            text = t("If your browser did not open, copy this address into it:")
        else:
            text = t("Your browser could not be opened. Copy this address into it:")
        self.address_label.setText(text)
        self.address_edit.setText(url)
        self.address_edit.setCursorPosition(0)
        for widget in (self.address_label, self.address_edit):
            widget.setVisible(True)
        self.adjustSize()

    @Slot()
    def request_cancel(self) -> None:
        if self.cancel_event.is_set():
            return
        self.cancel_event.set()
        self.message_label.setText(localize(CANCELLING_TEXT))
        self.cancel_button.setEnabled(False)
        self.reopen_button.setEnabled(False)
        self.cancel_requested.emit()

    def finish(self) -> None:
        """The poller answered: close for good."""
        self._ticker.stop()
        self.done(QDialog.DialogCode.Accepted)

    def reject(self) -> None:
        """Escape / the close button mean Cancel; the dialog stays until ``finish``."""
        self.request_cancel()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.result() != QDialog.DialogCode.Accepted:
            event.ignore()
            self.request_cancel()
            return
        super().closeEvent(event)
