"""The warm-up behind the sign-in window: one sample widget per event-loop turn, each deleted
after it is polished, and nothing more once its owner (the sign-in window) is gone."""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from linguaflex_desktop.ui.warm_up import SAMPLES, WarmUp


def counting(built: list[QWidget]) -> tuple[Callable[[], QWidget], ...]:
    def sample() -> QWidget:
        widget = QWidget()
        built.append(widget)
        return widget

    return (sample, sample, sample)


def run_deferred_deletes() -> None:
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_each_sample_is_built_in_a_turn_of_its_own_then_deleted(qtbot: QtBot) -> None:
    owner = QObject()
    built: list[QWidget] = []
    warm_up = WarmUp(owner, counting(built))
    assert built == []  # nothing before the event loop turns
    QApplication.processEvents()
    assert len(built) == 1
    qtbot.waitUntil(lambda: warm_up.done, timeout=5000)
    assert len(built) == 3
    run_deferred_deletes()
    assert not any(shiboken6.isValid(widget) for widget in built)


def test_it_stops_when_its_owner_goes(qtbot: QtBot) -> None:
    owner = QObject()
    built: list[QWidget] = []
    WarmUp(owner, counting(built))
    QApplication.processEvents()
    assert len(built) == 1
    shiboken6.delete(owner)  # the sign-in window closed: its children go with it
    for _ in range(5):
        QApplication.processEvents()
    assert len(built) == 1


def test_the_role_window_samples_build_and_leave_no_widget_behind(qtbot: QtBot) -> None:
    before = set(QApplication.topLevelWidgets())
    warm_up = WarmUp(QApplication.instance(), SAMPLES)
    qtbot.waitUntil(lambda: warm_up.done, timeout=10000)
    run_deferred_deletes()
    assert set(QApplication.topLevelWidgets()) <= before
    warm_up.deleteLater()
