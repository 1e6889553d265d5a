"""MoneyInput converts typed major units to minor units through pricing only."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from linguaflex_desktop.errors import ValidationError
from linguaflex_desktop.ui.money_input import MoneyInput, minor_to_major_text


@pytest.mark.parametrize(
    ("typed", "currency", "minor"),
    [("50", "USD", 5000), ("49.90", "EUR", 4990), ("12,5", "USD", 1250), ("5000", "JPY", 5000)],
)
def test_typed_amount_becomes_minor_units(
    qtbot: QtBot, typed: str, currency: str, minor: int
) -> None:
    widget = MoneyInput(currency)
    qtbot.addWidget(widget)
    widget.setText(typed)
    assert widget.amount_minor() == minor


def test_too_many_decimals_for_the_currency_is_refused_and_marked(qtbot: QtBot) -> None:
    widget = MoneyInput("JPY")
    qtbot.addWidget(widget)
    widget.setText("10.5")
    with pytest.raises(ValidationError, match="at most 0 decimal places"):
        widget.amount_minor()
    assert widget.property("invalid") is True
    widget.set_currency("USD")
    assert widget.amount_minor() == 1050
    assert widget.property("invalid") is False


def test_empty_input_is_none_when_optional_and_an_error_when_required(qtbot: QtBot) -> None:
    widget = MoneyInput("USD")
    qtbot.addWidget(widget)
    assert widget.optional_amount_minor() is None
    with pytest.raises(ValidationError, match="Enter an amount"):
        widget.amount_minor()


def test_set_amount_shows_major_units_that_read_back_identically(qtbot: QtBot) -> None:
    widget = MoneyInput("USD")
    qtbot.addWidget(widget)
    widget.set_amount_minor(7875)
    assert widget.text() == "78.75"
    assert widget.amount_minor() == 7875
    assert minor_to_major_text(5000, "JPY") == "5000"
