"""Whether the GUI thread has got through the work in hand: the app's worker threads ask it
before each batch.

The worker threads share the interpreter with the GUI thread, so a batch of theirs that runs
while the GUI thread works (a page of rows arriving, a paint) slows that work down by as
much as it runs. ``GuiIdle.wait`` posts a ping to the GUI thread's event queue and waits for
it to be answered: the GUI thread answers once it has finished what it was doing and what was
queued before the ping, so a batch begins between two pieces of GUI work, not in the middle
of one (``services.common.pacing``). An idle GUI answers at once. Made on the GUI thread;
``wait`` from any other thread.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal, Slot


class GuiIdle(QObject):
    _ping = Signal(object)  # a threading.Event to set, from a worker thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ping.connect(self._answer)  # queued: this object lives on the GUI thread

    def wait(self, timeout: float) -> bool:
        """Wait up to ``timeout`` seconds for the GUI thread to answer; True when it did."""
        answered = threading.Event()
        try:
            self._ping.emit(answered)
        except RuntimeError:  # the window is gone (the app is quitting): nothing to wait for
            return True
        return answered.wait(timeout)

    @Slot(object)
    def _answer(self, answered: threading.Event) -> None:
        answered.set()
