"""show_error: the three outcomes of STYLE.md."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from linguaflex_desktop.errors import PaymentDeclined, UserCancelled
from linguaflex_desktop.ui.errors import GENERIC_MESSAGE, show_error


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_user_cancelled_shows_nothing(parent: QWidget) -> None:
    assert show_error(parent, UserCancelled()) is None
    assert parent.findChildren(QMessageBox) == []


def test_user_facing_error_is_shown_verbatim_with_its_title(parent: QWidget) -> None:
    box = show_error(parent, PaymentDeclined("Your card was declined."))
    assert box is not None
    assert box.text() == "Your card was declined."
    assert box.windowTitle() == "Payment declined"
    assert box.icon() is QMessageBox.Icon.Warning


def test_unexpected_error_is_logged_with_traceback_and_shown_generically(
    parent: QWidget, caplog: pytest.LogCaptureFixture
) -> None:
    try:
        raise KeyError("internal detail")
    except KeyError as error:
        caught = error
    with caplog.at_level(logging.ERROR, logger="linguaflex_desktop.ui.errors"):
        box = show_error(parent, caught)
    assert box is not None
    assert box.text() == GENERIC_MESSAGE
    assert "internal detail" not in box.text()
    record = next(r for r in caplog.records if r.name == "linguaflex_desktop.ui.errors")
    assert record.exc_info is not None and record.exc_info[1] is caught
    assert "raise KeyError" in caplog.text
