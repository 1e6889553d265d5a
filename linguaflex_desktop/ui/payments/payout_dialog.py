"""An admin marks (part of) what a teacher is owed in one currency as paid out: the amount
(prefilled with what is owed), the day it was paid, the transfer's reference and a note.

The service decides what is allowed; its refusal is shown under the form with the field at
fault marked (``ValidationError.field``). One ``request_key`` per dialog goes with every
submit, and Mark paid out stays off while a submit runs, so a double click records one
payout. GUI thread only.
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Signal, Slot
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from linguaflex_desktop.errors import ValidationError
from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.services.payments.statement_dto import PayoutDTO, StatementLine
from linguaflex_desktop.ui.errors import inline_error_text
from linguaflex_desktop.ui.i18n import t
from linguaflex_desktop.ui.money_input import MoneyInput
from linguaflex_desktop.ui.operations import OpContext
from linguaflex_desktop.ui.operations import statements as statements_ops
from linguaflex_desktop.ui.payments.format import money
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.theme import mark_invalid, themed
from linguaflex_desktop.ui.widgets import make_message_label, set_message

if TYPE_CHECKING:
    from linguaflex_desktop.bootstrap import AppServices


class PayoutDialog(QDialog):
    """Window-modal; open with ``open()``. ``recorded`` carries the PayoutDTO."""

    recorded = Signal(object)  # PayoutDTO

    def __init__(
        self,
        *,
        services: AppServices,
        actor: Actor,
        runner: TaskRunner,
        line: StatementLine,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services, self.actor, self.runner, self.line = services, actor, runner, line
        self.request_key = f"payout-{line.teacher_id}-{uuid.uuid4().hex}"
        self.result_dto: PayoutDTO | None = None
        self._submitting = False
        self.setObjectName("payoutDialog")
        self.setWindowTitle(t("Mark paid out"))
        self.setMinimumWidth(460)
        self.amount_input = MoneyInput(line.currency)
        self.amount_input.set_amount_minor(max(line.owed_minor, 0))
        self.paid_on_edit = QDateEdit(QDate(today.year, today.month, today.day))
        self.paid_on_edit.setCalendarPopup(True)
        self.paid_on_edit.setDisplayFormat("d MMM yyyy")
        latest = today + timedelta(days=1)
        self.paid_on_edit.setMaximumDate(QDate(latest.year, latest.month, latest.day))
        self.reference_edit = QLineEdit()
        self.reference_edit.setPlaceholderText(t("The bank transfer's reference (required)"))
        self.note_edit = QPlainTextEdit()
        self.note_edit.setPlaceholderText(t("Note (optional; recorded in the audit trail)"))
        self.note_edit.setMaximumHeight(70)
        self.fields: dict[str, QWidget] = {
            "amount": self.amount_input,
            "currency": self.amount_input,
            "paid_on": self.paid_on_edit,
            "reference": self.reference_edit,
            "note": self.note_edit,
        }
        self.reference_edit.textEdited.connect(lambda _text: self._unmark(self.reference_edit))
        self.note_edit.textChanged.connect(lambda: self._unmark(self.note_edit))
        self.paid_on_edit.dateChanged.connect(lambda _day: self._unmark(self.paid_on_edit))
        self.error_label = make_message_label()
        self.cancel_button = QPushButton(t("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        self.submit_button = QPushButton(t("Mark paid out"))
        themed(self.submit_button, "primaryButton")
        self.submit_button.clicked.connect(self.submit)
        self._lay_out()

    def _lay_out(self) -> None:
        line = self.line
        title = QLabel(f"{line.teacher_name} · {line.currency}")
        themed(title, "detailTitle")
        owed = QLabel(
            t(
                "Owed at the end of the period: {amount}",
                amount=money(line.owed_minor, line.currency),
            )
        )
        themed(owed, "detailMeta")
        form = QFormLayout()
        form.addRow(t("Amount ({currency})", currency=line.currency), self.amount_input)
        form.addRow(t("Paid on"), self.paid_on_edit)
        form.addRow(t("Reference"), self.reference_edit)
        form.addRow(t("Note"), self.note_edit)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.submit_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.addWidget(title)
        layout.addWidget(owed)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)

    def paid_on(self) -> date:
        value = self.paid_on_edit.date().toPython()
        assert isinstance(value, date)
        return value

    @Slot()
    def submit(self) -> None:
        """Record the payout with this dialog's request key (ignored while one runs)."""
        if self._submitting:
            return
        try:
            amount = self.amount_input.amount_minor()
        except ValidationError as error:
            self._show_error(ValidationError(error.message, field="amount"))
            return
        self._set_submitting(True)
        self._show_error(None)
        line = self.line
        statements_ops.record_payout(
            OpContext.of(self),
            self.actor,
            teacher_id=line.teacher_id,
            currency=line.currency,
            amount_minor=amount,
            paid_on=self.paid_on(),
            reference=self.reference_edit.text(),
            note=self.note_edit.toPlainText(),
            request_key=self.request_key,
            on_success=self._on_recorded,
            on_failure=self._on_failed,
            owner=self,
        )

    def _on_recorded(self, payout: PayoutDTO) -> None:
        self._set_submitting(False)
        self.result_dto = payout
        self.recorded.emit(payout)
        self.accept()

    def _on_failed(self, error: BaseException) -> None:
        self._set_submitting(False)
        self._show_error(error)

    def _show_error(self, error: BaseException | None) -> None:
        field = getattr(error, "field", None)
        for widget in self.fields.values():
            mark_invalid(widget, False)
        if field in self.fields:
            mark_invalid(self.fields[field], True)
            self.fields[field].setFocus()
        set_message(self.error_label, None if error is None else inline_error_text(error))

    def _unmark(self, widget: QWidget) -> None:
        mark_invalid(widget, False)

    def _set_submitting(self, submitting: bool) -> None:
        self._submitting = submitting
        self.submit_button.setEnabled(not submitting)
        self.cancel_button.setEnabled(not submitting)

    def reject(self) -> None:
        if not self._submitting:  # the answer of a running submit is awaited
            super().reject()
