"""GuiIdle: a worker thread asking while the GUI thread runs a slot hears "busy" (its ping is
not answered), and "idle" once the GUI thread is back in its event loop."""

from __future__ import annotations

import threading

from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from linguaflex_desktop.ui.gui_idle import GuiIdle


def test_a_worker_hears_busy_while_a_slot_runs_and_idle_once_the_loop_waits(
    qtbot: QtBot,
) -> None:
    idle = GuiIdle()
    in_slot, looked = threading.Event(), threading.Event()
    answers: dict[str, bool] = {}

    def worker() -> None:
        in_slot.wait(30)
        answers["while the slot runs"] = idle.wait(0.05)
        looked.set()  # the slot ends only now: the GUI thread was busy all along
        answers["once the loop waits"] = idle.wait(30)

    def slot() -> None:
        in_slot.set()
        looked.wait(30)

    thread = threading.Thread(target=worker)
    thread.start()
    QTimer.singleShot(0, slot)
    qtbot.waitUntil(lambda: "once the loop waits" in answers)
    thread.join(30)
    assert answers == {"while the slot runs": False, "once the loop waits": True}
