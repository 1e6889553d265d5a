"""The admin's "Statements" tab: for a period (whole days in the admin's zone), what each
teacher earned, was paid out and is owed, per currency; "Mark paid out…" records a payout of
the selected line (PayoutDialog); "Statement PDF…" saves the selected teacher's statement.
Below, the payouts of the selected teacher (all, newest first), or of the period when no line
is selected. GUI thread only; the work runs on the TaskRunner.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.services.payments.statement_dto import (
    PayoutDTO,
    StatementDTO,
    StatementLine,
)
from linguaflex_desktop.ui.errors import inline_error_text
from linguaflex_desktop.ui.operations import OpContext
from linguaflex_desktop.ui.operations import statements as statements_ops
from linguaflex_desktop.ui.payments.payout_dialog import PayoutDialog
from linguaflex_desktop.ui.payments.statements_view import StatementsView
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.widgets import make_heading, set_message

if TYPE_CHECKING:
    from linguaflex_desktop.bootstrap import AppServices


class AdminStatementsPage(StatementsView):
    """Every teacher's statement of a period; payouts are recorded from here."""

    payouts_loaded = Signal(object)  # tuple[PayoutDTO, ...]

    def __init__(
        self,
        *,
        services: AppServices,
        actor: Actor,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            services=services, actor=actor, runner=runner, with_teacher=True, parent=parent
        )
        self.payout_dialog: PayoutDialog | None = None
        self._payouts_request = 0
        self.pay_button = QPushButton("Mark paid out…")
        self.pay_button.setObjectName("primaryButton")
        self.pay_button.clicked.connect(self.open_payout_dialog)
        self.pdf_button.setText("Statement PDF…")
        self.pdf_button.clicked.connect(self.save_selected_pdf)
        self.payouts_heading = QLabel("Payouts in the period")
        self.payouts_heading.setObjectName("detailSection")
        self._lay_out()
        self.lines_view.selectionModel().selectionChanged.connect(self._on_selection)
        self.lines_model.modelReset.connect(self._on_selection)
        self.update_buttons()
        self.refresh()

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(make_heading("Statements"))
        top.addSpacing(12)
        top.addWidget(self.period)
        top.addStretch(1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.pdf_button)
        top.addWidget(self.pay_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.caption_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.notice_label)
        layout.addWidget(self.lines_table, 3)
        layout.addWidget(self.payouts_heading)
        layout.addWidget(self.payouts_table, 2)

    def statement_teacher_id(self) -> int | None:
        return None

    def selected_line(self) -> StatementLine | None:
        rows = self.lines_view.selectionModel().selectedRows()
        return self.lines_model.row_at(rows[0].row()) if rows else None

    def select_line(self, teacher_id: int, currency: str) -> None:
        row = self.lines_model.row_of((teacher_id, currency))
        if row is not None:
            self.lines_view.selectRow(row)

    def statement_shown(self, statement: StatementDTO) -> None:
        self._on_selection()

    @Slot()
    def _on_selection(self, *_args: object) -> None:
        self.update_buttons()
        line, statement = self.selected_line(), self.statement
        if line is None:
            self._payouts_request += 1  # an answer for a teacher no longer selected is dropped
            self.payouts_heading.setText("Payouts in the period")
            self._show_payouts(statement.payouts if statement is not None else ())
            return
        self.payouts_heading.setText(f"Payouts to {line.teacher_name}")
        self._load_payouts(line.teacher_id)

    def _load_payouts(self, teacher_id: int) -> None:
        self._payouts_request += 1
        request = self._payouts_request
        statements_ops.list_payouts(
            OpContext.of(self),
            self.actor,
            teacher_id=teacher_id,
            on_success=lambda payouts: self._on_payouts(request, payouts),
            on_failure=lambda error: set_message(self.error_label, inline_error_text(error)),
            owner=self,
        )

    def _on_payouts(self, request: int, payouts: tuple[PayoutDTO, ...]) -> None:
        if request == self._payouts_request:
            self._show_payouts(payouts)

    def _show_payouts(self, payouts: tuple[PayoutDTO, ...]) -> None:
        self.payouts_model.set_rows(payouts)
        self.payouts_table.set_empty_text("No payouts.")
        self.payouts_loaded.emit(payouts)

    @Slot()
    def open_payout_dialog(self) -> PayoutDialog | None:
        """Open "Mark paid out" for the selected line (window-modal, non-blocking)."""
        line = self.selected_line()
        if line is None or not line.can_pay_out:
            return None
        dialog = PayoutDialog(
            services=self.services,
            actor=self.actor,
            runner=self.runner,
            line=line,
            today=self.today(),
            parent=self,
        )
        dialog.recorded.connect(self._on_recorded)
        dialog.finished.connect(dialog.deleteLater)
        self.payout_dialog = dialog
        dialog.open()
        return dialog

    def _on_recorded(self, payout: PayoutDTO) -> None:
        set_message(self.notice_label, f"Payout {payout.reference} recorded.")

    @Slot()
    def save_selected_pdf(self) -> None:
        line = self.selected_line()
        if line is not None:
            self.save_pdf(line.teacher_id, line.teacher_name)

    def update_buttons(self, *_args: object) -> None:
        line = self.selected_line()
        self.pay_button.setEnabled(line is not None and line.can_pay_out)
        self.pdf_button.setEnabled(line is not None and not self.saving())
