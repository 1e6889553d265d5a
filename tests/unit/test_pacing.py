"""Pace: between two batches a sweep rests in proportion to the batch (bounded), begins the
next one once the GUI is idle (waiting a bounded time for it), and stops as soon as its owner
asked."""

from __future__ import annotations

import threading

import pytest

from linguaflex_desktop.services.common.pacing import (
    GIVE_WAY_SLICE_SECONDS,
    MAX_GIVE_WAY_SECONDS,
    Pace,
)


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


def test_a_batch_takes_the_sweep_s_own_size_at_most_max_items() -> None:
    assert Pace().batch_size(10) == 10
    assert Pace.unpaced().batch_size(2) == 2
    assert Pace(max_items=1).batch_size(10) == 1
    assert Pace(max_items=5).batch_size(2) == 2


def test_unpaced_never_rests_and_never_stops() -> None:
    pace = Pace.unpaced()
    assert pace.between_batches() and not pace.stopping()


class ScriptedGui:
    """The GUI's "idle?" answers, one per wait, advancing the clock by each wait's slice."""

    def __init__(self, clock: StepClock, answers: list[bool], stop: threading.Event) -> None:
        self.clock, self.answers, self.stop = clock, answers, stop
        self.asked = 0
        self.stop_after: int | None = None

    def __call__(self, timeout: float) -> bool:
        self.asked += 1
        if self.stop_after is not None and self.asked >= self.stop_after:
            self.stop.set()
        idle = self.answers.pop(0) if self.answers else False
        if not idle:
            self.clock.now += timeout  # waited the whole slice
        return idle


def test_a_batch_begins_only_once_the_gui_is_idle() -> None:
    event, clock = RecordingEvent(), StepClock()
    gui = ScriptedGui(clock, [False, False, True, True], event)
    pace = Pace(event, clock=clock, give_way=gui)
    pace.start()  # the GUI is busy twice, then idle: the batch begins
    assert gui.asked == 3
    began = clock.now
    clock.now += 0.004
    assert pace.between_batches()  # idle at once after the rest
    assert gui.asked == 4
    assert event.waits == [0.008]  # the rest followed the batch, not the wait for the GUI
    assert clock.now == began + 0.004


def test_a_gui_that_never_rests_holds_a_batch_back_a_bounded_time() -> None:
    event, clock = RecordingEvent(), StepClock()
    gui = ScriptedGui(clock, [], event)  # never idle
    pace = Pace(event, clock=clock, give_way=gui)
    pace.start()
    assert clock.now == pytest.approx(MAX_GIVE_WAY_SECONDS, abs=GIVE_WAY_SLICE_SECONDS)
    assert gui.asked == pytest.approx(MAX_GIVE_WAY_SECONDS / GIVE_WAY_SLICE_SECONDS, abs=1)


def test_a_stop_asked_while_waiting_for_the_gui_ends_the_wait_and_the_sweep() -> None:
    event, clock = RecordingEvent(), StepClock()
    gui = ScriptedGui(clock, [True], event)
    pace = Pace(event, clock=clock, give_way=gui)
    pace.start()
    gui.stop_after = 3  # the app quits while the GUI is busy
    assert not pace.between_batches()
    assert gui.asked == 3
