"""The benchmarks' wait for a condition sleeps between events as the app's event loop does: a
loop that spun kept a core and the interpreter busy, and the app's threads waited for it."""

from __future__ import annotations

import threading

from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from bench.gui_probe import POLL_MS, wait_for


def test_a_wait_asks_its_condition_once_per_event_not_in_a_spin(qtbot: QtBot) -> None:
    done = threading.Event()
    asked = 0

    def condition() -> bool:
        nonlocal asked
        asked += 1
        return done.is_set()

    QTimer.singleShot(200, done.set)
    wait_for(condition, "the timer")

    # 200 ms of waiting: a turn per poll (every POLL_MS) and one for the timer; the spinning
    # loop asked about 100,000 times in that time.
    assert done.is_set()
    assert asked <= 200 // POLL_MS + 10


def test_a_condition_another_thread_makes_true_is_seen_without_an_event(qtbot: QtBot) -> None:
    done = threading.Event()
    go = threading.Event()

    def set_later() -> None:  # no event is posted to the GUI thread: only the poll sees it
        go.wait()
        done.set()

    helper = threading.Thread(target=set_later)
    helper.start()
    QTimer.singleShot(0, go.set)
    wait_for(done.is_set, "the other thread")
    helper.join()
    assert done.is_set()
