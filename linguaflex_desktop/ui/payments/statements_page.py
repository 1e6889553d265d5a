"""The teacher's "Statements" tab: their statement of a period (whole days in their zone) —
earned, paid out and owed per currency — every payout recorded for them (newest first), and
"Save as PDF…". GUI thread only; the work runs on the TaskRunner.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.services.payments.statement_dto import PayoutDTO, StatementDTO
from linguaflex_desktop.ui.errors import inline_error_text
from linguaflex_desktop.ui.operations import OpContext
from linguaflex_desktop.ui.operations import statements as statements_ops
from linguaflex_desktop.ui.payments.statements_view import StatementsView
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.widgets import make_heading, set_message

if TYPE_CHECKING:
    from linguaflex_desktop.bootstrap import AppServices


class TeacherStatementsPage(StatementsView):
    """The signed-in teacher's statements and payouts."""

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
            services=services, actor=actor, runner=runner, with_teacher=False, parent=parent
        )
        self.pdf_button.clicked.connect(self.save_own_pdf)
        top = QHBoxLayout()
        top.addWidget(make_heading("Statements"))
        top.addSpacing(12)
        top.addWidget(self.period)
        top.addStretch(1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.pdf_button)
        payouts_heading = QLabel("Payouts to you")
        payouts_heading.setObjectName("detailSection")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.caption_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.notice_label)
        layout.addWidget(self.lines_table, 2)
        layout.addWidget(payouts_heading)
        layout.addWidget(self.payouts_table, 3)
        self.update_buttons()
        self.refresh()

    def statement_shown(self, statement: StatementDTO) -> None:
        self.update_buttons()
        statements_ops.list_payouts(
            OpContext.of(self),
            self.actor,
            on_success=self._on_payouts,
            on_failure=lambda error: set_message(self.error_label, inline_error_text(error)),
            owner=self,
        )

    def _on_payouts(self, payouts: tuple[PayoutDTO, ...]) -> None:
        self.payouts_model.set_rows(payouts)
        self.payouts_table.set_empty_text("No payouts recorded for you yet.")
        self.payouts_loaded.emit(payouts)

    @Slot()
    def save_own_pdf(self) -> None:
        self.save_pdf(self.actor.id, self.actor.display_name)
