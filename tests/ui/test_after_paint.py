"""``AfterFirstPaint`` calls its function once, after the widget's first paint (or after the
fallback wait when it never paints), leaves no timer pending behind it, and a wrapper PySide
made anew for it (its Python side collected while Qt still held it) does nothing."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from linguaflex_desktop.ui.after_paint import FIRST_PAINT_WAIT_MS, AfterFirstPaint


def test_called_once_after_the_first_paint_and_no_timer_left_pending(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    calls: list[str] = []
    after = AfterFirstPaint(widget, lambda: calls.append("painted"))
    widget.show()
    qtbot.waitUntil(lambda: calls == ["painted"])
    assert not after._fallback.isActive()  # the fallback will not fire into later work
    widget.repaint()
    qtbot.wait(1)
    assert calls == ["painted"]


def test_called_after_the_fallback_wait_when_the_widget_never_paints(qtbot: QtBot) -> None:
    widget = QWidget()  # never shown
    qtbot.addWidget(widget)
    calls: list[str] = []
    after = AfterFirstPaint(widget, lambda: calls.append("waited"))
    qtbot.waitUntil(lambda: calls == ["waited"], timeout=FIRST_PAINT_WAIT_MS * 20)
    assert not after._fallback.isActive()


def test_a_wrapper_made_anew_without_its_state_does_nothing(qtbot: QtBot) -> None:
    bare = AfterFirstPaint.__new__(AfterFirstPaint)  # what PySide builds for a lost wrapper
    QObject.__init__(bare)
    widget = QWidget()
    qtbot.addWidget(widget)
    bare._call()  # no AttributeError in the event loop
    assert bare.eventFilter(widget, QEvent(QEvent.Type.Paint)) is False
