"""MoneyInput converts typed major units to minor units through pricing only."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale
from pytestqt.qtbot import QtBot

from linguaflex_desktop.errors import ValidationError
from linguaflex_desktop.ui.money_input import MoneyInput, minor_to_major_text, read_amount


@pytest.mark.parametrize(
    ("typed", "currency", "minor"),
    [("50", "USD", 5000), ("49.90", "EUR", 4990), ("12.5", "USD", 1250), ("5000", "JPY", 5000)],
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


@pytest.fixture(params=["en_US", "de_DE"])
def app_locale(request: pytest.FixtureRequest) -> Iterator[str]:
    """Run under an English (decimal point) and a German (decimal comma) app locale."""
    previous = QLocale()
    QLocale.setDefault(QLocale(request.param))
    yield str(request.param)
    QLocale.setDefault(previous)


# typed, currency, minor units under en_US, under de_DE (None: refused as ambiguous)
CASES = [
    ("1,000", "JPY", 1000, 1000),
    ("1.000", "JPY", 1000, 1000),
    ("1 000", "JPY", 1000, 1000),
    ("1\u202f000", "JPY", 1000, 1000),
    ("1,000", "USD", 100000, None),
    ("1.000", "USD", None, 100000),
    ("1 000", "EUR", 100000, 100000),
    ("1\u00a0000,50", "EUR", 100050, 100050),
    ("1.000,50", "EUR", 100050, 100050),
    ("1,000.50", "USD", 100050, 100050),
    ("1,000,000", "USD", 100000000, 100000000),
    ("12.5", "USD", 1250, None),
    ("12,5", "EUR", None, 1250),
    ("1,50", "USD", None, 150),
    ("49.90", "EUR", 4990, None),
    ("50", "USD", 5000, 5000),
]


@pytest.mark.parametrize(("typed", "currency", "en", "de"), CASES)
def test_amounts_are_read_by_the_app_locale(
    qtbot: QtBot, app_locale: str, typed: str, currency: str, en: int | None, de: int | None
) -> None:
    widget = MoneyInput(currency)
    qtbot.addWidget(widget)
    widget.setText(typed)
    expected = en if app_locale == "en_US" else de
    if expected is None:
        with pytest.raises(ValidationError, match="ambiguous: here"):
            widget.amount_minor()
        assert widget.property("invalid") is True
    else:
        assert widget.amount_minor() == expected


@pytest.mark.parametrize("typed", ["1,00,0", "1.0.0", "abc", "1,", ",5", "1 00", "1.000,5,0"])
def test_what_is_not_an_amount_is_refused_with_one_message(app_locale: str, typed: str) -> None:
    with pytest.raises(ValidationError, match=r"amount|ambiguous"):
        read_amount(typed, "USD")


def test_the_ambiguity_message_shows_how_the_amount_would_be_read(app_locale: str) -> None:
    if app_locale == "en_US":
        with pytest.raises(ValidationError, match=r"for 1\.50 USD type 1\.50"):
            read_amount("1,50", "USD")
    else:
        with pytest.raises(ValidationError, match=r"reads as 1,000 EUR; for 1000 EUR type 1000"):
            read_amount("1,000", "EUR")
