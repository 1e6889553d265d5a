"""Measuring a page on the GUI thread: a 10 ms timer's longest gap between ticks (a stall),
the time until a page's rows are in its model, and the SQL a page sent to show its first page.
Used by ``bench_booking_windows``."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication

from bench.harness import Statements, recording, size
from linguaflex_desktop.bootstrap import AppServices
from linguaflex_desktop.ui.after_paint import LoadsAfterPaint
from linguaflex_desktop.ui.app_controller import collect_on_the_gui_thread
from linguaflex_desktop.ui.booking.list_page import BookingListPage
from linguaflex_desktop.ui.task_runner import TaskRunner

SIZE = (1280, 800)
SETTLE_MS = 50  # the event loop runs this long after each step (layout, painting)
TIMEOUT_S = 60.0
IDLE_MS = size(1_000, 100)  # how long the idle reference gap is watched
POLL_MS = 10  # a wait for a condition asks it at least this often


# --- measuring on the GUI thread ----------------------------------------------------------


class StallMonitor(QObject):
    """A 10 ms timer on the GUI thread keeping the longest gap between two ticks per phase."""

    def __init__(self) -> None:
        super().__init__()
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._tick)
        self._last = time.perf_counter()
        self._longest = 0.0

    def start(self) -> None:
        self._last, self._longest = time.perf_counter(), 0.0
        self._timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self._longest = max(self._longest, now - self._last)
        self._last = now

    def take(self) -> float:
        """The longest gap (ms) since the last ``take``, counting the time up to now."""
        self._tick()
        longest, self._longest = self._longest, 0.0
        return longest * 1000

    def stop(self) -> None:
        self._timer.stop()


@contextmanager
def collecting_as_the_app_does() -> Iterator[None]:
    """As the app before its first window: the objects alive now frozen, garbage collected on
    the GUI thread only; collection is CPython's again afterwards (later benchmarks)."""
    app = QApplication.instance()
    assert app is not None
    collector = collect_on_the_gui_thread(app)
    try:
        yield
    finally:
        collector.stop()


def wait_for(condition: Callable[[], bool], what: str) -> None:
    """Run the GUI event loop until ``condition`` holds, asked after every event and at least
    every POLL_MS (for what another thread changes without posting an event).

    The loop sleeps between events, as the app's own event loop does. It must not spin:
    ``processEvents(flags, maxtime)`` returns at once when nothing is pending, whatever
    ``WaitForMoreEvents`` says, and a loop over it kept one of the two cores and the
    interpreter busy; the app's pool and worker threads then waited for the interpreter,
    and the GUI thread for them, at each of its calls into Python: the harness's own gaps."""
    deadline = time.monotonic() + TIMEOUT_S
    loop = QEventLoop()
    poll = QTimer()
    poll.setInterval(POLL_MS)
    poll.start()
    try:
        while not condition():
            if time.monotonic() > deadline:
                raise TimeoutError(f"no {what} after {TIMEOUT_S:.0f} s")
            loop.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    finally:
        poll.stop()


def settle(runner: TaskRunner) -> None:
    """Let every task deliver, then run the event loop SETTLE_MS more (layout, painting)."""
    wait_for(lambda: runner.in_flight == 0, "idle runner")
    loop = QEventLoop()
    QTimer.singleShot(SETTLE_MS, loop.quit)
    loop.exec()


@dataclass
class Figures:
    """One window's figures of one run (ms); gaps per phase."""

    first: float = 0.0
    fetches: list[float] = field(default_factory=list)
    filters: dict[str, float] = field(default_factory=dict)
    gaps: dict[str, float] = field(default_factory=dict)
    first_sql: Statements = field(default_factory=list)  # what showing the first page sent


class Probe:
    """Opens a page, times its loads and keeps the GUI gaps of each phase."""

    def __init__(self, services: AppServices, runner: TaskRunner) -> None:
        self.engine = services.engine
        self.runner = runner
        self.monitor = StallMonitor()
        self.figures = Figures()

    def open(self, make: Callable[[], BookingListPage]) -> BookingListPage:
        self.monitor.start()
        with recording(self.engine) as sent:
            arrival = _Arrival()
            # Built as a role window builds a tab's page when its tab is first shown: its
            # first loads start once it has painted.
            opening = LoadsAfterPaint(self.runner, make)
            page = opening.widget
            page.bookings_loaded.connect(arrival.note)  # the answer arrives via the event loop
            page.resize(*SIZE)
            page.show()
            self.figures.first = arrival.wait("first page")
            settle(self.runner)
            del opening
        self.figures.first_sql = sent
        self.figures.gaps["first page"] = self.monitor.take()
        return page

    def fetch_more(self, page: BookingListPage, pages: int) -> None:
        """Scroll to the bottom ``pages`` times (while there is more), timing each page."""
        for _ in range(pages):
            if not page.model.canFetchMore():
                break
            arrival = _Arrival()
            page.bookings_loaded.connect(arrival.note)
            page.view.scrollToBottom()
            self.figures.fetches.append(arrival.wait("next page"))
            page.bookings_loaded.disconnect(arrival.note)
            settle(self.runner)
        self.figures.gaps["fetchMore"] = self.monitor.take()

    def change(self, page: BookingListPage, name: str, act: Callable[[], None]) -> None:
        """Time ``act`` (filter widgets changed) until the page's next load arrives."""
        arrival = _Arrival()
        page.bookings_loaded.connect(arrival.note)
        act()
        self.figures.filters[name] = arrival.wait(name)
        page.bookings_loaded.disconnect(arrival.note)
        settle(self.runner)
        self.figures.gaps[name] = self.monitor.take()

    def resize(self, page: BookingListPage) -> None:
        """Make the window larger (a user maximising it) and time it until laid out."""
        app = QApplication.instance()
        assert app is not None
        began = time.perf_counter()
        page.resize(SIZE[0] + 320, SIZE[1] + 200)
        app.processEvents()
        self.figures.filters["window resized"] = (time.perf_counter() - began) * 1000
        settle(self.runner)
        self.figures.gaps["window resized"] = self.monitor.take()
        page.resize(*SIZE)
        settle(self.runner)
        self.monitor.take()

    def close(self, page: BookingListPage) -> Figures:
        self.monitor.stop()
        page.close()
        page.deleteLater()
        settle(self.runner)
        return self.figures


class _Arrival:
    """When a page's rows arrived (``bookings_loaded``), timed from its creation."""

    def __init__(self) -> None:
        self.began = time.perf_counter()
        self.at: float | None = None

    def note(self, *_args: object) -> None:
        if self.at is None:
            self.at = time.perf_counter()

    def wait(self, what: str) -> float:
        """Milliseconds from this object's creation until the rows were in the model."""
        wait_for(lambda: self.at is not None, what)
        assert self.at is not None
        return (self.at - self.began) * 1000


def idle_gap() -> float:
    """The stall monitor's longest gap over an event loop with nothing to do (ms)."""
    monitor = StallMonitor()
    monitor.start()
    loop = QEventLoop()
    QTimer.singleShot(IDLE_MS, loop.quit)
    loop.exec()
    longest = monitor.take()
    monitor.stop()
    return longest
