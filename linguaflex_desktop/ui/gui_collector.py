"""Python's cyclic garbage collector, run on the GUI thread only.

CPython collects a generation on whichever thread allocates when that generation fills up.
In this process that is often a pool thread (a page of rows loading) or one of the worker's
threads (a due sweep through the ORM). Two things follow:

- A Qt object dropped inside a reference cycle (a dialog whose signals reach its own bound
  methods) is destroyed by that collection, on that thread, while Qt objects may only be
  destroyed on their own thread. The test suite crashed so once: a segmentation fault
  "garbage-collecting" on a pool thread (tests/qt_gc_on_gui_thread.py).
- A collection holds the interpreter wherever it starts, so one that starts in the middle of
  a background batch stalls the GUI thread as well.

``GuiThreadCollector`` turns automatic collection off and, every ``INTERVAL_MS`` on the GUI
thread, collects what CPython would have collected by then: the youngest generation once it
holds more than its threshold of new objects, an older one once enough younger collections
have passed, and a full collection only once the objects that survived into the oldest
generation since the last one exceed a quarter of those it held then (CPython's own rule; it
keeps full collections rare in a process with many long-lived objects). pyqtgraph's
``GarbageCollector`` does the same for the same reason. Made, started and stopped on the GUI
thread.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

# How often the GUI thread looks at the collector's counts. Garbage waits at most this long,
# and each collection covers what a quarter of a second allocated (about 1 ms for a young
# generation while a window loads).
INTERVAL_MS = 250
_LONG_LIVED_SHARE = 4  # a full collection once the survivors exceed 1/4 of the oldest


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None, *, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect_due)
        self._was_enabled = gc.isenabled()
        self._long_lived = len(gc.get_objects(2))
        self._pending = 0  # objects moved into the oldest generation since its last collection

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def start(self) -> None:
        """Collect on this thread from now on (automatic collection off)."""
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        """Hand collection back to CPython as it was before ``start``."""
        self._timer.stop()
        if self._was_enabled:
            gc.enable()

    def collect_due(self) -> int | None:
        """Collect the oldest generation that is due, as CPython would; which one (None when
        none is)."""
        young, middle, old = gc.get_count()
        young_limit, middle_limit, old_limit = gc.get_threshold()
        if young <= young_limit or young_limit == 0:
            return None
        if old > old_limit and self._pending > self._long_lived // _LONG_LIVED_SHARE:
            gc.collect(2)
            self._long_lived, self._pending = len(gc.get_objects(2)), 0
            return 2
        if middle > middle_limit:
            younger = len(gc.get_objects(0)) + len(gc.get_objects(1))
            found = gc.collect(1)
            self._pending += max(0, younger - found)  # the survivors joined the oldest
            return 1
        gc.collect(0)
        return 0
