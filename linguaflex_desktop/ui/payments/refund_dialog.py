"""An admin refunds a paid booking, fully or partly, after seeing what it would do.

The preview (amount back to the student, fee treatment, change to the teacher's share, the
booking's state afterwards) comes from ``preview_refund`` on the runner whenever the amount
changes; Refund is enabled only while a preview of the current amount is shown and an
internal reason is given. The internal reason (admins, the audit trail) and the message to the
student are asked apart, each with its limit shown while typing; the error has a fixed place
under the preview, so the layout does not move when one shows. One ``request_key`` is
generated per dialog and sent with every attempt, so a double click, or a retry after Stripe
did not answer, makes one refund. GUI thread only.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from linguaflex_desktop.errors import ValidationError
from linguaflex_desktop.services.booking.rules import MAX_REASON_LENGTH
from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.services.payments.dto import PaymentDTO, RefundPreview, RefundResult
from linguaflex_desktop.services.payments.refund_messages import (
    DEFAULT_STUDENT_MESSAGE,
    MAX_STUDENT_MESSAGE_LENGTH,
)
from linguaflex_desktop.texts import tx
from linguaflex_desktop.ui.booking.format import PAYMENT_TEXT, STATUS_TEXT
from linguaflex_desktop.ui.errors import inline_error_text
from linguaflex_desktop.ui.field_limits import LengthLimit
from linguaflex_desktop.ui.i18n import localize, t
from linguaflex_desktop.ui.money_input import MoneyInput
from linguaflex_desktop.ui.operations import OpContext
from linguaflex_desktop.ui.operations import payments as payments_ops
from linguaflex_desktop.ui.payments.format import money
from linguaflex_desktop.ui.peer_wait import PeerWaitPanel
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.theme import themed
from linguaflex_desktop.ui.widgets import make_message_label, reserve_message_space, set_message

if TYPE_CHECKING:
    from linguaflex_desktop.bootstrap import AppServices

PREVIEW_DEBOUNCE_MS = 300
ERROR_LINES = 3  # the error's place is kept empty, so showing one moves nothing
REFUNDING_TEXT = tx(
    "Waiting for Stripe to make the refund. You can close this window: the refund goes on, "
    "and the payments list shows how it ended."
)
# the preview's rows, by their English label (the key of ``preview_texts``); shown translated
PREVIEW_LABELS = (
    tx("Back to the student"),
    tx("Platform fee"),
    tx("Teacher's share"),
    tx("Left to refund after"),
    tx("Booking after"),
)


def preview_texts(preview: RefundPreview) -> dict[str, str]:
    """What the preview says, by English label (pure; amounts are the service's), in the
    current language."""
    currency = preview.currency
    if preview.fee_returned_minor:
        fee = t(
            "{amount} returned ({before} → {after})",
            amount=money(preview.fee_returned_minor, currency),
            before=money(preview.fee_before_minor, currency),
            after=money(preview.fee_after_minor, currency),
        )
    else:
        fee = t("kept by the platform ({amount})", amount=money(preview.fee_before_minor, currency))
    share = (
        f"{money(preview.teacher_share_before_minor, currency)} → "
        f"{money(preview.teacher_share_after_minor, currency)} "
        f"({money(preview.teacher_share_change_minor, currency)})"
    )
    after = (
        f"{localize(STATUS_TEXT[preview.booking_status_after])} · "
        f"{localize(PAYMENT_TEXT[preview.payment_status_after])}"
    )
    return {
        "Back to the student": money(preview.amount_minor, currency),
        "Platform fee": fee,
        "Teacher's share": share,
        "Left to refund after": money(preview.remaining_after_minor, currency),
        "Booking after": after,
    }


class RefundDialog(QDialog):
    """Window-modal; open with ``open()``. ``refunded`` carries the RefundResult."""

    refunded = Signal(object)  # RefundResult
    preview_shown = Signal(object)  # RefundPreview

    def __init__(
        self,
        *,
        services: AppServices,
        actor: Actor,
        runner: TaskRunner,
        payment: PaymentDTO,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services, self.actor, self.runner = services, actor, runner
        self.payment = payment
        self.request_key = f"refund-{payment.booking_id}-{uuid.uuid4().hex}"
        self.preview: RefundPreview | None = None
        self.result_dto: RefundResult | None = None
        self._preview_request = 0
        self._submitting = False
        self._preview_error_shown = False
        self.setObjectName("refundDialog")
        self.setWindowTitle(t("Refund"))
        self.setMinimumWidth(520)
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DEBOUNCE_MS)
        self._preview_timer.timeout.connect(self.update_preview)
        self._build()
        self.update_preview()

    # --- construction ---------------------------------------------------------------------

    def _build(self) -> None:
        payment = self.payment
        title = QLabel(
            t("Booking #{number} · {gig}", number=payment.booking_id, gig=payment.gig_title)
        )
        themed(title, "detailTitle")
        parties = QLabel(
            t(
                "{student} with {teacher}",
                student=payment.student_name,
                teacher=payment.teacher_name,
            )
        )
        themed(parties, "detailMeta")
        self.paid_label = QLabel()
        themed(self.paid_label, "detailMeta")
        self.full_radio = QRadioButton(t("Everything that remains"))
        self.partial_radio = QRadioButton(t("Part of it:"))
        self.full_radio.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.full_radio)
        group.addButton(self.partial_radio)
        self.amount_input = MoneyInput(payment.currency)
        self.amount_input.setFixedWidth(140)
        self.amount_input.setEnabled(False)
        self.amount_input.textEdited.connect(lambda _text: self._amount_changed())
        self.partial_radio.toggled.connect(self._on_mode_changed)
        partial_row = QHBoxLayout()
        partial_row.addWidget(self.partial_radio)
        partial_row.addWidget(self.amount_input)
        partial_row.addStretch(1)
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setPlaceholderText(
            t("Internal reason (required): admins and the audit trail only, never the student")
        )
        self.reason_edit.setFixedHeight(60)
        # each limit first: it has counted the text when the button is updated
        self.reason_limit = LengthLimit(
            self.reason_edit, MAX_REASON_LENGTH, what=t("internal reason")
        )
        self.reason_edit.textChanged.connect(self._update_button)
        self.message_edit = QPlainTextEdit()
        self.message_edit.setPlaceholderText(
            t(
                "Message to the student (optional): shown on their booking, receipt and "
                "notification. Left empty, they read “{default}”.",
                default=localize(DEFAULT_STUDENT_MESSAGE),
            )
        )
        self.message_edit.setFixedHeight(60)
        self.message_limit = LengthLimit(
            self.message_edit, MAX_STUDENT_MESSAGE_LENGTH, what=t("message to the student")
        )
        self.message_edit.textChanged.connect(self._update_button)
        preview_box = QWidget()
        themed(preview_box, "receiptPanel")
        self.preview_form = QFormLayout(preview_box)
        self.preview_form.setContentsMargins(12, 8, 12, 8)
        self.preview_values: dict[str, QLabel] = {}
        for label in PREVIEW_LABELS:
            value = QLabel("…")
            name = QLabel(localize(label))
            themed(name, "fieldNote")
            self.preview_values[label] = value
            self.preview_form.addRow(name, value)
        self.error_label = make_message_label()
        reserve_message_space(self.error_label, lines=ERROR_LINES)
        self.cancel_button = QPushButton(t("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        self.peer_wait = PeerWaitPanel(self)
        self.peer_wait.slow.connect(self._offer_to_leave)
        self.refund_button = QPushButton(t("Refund"))
        themed(self.refund_button, "dangerButton")
        self.refund_button.setEnabled(False)
        self.refund_button.clicked.connect(self.submit)
        # wide enough for the largest amount it can name, so "Refund" (no valid amount) and
        # "Refund 31.50 USD" leave the buttons where they are
        widest = t(
            "Refund {amount}", amount=money(self.payment.amount_minor, self.payment.currency)
        )
        self.refund_button.setMinimumWidth(
            self.refund_button.fontMetrics().horizontalAdvance(widest) + 40
        )
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.refund_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(8)
        layout.addWidget(title)
        layout.addWidget(parties)
        layout.addWidget(self.paid_label)
        layout.addSpacing(4)
        layout.addWidget(self.full_radio)
        layout.addLayout(partial_row)
        for text, edit, limit in (
            (t("Internal reason"), self.reason_edit, self.reason_limit),
            (t("Message to the student"), self.message_edit, self.message_limit),
        ):
            heading_label = QLabel(text)
            themed(heading_label, "detailSection")
            layout.addWidget(heading_label)
            layout.addWidget(edit)
            layout.addWidget(limit.label)
        heading = QLabel(t("What this refund does"))
        themed(heading, "detailSection")
        layout.addWidget(heading)
        layout.addWidget(preview_box)
        layout.addWidget(self.error_label)
        layout.addWidget(self.peer_wait)
        layout.addLayout(buttons)

    # --- the amount and its preview -------------------------------------------------------

    def set_partial_amount(self, text: str) -> None:
        """Choose a partial refund of ``text`` (major units), as a user typing it would."""
        self.partial_radio.setChecked(True)
        self.amount_input.setText(text)
        self._amount_changed()

    def amount_minor(self) -> int | None:
        """None for "everything that remains"; ValidationError for a bad partial amount."""
        if self.full_radio.isChecked():
            return None
        return self.amount_input.amount_minor()

    @Slot(bool)
    def _on_mode_changed(self, partial: bool) -> None:
        self.amount_input.setEnabled(partial)
        if partial:
            self.amount_input.setFocus()
        self._amount_changed()

    def _amount_changed(self) -> None:
        self.preview = None
        self._update_button()
        self._preview_timer.start()

    @Slot()
    def update_preview(self) -> None:
        self._preview_timer.stop()
        self._preview_request += 1
        request = self._preview_request
        try:
            amount = self.amount_minor()
        except ValidationError as error:
            self._show_preview_error(error)
            return
        payments_ops.preview_refund(
            OpContext.of(self),
            self.actor,
            self.payment.booking_id,
            amount_minor=amount,
            on_success=lambda preview: self._on_preview(request, preview),
            on_failure=lambda error: self._on_preview_failed(request, error),
            owner=self,
        )

    def _on_preview(self, request: int, preview: RefundPreview) -> None:
        if request != self._preview_request:
            return
        self.preview = preview
        if self._preview_error_shown:  # a refund's error stays until the next attempt
            set_message(self.error_label, None)
            self._preview_error_shown = False
        for label, text in preview_texts(preview).items():
            self.preview_values[label].setText(text)
        currency = preview.currency
        self.paid_label.setText(
            t(
                "Paid {paid} · already refunded {refunded}",
                paid=money(preview.paid_minor, currency),
                refunded=money(preview.already_refunded_minor, currency),
            )
        )
        if self.full_radio.isChecked():
            self.full_radio.setText(
                t(
                    "Everything that remains ({amount})",
                    amount=money(preview.amount_minor, currency),
                )
            )
        self.refund_button.setText(
            t("Refund {amount}", amount=money(preview.amount_minor, currency))
        )
        self._update_button()
        self.preview_shown.emit(preview)

    def _on_preview_failed(self, request: int, error: BaseException) -> None:
        if request == self._preview_request:
            self._show_preview_error(error)

    def _show_preview_error(self, error: BaseException) -> None:
        self.preview = None
        for value in self.preview_values.values():
            value.setText("—")
        self.refund_button.setText(t("Refund"))
        set_message(self.error_label, inline_error_text(error))
        self._preview_error_shown = True
        self._update_button()

    # --- refunding ------------------------------------------------------------------------

    def reason(self) -> str:
        return self.reason_edit.toPlainText().strip()

    def student_message(self) -> str:
        return self.message_edit.toPlainText().strip()

    def _texts_ok(self) -> bool:
        """An internal reason is given and neither text is over its limit."""
        return (
            bool(self.reason()) and self.reason_limit.is_valid() and self.message_limit.is_valid()
        )

    @Slot()
    def submit(self) -> None:
        """Refund what the preview shows, with this dialog's request key."""
        if self._submitting or self.preview is None or not self._texts_ok():
            return
        self._submitting = True
        self._update_button()
        set_message(self.error_label, None)
        self.peer_wait.begin(REFUNDING_TEXT)
        payments_ops.refund(
            OpContext.of(self),
            self.actor,
            self.payment.booking_id,
            amount_minor=None if self.full_radio.isChecked() else self.preview.amount_minor,
            reason=self.reason(),
            student_message=self.student_message(),
            request_key=self.request_key,
            on_success=self._on_refunded,
            on_failure=self._on_refund_failed,
            owner=self,
        )

    def _on_refunded(self, result: RefundResult) -> None:
        self.peer_wait.end()
        self._submitting = False
        self.result_dto = result
        self.refunded.emit(result)
        self.accept()

    def _on_refund_failed(self, error: BaseException) -> None:
        self.peer_wait.end()
        self._submitting = False
        set_message(self.error_label, inline_error_text(error))
        self.update_preview()  # what remains may have changed meanwhile

    def reject(self) -> None:
        # the answer of a running refund is awaited, unless Stripe is slow: then closing
        # leaves the refund running (the payments list shows how it ended)
        if not self._submitting or self.peer_wait.is_slow:
            super().reject()

    @Slot()
    def _offer_to_leave(self) -> None:
        self.cancel_button.setText(t("Close"))
        self._update_button()

    def _update_button(self) -> None:
        ready = self.preview is not None and self._texts_ok() and not self._submitting
        self.refund_button.setEnabled(ready)
        self.cancel_button.setEnabled(not self._submitting or self.peer_wait.is_slow)
