"""The teacher's "Statements" tab: their statement of a period (whole days in their zone) —
earned, paid out and owed per currency — every payout recorded for them (newest first), and
"Save as PDF…". GUI thread only; the work runs on the TaskRunner.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QWidget

from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.services.payments.statement_dto import StatementDTO
from linguaflex_desktop.ui.i18n import t
from linguaflex_desktop.ui.payments.statements_view import StatementsView
from linguaflex_desktop.ui.task_runner import TaskRunner

if TYPE_CHECKING:
    from linguaflex_desktop.bootstrap import AppServices


class TeacherStatementsPage(StatementsView):
    """The signed-in teacher's statements and payouts."""

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
        self.payouts_heading.setText(t("Payouts to you"))
        self.lay_out(self.pdf_button)
        self.update_buttons()
        self.refresh()

    def statement_shown(self, statement: StatementDTO) -> None:
        self.update_buttons()
        self.load_payouts(None)

    @Slot()
    def save_own_pdf(self) -> None:
        self.save_pdf(self.actor.id, self.actor.display_name)
