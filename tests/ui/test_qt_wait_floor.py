"""The suite's waits give up late, not early: a condition met after the timeout a test wrote
(here, later than 50 ms) still passes, because every wait has a floor (tests/qt_wait_floor)."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from pytestqt.qtbot import QtBot

from tests.qt_wait_floor import WAIT_FLOOR_MS, with_floor

LATER_MS = 200  # the condition turns true after this, past the 50 ms the test asks for


class Emitter(QObject):
    fired = Signal()


def test_a_wait_outlives_its_written_timeout_up_to_the_floor(qtbot: QtBot) -> None:
    done: list[bool] = []
    QTimer.singleShot(LATER_MS, lambda: done.append(True))
    qtbot.waitUntil(lambda: bool(done), timeout=50)
    assert done == [True]


def test_a_signal_wait_outlives_its_written_timeout(qtbot: QtBot) -> None:
    emitter = Emitter()
    QTimer.singleShot(LATER_MS, emitter.fired.emit)
    with qtbot.waitSignal(emitter.fired, timeout=50) as blocker:
        pass
    assert blocker.signal_triggered


def test_the_floor_keeps_longer_timeouts_and_no_timeout() -> None:
    seen: list[int | None] = []
    floored = with_floor(lambda _self, *, timeout: seen.append(timeout))
    floored(object(), timeout=50)
    floored(object(), timeout=WAIT_FLOOR_MS * 2)
    floored(object(), timeout=0)
    assert seen == [WAIT_FLOOR_MS, WAIT_FLOOR_MS * 2, 0]
