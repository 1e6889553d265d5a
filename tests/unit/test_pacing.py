"""Pace: between two batches a sweep rests in proportion to the batch (bounded), and stops as
soon as its owner asked."""

from __future__ import annotations

import threading

from linguaflex_desktop.services.common.pacing import Pace


class RecordingEvent(threading.Event):
    """Records how long each rest would have waited, without waiting."""

    def __init__(self) -> None:
        super().__init__()
        self.waits: list[float] = []

    def wait(self, timeout: float | None = None) -> bool:
        self.waits.append(timeout or 0.0)
        return self.is_set()


class StepClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_rest_follows_the_batch_just_done_within_its_bounds() -> None:
    event, clock = RecordingEvent(), StepClock()
    pace = Pace(event, rest_ratio=1.0, min_rest=0.002, max_rest=0.05, clock=clock)
    pace.start()
    for busy in (0.010, 0.0001, 0.400):
        clock.now += busy
        assert pace.between_batches()
    assert event.waits == [0.010, 0.002, 0.05]
    assert pace.batches == 3


def test_once_stop_is_asked_the_next_boundary_says_stop() -> None:
    event = RecordingEvent()
    pace = Pace(event)
    assert not pace.stopping() and pace.between_batches()
    event.set()
    assert pace.stopping()
    assert not pace.between_batches()


def test_unpaced_never_rests_and_never_stops() -> None:
    pace = Pace.unpaced()
    assert pace.between_batches() and not pace.stopping()
