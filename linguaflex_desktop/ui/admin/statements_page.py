"""The admin's "Statements" tab: for a period (whole days in the admin's zone), what each
teacher earned, was paid out and is owed, per currency; "Mark paid out…" records a payout of
the selected line (PayoutDialog); "Statement PDF…" saves the selected teacher's statement.
Below, the payouts of the selected teacher (all, newest first), or of the period when no line
is selected. GUI thread only; the work runs on the TaskRunner.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QPushButton, QWidget

from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.services.payments.statement_dto import (
    PayoutDTO,
    StatementDTO,
    StatementLine,
)
from linguaflex_desktop.ui.i18n import t
from linguaflex_desktop.ui.payments.payout_dialog import PayoutDialog
from linguaflex_desktop.ui.payments.statements_view import StatementsView
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.theme import themed
from linguaflex_desktop.ui.widgets import set_message

if TYPE_CHECKING:
    from linguaflex_desktop.bootstrap import AppServices


class AdminStatementsPage(StatementsView):
    """Every teacher's statement of a period; payouts are recorded from here."""

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
        self.pay_button = QPushButton(t("Mark paid out…"))
        themed(self.pay_button, "primaryButton")
        self.pay_button.clicked.connect(self.open_payout_dialog)
        self.pdf_button.setText(t("Statement PDF…"))
        self.pdf_button.clicked.connect(self.save_selected_pdf)
        self.lay_out(self.pdf_button, self.pay_button)
        self.lines_view.selectionModel().selectionChanged.connect(self._on_selection)
        self.lines_model.modelReset.connect(self._on_selection)
        self.update_buttons()
        self.refresh()

    def statement_teacher_id(self) -> int | None:
        return None

    def selected_line(self) -> StatementLine | None:
        rows = self.lines_view.selectionModel().selectedRows()
        return self.lines_model.row_at(rows[0].row()) if rows else None

    def statement_shown(self, statement: StatementDTO) -> None:
        self._on_selection()

    @Slot()
    def _on_selection(self, *_args: object) -> None:
        self.update_buttons()
        line, statement = self.selected_line(), self.statement
        if line is None:
            self.payouts_heading.setText(t("Payouts in the period"))
            self.show_payouts(statement.payouts if statement is not None else ())
            return
        self.payouts_heading.setText(t("Payouts to {name}", name=line.teacher_name))
        self.load_payouts(line.teacher_id)

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
        set_message(
            self.notice_label, t("Payout {reference} recorded.", reference=payout.reference)
        )

    @Slot()
    def save_selected_pdf(self) -> None:
        line = self.selected_line()
        if line is not None:
            self.save_pdf(line.teacher_id, line.teacher_name)

    def update_buttons(self, *_args: object) -> None:
        line = self.selected_line()
        self.pay_button.setEnabled(line is not None and line.can_pay_out)
        self.pdf_button.setEnabled(line is not None and not self.saving())
