"""A booking's payment status and receipt: price, status, when and how it was paid, every
attempt and refund. Used under the student's bookings and in the admin's payment list.

``show_booking`` loads ``payment_for_booking`` on the runner (only the newest request is
shown). An unpaid booking is shown from its own DTO without asking the payment service, so
browsing bookings never starts the payment side. GUI thread only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from linguaflex_desktop.models.enums import PaymentStatus
from linguaflex_desktop.services.booking.dto import BookingDTO
from linguaflex_desktop.services.booking.rules import awaits_payment
from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.services.payments.dto import BookingPaymentDTO
from linguaflex_desktop.texts import tx
from linguaflex_desktop.ui.booking.format import PAYMENT_TEXT
from linguaflex_desktop.ui.data_changed import Change, refresh_on
from linguaflex_desktop.ui.errors import inline_error_text
from linguaflex_desktop.ui.i18n import localize, t
from linguaflex_desktop.ui.operations import OpContext
from linguaflex_desktop.ui.operations import payments as payments_ops
from linguaflex_desktop.ui.payments.format import (
    attempt_line,
    card_number_text,
    money,
    price_line,
    refund_line,
    when_text,
)
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.theme import themed

if TYPE_CHECKING:
    from linguaflex_desktop.bootstrap import AppServices

NOTHING_SELECTED = tx("Select a booking to see its payment and receipt.")


class ReceiptPanel(QWidget):
    """Receipt of one booking; ``rows()`` gives the shown (label, text) pairs."""

    receipt_loaded = Signal(object)  # BookingPaymentDTO

    def __init__(
        self,
        *,
        services: AppServices,
        actor: Actor,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services, self.actor, self.runner = services, actor, runner
        self.booking_id: int | None = None
        self.receipt: BookingPaymentDTO | None = None
        self._request = 0
        refresh_on(self, runner, ("payment",), self._on_data_changed)
        themed(self, "receiptPanel")
        self.heading = QLabel(t("Payment"))
        themed(self.heading, "detailSection")
        self.placeholder = QLabel(localize(NOTHING_SELECTED))
        themed(self.placeholder, "fieldNote")
        self.form = QFormLayout()
        self.form.setHorizontalSpacing(16)
        self.form.setVerticalSpacing(4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(4)
        layout.addWidget(self.heading)
        layout.addWidget(self.placeholder)
        layout.addLayout(self.form)

    # --- loading --------------------------------------------------------------------------

    def show_booking(self, booking: BookingDTO | None) -> None:
        """Show the receipt of ``booking`` (None: nothing selected)."""
        self._request += 1
        self.booking_id = booking.id if booking is not None else None
        self.receipt = None
        if booking is None:
            self._show_placeholder(localize(NOTHING_SELECTED))
            return
        if booking.payment_status is PaymentStatus.UNPAID:
            self._show_unpaid(booking)
            return
        self.load(booking.id)

    def load(self, booking_id: int) -> None:
        self._request += 1
        request = self._request
        self.booking_id = booking_id
        payments_ops.payment_for_booking(
            OpContext.of(self),
            self.actor,
            booking_id,
            on_success=lambda receipt: self._on_receipt(request, receipt),
            on_failure=lambda error: self._on_failed(request, error),
            owner=self,
        )

    def _on_data_changed(self, change: Change) -> None:
        if self.booking_id is not None and (not change.ids or self.booking_id in change.ids):
            self.reload()

    def reload(self) -> None:
        if self.booking_id is not None:
            self.load(self.booking_id)

    def _on_receipt(self, request: int, receipt: BookingPaymentDTO) -> None:
        if request != self._request:
            return
        self.receipt = receipt
        self._fill(receipt_rows(receipt, self.actor.time_zone))
        self.receipt_loaded.emit(receipt)

    def _on_failed(self, request: int, error: BaseException) -> None:
        if request == self._request:
            self._show_placeholder(inline_error_text(error) or "")

    # --- showing --------------------------------------------------------------------------

    def rows(self) -> list[tuple[str, str]]:
        pairs = []
        for row in range(self.form.rowCount()):
            label_item = self.form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field_item = self.form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            label = label_item.widget() if label_item is not None else None
            field = field_item.widget() if field_item is not None else None
            assert isinstance(label, QLabel) and isinstance(field, QLabel)
            pairs.append((label.text(), field.text()))
        return pairs

    def text_of(self, label: str) -> str | None:
        return next((text for name, text in self.rows() if name == label), None)

    def _show_unpaid(self, booking: BookingDTO) -> None:
        rows = [
            (t("Status"), localize(PAYMENT_TEXT[booking.payment_status])),
            (
                t("Price"),
                price_line(
                    booking.base_amount_minor,
                    booking.fee_minor,
                    booking.total_minor,
                    booking.currency,
                ),
            ),
        ]
        if booking.payment_due_by is not None and awaits_payment(
            booking.status, booking.payment_status
        ):
            rows.append((t("Pay by"), when_text(booking.payment_due_by, self.actor.time_zone)))
        self._fill(rows)

    def _show_placeholder(self, text: str) -> None:
        self._clear()
        self.placeholder.setText(text)
        self.placeholder.setVisible(True)

    def _fill(self, rows: list[tuple[str, str]]) -> None:
        self._clear()
        self.placeholder.setVisible(False)
        for label, text in rows:
            field = QLabel(text)
            field.setWordWrap(True)
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            name = QLabel(label)
            themed(name, "fieldNote")
            self.form.addRow(name, field)

    def _clear(self) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)


def receipt_rows(receipt: BookingPaymentDTO, zone_name: str) -> list[tuple[str, str]]:
    """The receipt as (label, text) rows (pure; any thread)."""
    currency = receipt.currency
    rows = [
        (t("Status"), localize(PAYMENT_TEXT[receipt.payment_status])),
        (
            t("Price"),
            t(
                "{total} including {fee} platform fee",
                total=money(receipt.total_minor, currency),
                fee=money(receipt.fee_minor, currency),
            ),
        ),
    ]
    paid = receipt.paid_with
    if paid is not None:
        card = card_number_text(paid.card_brand, paid.card_last4)
        paid_text = t(
            "{amount} on {when}",
            amount=money(paid.amount_minor, paid.currency),
            when=when_text(receipt.paid_at or paid.succeeded_at, zone_name),
        )
        if card:
            paid_text = t("{paid} with {card}", paid=paid_text, card=card)
        rows.append((t("Paid"), paid_text))
        if paid.stripe_payment_intent_id:
            rows.append(("PaymentIntent", paid.stripe_payment_intent_id))
    elif receipt.payment_due_by is not None and awaits_payment(
        receipt.booking_status, receipt.payment_status
    ):
        rows.append((t("Pay by"), when_text(receipt.payment_due_by, zone_name)))
    failed = [a for a in receipt.attempts if a is not paid]
    if failed and receipt.payment_status is not PaymentStatus.PAID:
        rows.append((t("Last attempt"), attempt_line(failed[-1], zone_name)))
    if receipt.refunded_minor:
        rows.append((t("Refunded"), money(receipt.refunded_minor, currency)))
    for refund in receipt.refunds:
        rows.append((t("Refund"), refund_line(refund, zone_name)))
    return rows
