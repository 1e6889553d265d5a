"""Doing something once a widget has painted for the first time: what can wait (the data
behind the sign-in window, a role window's pages that are not in view) begins only once the
user sees the window, instead of delaying its first paint. GUI thread only."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

FIRST_PAINT_WAIT_MS = 500


class AfterFirstPaint(QObject):
    """Calls ``then`` once, after ``widget`` has painted for the first time, or after
    FIRST_PAINT_WAIT_MS if it does not paint (a window opened minimized)."""

    def __init__(self, widget: QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget, self._then, self._done = widget, then, False
        widget.installEventFilter(self)
        QTimer.singleShot(FIRST_PAINT_WAIT_MS, self, self._call)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Paint:
            self._widget.removeEventFilter(self)
            QTimer.singleShot(0, self, self._call)  # once this paint has finished
        return False

    def _call(self) -> None:
        if not self._done:
            self._done = True
            self._then()
