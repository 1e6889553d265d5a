"""A line edit for amounts typed in major units ("50", "49.90"), converted with pricing.

The UI never computes prices: this widget only converts between what the user types and the
int of minor units the services take, using ``pricing.major_to_minor``.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QRegularExpression, Signal, Slot
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QLineEdit, QWidget

from linguaflex_desktop.errors import ValidationError
from linguaflex_desktop.services.common.pricing import major_to_minor, minor_unit_exponent


def minor_to_major_text(amount_minor: int, currency: str) -> str:
    """'5050', 'USD' -> '50.50'; '5000', 'JPY' -> '5000' (no thousands separator, editable)."""
    exponent = minor_unit_exponent(currency)
    return f"{Decimal(amount_minor).scaleb(-exponent):.{exponent}f}"


class MoneyInput(QLineEdit):
    """Amount entry for one currency; ``amount_minor()`` raises ValidationError when invalid."""

    amount_changed = Signal()

    def __init__(self, currency: str = "USD", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._currency = currency
        # Loose shape check while typing; major_to_minor has the final word.
        self.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"^\d{0,9}([.,]\d{0,3})?$"), self)
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
            raise ValidationError("Enter an amount.")
        return major_to_minor(self.text().replace(",", "."), self._currency)

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
        invalid = not self.is_acceptable()
        if self.property("invalid") != invalid:
            self.setProperty("invalid", invalid)
            self.style().unpolish(self)
            self.style().polish(self)
        self.amount_changed.emit()

    def _update_placeholder(self) -> None:
        example = "5000" if minor_unit_exponent(self._currency) == 0 else "25.00"
        self.setPlaceholderText(f"{example} {self._currency}")
