"""A line edit for amounts typed in major units ("50", "49.90", "1,000", "1.000,50"),
converted with pricing.

The UI never computes prices: this widget only reads what the user types (``read_amount``)
and converts it to the int of minor units the services take with ``pricing.major_to_minor``.

Reading rules, with the app locale's decimal separator (QLocale(), "." or ","):
- spaces (also no-break and narrow no-break) only group thousands;
- with both "." and ",", the last one is the decimal separator, the other groups thousands;
- in a zero-decimal currency (JPY, KRW...) every separator groups thousands;
- otherwise a lone separator that is the locale's decimal separator is decimal, the other one
  groups thousands; thousands groups have exactly three digits;
- anything that could be read two ways ("1,50" where "," groups thousands, "1,000" in a
  decimal-comma locale for a two-decimal currency) is refused with how it would be read.
"""

from __future__ import annotations

import re
from decimal import Decimal

from PySide6.QtCore import QLocale, QRegularExpression, Signal, Slot
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QLineEdit, QWidget

from linguaflex_desktop.errors import ValidationError
from linguaflex_desktop.services.common.currency import minor_unit_exponent
from linguaflex_desktop.services.common.pricing import major_to_minor
from linguaflex_desktop.texts import tx
from linguaflex_desktop.ui.theme import mark_invalid


def minor_to_major_text(amount_minor: int, currency: str, decimal_point: str | None = None) -> str:
    """'5050', 'USD' -> '50.50' ('50,50' in a decimal-comma locale); '5000', 'JPY' -> '5000'
    (no thousands separator, editable; ``read_amount`` reads it back in the same locale)."""
    exponent = minor_unit_exponent(currency)
    text = f"{Decimal(amount_minor).scaleb(-exponent):.{exponent}f}"
    return text.replace(".", decimal_point or locale_decimal_point())


SPACES = (" ", "\u00a0", "\u202f")
_GROUPED = re.compile(r"\d{1,3}(?:G\d{3})*|\d+")


def locale_decimal_point() -> str:
    """The app locale's decimal separator, "." or ","."""
    return "," if QLocale().decimalPoint() == "," else "."


def _whole_part(text: str, group: str, typed: str, currency: str = "") -> str:
    """Digits of an integer part whose thousands are grouped by ``group`` (or not at all);
    ``currency`` is given for a zero-decimal one, where every separator groups thousands."""
    if not _GROUPED.fullmatch(text.replace(group, "G")):
        if currency:
            raise ValidationError(
                tx(
                    "Cannot read {typed} as an amount: {currency} amounts have at most 0 "
                    "decimal places; separators group thousands.",
                    typed=repr(typed),
                    currency=currency,
                )
            )
        raise ValidationError(
            tx(
                "Cannot read {typed} as an amount: thousands are grouped in threes (1,000,000).",
                typed=repr(typed),
            )
        )
    return text.replace(group, "")


