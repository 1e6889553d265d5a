"""Background catch-up work that shares the process with the GUI: batches that stop and rest.

The app's worker threads run in the same interpreter as the GUI thread. A thread that keeps
the interpreter busy without a break makes the GUI thread wait for it again at every return
from Qt (Python hands the lock over only every few milliseconds), so a long sweep froze the
window for hundreds of milliseconds. ``Pace`` is what a sweep (due transitions, the outbox,
the payment reconcile) asks between two bounded batches: stop here (the app is quitting: the
work left is done next time), and otherwise rest a moment in proportion to the batch just done
(the interpreter is the GUI's meanwhile). Any thread; one ``Pace`` per running loop.

Resting in proportion still let a batch begin while the GUI thread was in the middle of its
own work (a page of rows arriving, a paint), which then ran at a fraction of its speed. Given
``give_way`` (the GUI's "have you got through the work in hand?", ``ui.gui_idle``), a batch
begins only once the GUI thread has, or after waiting ``MAX_GIVE_WAY_SECONDS`` for it (so a
GUI that never rests cannot starve the work).

A batch that has begun holds the interpreter until its end, and GUI work that arrives meanwhile
waits for most of it, whatever Python's switch interval. So where a GUI shares the interpreter
a batch is as short as the work allows: ``max_items`` caps the items (bookings, jobs) a sweep
takes per batch (``batch_size``).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

# Rest twice as long as the batch ran: a sweep gets at most a third of the interpreter. With the
# admin's Bookings page in use over 100,000 bookings and the due sweep in batches of 10, about
# 3 % of a 10 ms GUI timer's ticks came over 50 ms late, against 5 % resting as long as the
# batch (and 1-3 % without the worker); the backlog took twice as long, in the background.
# With batches of 2 that wait for the GUI (``give_way``), 0.2-1.1 % (0-0.5 % without).
REST_RATIO = 2.0
MIN_REST_SECONDS = 0.002
MAX_REST_SECONDS = 0.25
MAX_GIVE_WAY_SECONDS = 0.25
GIVE_WAY_SLICE_SECONDS = 0.01  # how often a wait for the GUI looks at the stop flag
# Items per batch where a GUI shares the interpreter. A repaint of the admin's bookings page
# (5.8 ms alone) took up to 17.9 ms next to a thread running Python in 10 ms bursts, 9.7 ms
# next to 4 ms bursts: a due booking's change is about 4 ms, an outbox job a few.
GUI_BATCH_ITEMS = 1

# Waits up to the seconds given for the GUI thread to get through its work in hand; True
# when it did.
GiveWay = Callable[[float], bool]


class Pace:
    """Stop and rest between batches. ``stop`` is the owner's stop event (set on quit).

    ``Pace.unpaced()`` never rests and never stops: for the command line and direct calls.
    """

    def __init__(
        self,
        stop: threading.Event | None = None,
        *,
        rest_ratio: float = REST_RATIO,
        min_rest: float = MIN_REST_SECONDS,
        max_rest: float = MAX_REST_SECONDS,
        clock: Callable[[], float] = time.perf_counter,
        give_way: GiveWay | None = None,
        max_items: int | None = None,
    ) -> None:
        self._stop = stop if stop is not None else threading.Event()
        self._give_way = give_way
        self._max_items = max_items
        self._rest_ratio = rest_ratio
        self._min_rest = min_rest
        self._max_rest = max_rest
        self._clock = clock
        self._since = clock()
        self.batches = 0

    @classmethod
    def unpaced(cls) -> Pace:
        return cls(rest_ratio=0.0, min_rest=0.0, max_rest=0.0)

    @property
    def stop_event(self) -> threading.Event:
        return self._stop

    def batch_size(self, own: int) -> int:
        """How many items the next batch may take: the sweep's ``own`` size, at most
        ``max_items``."""
        return own if self._max_items is None else max(1, min(own, self._max_items))

    def stopping(self) -> bool:
        """True once the owner asked the work to stop (any thread)."""
        return self._stop.is_set()

    def start(self) -> None:
        """A batch begins now, once the GUI has got through its work in hand (the time up to
        the next ``between_batches`` is its work)."""
        self._wait_for_the_gui()
        self._since = self._clock()

    def between_batches(self) -> bool:
        """After a batch: rest (the interpreter is free for other threads meanwhile) and say
        whether to go on; False as soon as a stop was asked, resting or not."""
        self.batches += 1
        busy = self._clock() - self._since
        rest = min(self._max_rest, max(self._min_rest, busy * self._rest_ratio))
        stopped = self._stop.wait(rest) if rest > 0 else self._stop.is_set()
        if not stopped:
            self._wait_for_the_gui()
            stopped = self._stop.is_set()
        self._since = self._clock()
        return not stopped

    def _wait_for_the_gui(self) -> None:
        if self._give_way is None:
            return
        deadline = self._clock() + MAX_GIVE_WAY_SECONDS
        while not self._stop.is_set() and self._clock() < deadline:
            if self._give_way(GIVE_WAY_SLICE_SECONDS):
                return
