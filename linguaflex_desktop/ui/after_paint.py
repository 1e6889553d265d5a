"""Doing something once a widget has painted for the first time: what can wait (the data
behind the sign-in window, a role window's pages that are not in view, a tab's first loads)
begins only once the user sees the window, instead of delaying its first paint. GUI thread
only."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, TypeVar

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from linguaflex_desktop.ui.task_runner import TaskRunner

W = TypeVar("W", bound=QWidget)

FIRST_PAINT_WAIT_MS = 500


class AfterFirstPaint(QObject):
    """Calls ``then`` once, after ``widget`` has painted for the first time, or after
    FIRST_PAINT_WAIT_MS if it does not paint (a window opened minimized). A child of
    ``widget``; the caller keeps a reference to it as long as ``then`` may still be called.

    Once ``then`` was called, the fallback timer is stopped: left pending, it fired later into
    whatever ran then. And a wrapper that PySide makes anew for this object (its Python side
    was collected while Qt still held it, as when its widget is being torn down) has none of
    its state: it does nothing."""

    def __init__(self, widget: QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget, self._then, self._done = widget, then, False
        self._fallback = QTimer(self)
        self._fallback.setSingleShot(True)
        self._fallback.timeout.connect(self._call)
        widget.installEventFilter(self)
        self._fallback.start(FIRST_PAINT_WAIT_MS)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        widget = getattr(self, "_widget", None)
        if widget is not None and watched is widget and event.type() == QEvent.Type.Paint:
            widget.removeEventFilter(self)
            QTimer.singleShot(0, self, self._call)  # once this paint has finished
        return False

    def _call(self) -> None:
        if getattr(self, "_done", True):
            return
        self._done = True
        self._fallback.stop()
        self._then()


class LoadsAfterPaint(Generic[W]):
    """``build()`` a widget about to be shown (a tab's page as its tab is first shown) with
    the loads it starts while built held until it has painted: ``widget``. Its first paint
    (a "Loading…" table) then has the interpreter to itself; a load's thread running beside
    it took the interpreter from each of the paint's calls into Python, which got it back
    only a switch interval (5 ms) at a time, so the paint took 20-40 ms instead of 3-5 ms.
    If the widget goes before it has painted, its loads go with it. Keep this object as long
    as the widget may not have painted yet."""

    def __init__(self, runner: TaskRunner, build: Callable[[], W]) -> None:
        self._held = runner.hold()
        try:
            self.widget = build()
        except BaseException:
            self._held.drop()
            raise
        self._held.seal()  # its own loads only: what the app runs meanwhile is not held
        self._after_paint = AfterFirstPaint(self.widget, self._held.release)
        self.widget.destroyed.connect(self._gone)

    def _gone(self, *_args: object) -> None:
        self._held.drop()  # released already once it has painted: then nothing happens