def read_amount(typed: str, currency: str, decimal_point: str | None = None) -> Decimal:
    """The amount ``typed`` means in major units of ``currency`` (module rules);
    ValidationError with one clear message for what is not an amount or is ambiguous."""
    text = typed.strip()
    for space in SPACES:
        text = text.replace(space, " ")
    decimal_point = decimal_point or locale_decimal_point()
    if not re.fullmatch(r"\d[\d., ]*", text) or not text[-1].isdigit():
        raise ValidationError(
            tx("Cannot read {typed} as an amount: use digits, e.g. 1250.50.", typed=repr(typed))
        )
    zero_decimal = minor_unit_exponent(currency) == 0
    marks = [char for char in text if char in ".,"]
    if " " in text:  # spaces group thousands; a single mark after them is the decimal one
        if zero_decimal:
            return Decimal(_whole_part(re.sub("[.,]", " ", text), " ", typed, currency))
        whole, fraction = text, ""
        if len(marks) == 1 and text.rfind(marks[0]) > text.rfind(" "):
            whole, _, fraction = text.rpartition(marks[0])
        elif marks:
            raise ValidationError(
                tx("Cannot read {typed} as an amount: use one decimal mark.", typed=repr(typed))
            )
        digits = _whole_part(whole, " ", typed)
        return Decimal(f"{digits}.{fraction}" if fraction else digits)
    if zero_decimal:
        group = marks[0] if marks and len(set(marks)) == 1 else ","
        if len(set(marks)) > 1:
            raise ValidationError(
                tx("{currency} amounts have no decimals; type e.g. 1000.", currency=currency)
            )
        return Decimal(_whole_part(text, group, typed, currency))
    if not marks:
        return Decimal(text)
    if len(set(marks)) == 2:  # the last mark is the decimal one
        decimal = marks[-1]
        whole, _, fraction = text.rpartition(decimal)
        return Decimal(f"{_whole_part(whole, '.' if decimal == ',' else ',', typed)}.{fraction}")
    mark = marks[0]
    whole, _, fraction = text.rpartition(mark)
    if len(marks) > 1:  # repeated: it can only group thousands
        return Decimal(_whole_part(text, mark, typed))
    if mark == decimal_point:
        if len(fraction) == 3:
            raise ValidationError(
                tx(
                    "{typed} is ambiguous: here it reads as {read} {currency}; for {other} "
                    "{currency} type {other}.",
                    typed=repr(typed),
                    read=f"{whole}{mark}{fraction}",
                    currency=currency,
                    other=f"{whole}{fraction}",
                )
            )
        return Decimal(f"{whole}.{fraction}")
    if len(fraction) != 3:
        raise ValidationError(
            tx(
                "{typed} is ambiguous: here {mark} groups thousands; for {other} {currency} "
                "type {other}.",
                typed=repr(typed),
                mark=repr(mark),
                other=f"{whole}{decimal_point}{fraction}",
                currency=currency,
            )
        )
    return Decimal(_whole_part(text, mark, typed))


class MoneyInput(QLineEdit):
    """Amount entry for one currency; ``amount_minor()`` raises ValidationError when invalid."""

    amount_changed = Signal()

    def __init__(self, currency: str = "USD", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._currency = currency
        # Loose shape check while typing; major_to_minor has the final word.
        self.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"^[\d.,\s\x{202f}]{0,20}$"), self)
        )
        self.setAlignment(self.alignment())
        self.textChanged.connect(self._on_text_changed)
        self._update_placeholder()

    @property
    def currency(self) -> str:
        return self._currency

    def set_currency(self, currency: str) -> None:
        self._currency = currency
        self._update_placeholder()
        self._on_text_changed(self.text())

    def is_empty(self) -> bool:
        return not self.text().strip()

    def amount_minor(self) -> int:
        """The typed amount in minor units of ``currency``; ValidationError if not an amount."""
        if self.is_empty():
            raise ValidationError(tx("Enter an amount."))
        return major_to_minor(read_amount(self.text(), self._currency), self._currency)

    def optional_amount_minor(self) -> int | None:
        """None when empty, else like ``amount_minor``."""
        return None if self.is_empty() else self.amount_minor()

    def set_amount_minor(self, amount_minor: int | None, currency: str | None = None) -> None:
        if currency is not None:
            self._currency = currency
            self._update_placeholder()
        text = "" if amount_minor is None else minor_to_major_text(amount_minor, self._currency)
        self.setText(text)

    def is_acceptable(self) -> bool:
        try:
            self.optional_amount_minor()
        except ValidationError:
            return False
        return True

    @Slot(str)
    def _on_text_changed(self, _text: str) -> None:
        mark_invalid(self, not self.is_acceptable())
        self.amount_changed.emit()

    def _update_placeholder(self) -> None:
        example = (
            "5000" if minor_unit_exponent(self._currency) == 0 else f"25{locale_decimal_point()}00"
        )
        self.setPlaceholderText(f"{example} {self._currency}")
