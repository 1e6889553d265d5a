"""What the admin's and the teacher's Statements tabs share: a period picker (whole days in
the viewer's zone), the statement table (a line per currency, per teacher for the admin), a
payouts table, and saving a teacher's statement as PDF in the background.

Subclasses lay the parts out and say whose statement to load (``statement_teacher_id``).
The statement reloads when a payout or payment changes (hidden: when shown next). GUI thread
only; the statement and the PDF are made on the TaskRunner.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.services.payments.statement_dto import (
    PayoutDTO,
    StatementDTO,
    StatementLine,
)
from linguaflex_desktop.ui.booking.book_session_dialog import today_in
from linguaflex_desktop.ui.data_changed import refresh_on
from linguaflex_desktop.ui.errors import inline_error_text
from linguaflex_desktop.ui.export import CsvExport, export_loaded_csv
from linguaflex_desktop.ui.i18n import t
from linguaflex_desktop.ui.operations import OpContext
from linguaflex_desktop.ui.operations import statements as statements_ops
from linguaflex_desktop.ui.payments.earnings_period import ALL_TIME, THIS_MONTH, PeriodFilter
from linguaflex_desktop.ui.payments.statement_csv import statement_csv_columns, statement_csv_name
from linguaflex_desktop.ui.payments.statement_pdf import (
    ask_pdf_path,
    period_text,
    suggested_file_name,
)
from linguaflex_desktop.ui.payments.statement_tables import PayoutTableModel, StatementTableModel
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.theme import themed
from linguaflex_desktop.ui.widgets import (
    EmptyStateStack,
    make_heading,
    make_message_label,
    make_table_view,
    set_message,
)

if TYPE_CHECKING:
    from linguaflex_desktop.bootstrap import AppServices


class StatementsView(QWidget):
    """The shared parts (module docstring); ``ask_path`` may be replaced (tests)."""

    statement_loaded = Signal(object)  # StatementDTO
    payouts_loaded = Signal(object)  # tuple[PayoutDTO, ...]
    pdf_saved = Signal(object)  # Path
    pdf_failed = Signal(object)  # BaseException

    def __init__(
        self,
        *,
        services: AppServices,
        actor: Actor,
        runner: TaskRunner,
        with_teacher: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services, self.actor, self.runner = services, actor, runner
        self.statement: StatementDTO | None = None
        self.ask_path = ask_pdf_path
        self._request = 0
        self._saving = False
        refresh_on(
            self,
            runner,
            ("payout", "payment"),
            lambda _change: self.refresh(),
            defer_while_hidden=True,
        )
        self.period = PeriodFilter(today=self.today())
        self.period.combo.removeItem(self.period.combo.findData(ALL_TIME))
        self.period.set_period(THIS_MONTH)
        self.period.changed.connect(self.refresh)
        self.refresh_button = QPushButton(t("Refresh"))
        self.refresh_button.clicked.connect(lambda: self.refresh())
        self.pdf_button = QPushButton(t("Save as PDF…"))
        self.export_button = QPushButton(t("Export CSV…"))
        self.export_button.clicked.connect(self.export_lines)
        self.export_button.setEnabled(False)
        self.export: CsvExport[StatementLine] | None = None
        self._with_teacher = with_teacher
        self.lines_model = StatementTableModel(with_teacher=with_teacher, parent=self)
        self.lines_view = make_table_view(self.lines_model)
        self.lines_table = EmptyStateStack(self.lines_view, t("Loading the statement…"))
        self.payouts_model = PayoutTableModel(with_teacher=with_teacher, parent=self)
        self.payouts_view = make_table_view(self.payouts_model)
        self.payouts_table = EmptyStateStack(self.payouts_view, t("Loading payouts…"))
        self.payouts_heading = QLabel(t("Payouts"))
        themed(self.payouts_heading, "detailSection")
        self.caption_label = QLabel()
        themed(self.caption_label, "fieldNote")
        self.caption_label.setWordWrap(True)
        self.error_label = make_message_label()
        self.notice_label = make_message_label("formNotice")
        self._payouts_request = 0

    def lay_out(self, *buttons: QWidget) -> None:
        """Heading, period and ``buttons`` (after Refresh) on top; the statement, then the
        payouts under their heading."""
        top = QHBoxLayout()
        top.addWidget(make_heading(t("Statements")))
        top.addSpacing(12)
        top.addWidget(self.period)
        top.addStretch(1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.export_button)
        for button in buttons:
            top.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        for widget in (self.caption_label, self.error_label, self.notice_label):
            layout.addWidget(widget)
        layout.addWidget(self.lines_table, 3)
        layout.addWidget(self.payouts_heading)
        layout.addWidget(self.payouts_table, 2)

    def today(self) -> date:
        return today_in(self.services, self.actor.time_zone)

    def statement_teacher_id(self) -> int | None:
        """Whose statement to load: None for every teacher (admins)."""
        return self.actor.id

    @Slot()
    def refresh(self) -> None:
        """Load the statement of the chosen period; an older answer in flight is dropped."""
        first, end = self.period.days(self.today())
        assert first is not None and end is not None  # "All time" is not offered
        if end <= first:
            self._show_error(t("Choose a first day on or before the last day."))
            return
        self._request += 1
        request = self._request
        set_message(self.error_label, None)
        statements_ops.statement(
            OpContext.of(self),
            self.actor,
            first_day=first,
            end_day=end,
            zone=self.actor.time_zone,
            teacher_id=self.statement_teacher_id(),
            on_success=lambda statement: self._on_statement(request, statement),
            on_failure=lambda error: self._on_failed(request, error),
            owner=self,
        )

    def _on_statement(self, request: int, statement: StatementDTO) -> None:
        if request != self._request:
            return
        self.statement = statement
        self.lines_model.set_rows(statement.lines)
        self.lines_table.set_empty_text(
            t("No earnings and no payouts up to the end of this period.")
        )
        self.caption_label.setText(
            t(
                "{period}. Earned: the teacher's share of payments that succeeded in the period, "
                "less refunds. Owed: earned up to the period's end, less everything paid out by "
                "then.",
                period=period_text(statement),
            )
        )
        self.export_button.setEnabled(bool(statement.lines))
        self.statement_shown(statement)
        self.statement_loaded.emit(statement)

    def statement_shown(self, statement: StatementDTO) -> None:
        """A new statement is in the table (subclasses update their other parts)."""

    def load_payouts(self, teacher_id: int | None) -> None:
        """Load every payout of the teacher (a teacher: their own), newest first; an older
        answer still in flight is dropped."""
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

    def show_payouts(self, payouts: tuple[PayoutDTO, ...]) -> None:
        """Show ``payouts`` now; a list still loading is dropped."""
        self._payouts_request += 1
        self._show_payouts(payouts)

    def _on_payouts(self, request: int, payouts: tuple[PayoutDTO, ...]) -> None:
        if request == self._payouts_request:
            self._show_payouts(payouts)

    def _show_payouts(self, payouts: tuple[PayoutDTO, ...]) -> None:
        self.payouts_model.set_rows(payouts)
        self.payouts_table.set_empty_text(t("No payouts recorded."))
        self.payouts_loaded.emit(payouts)

    def _on_failed(self, request: int, error: BaseException) -> None:
        if request == self._request:
            self._show_error(inline_error_text(error))

    def _show_error(self, text: str | None) -> None:
        self.export_button.setEnabled(False)
        self.lines_model.set_rows(())
        self.lines_table.set_empty_text(t("The statement could not be made."))
        set_message(self.error_label, text)

    # --- exports --------------------------------------------------------------------------

    @Slot()
    def export_lines(self) -> None:
        """Export the lines on screen to CSV (``ui.export``: file dialog, pool thread)."""
        statement = self.statement
        if statement is None or not statement.lines:
            return
        self.export = export_loaded_csv(
            self,
            self.runner,
            what=t("statement lines"),
            suggested_name=statement_csv_name(statement),
            columns=statement_csv_columns(statement, with_teacher=self._with_teacher),
            rows=statement.lines,
            notice_label=self.notice_label,
            error_label=self.error_label,
        )

    def save_pdf(self, teacher_id: int, teacher_name: str) -> None:
        """Ask where, then write the teacher's statement of the shown period as PDF on a
        pool thread; the button stays off until it is written."""
        statement = self.statement
        if statement is None or self._saving:
            return
        path = self.ask_path(self, suggested_file_name(statement, teacher_name))
        if path is None:
            return
        self._set_saving(True)
        set_message(self.notice_label, None)
        statements_ops.save_statement_pdf(
            OpContext.of(self),
            statement,
            teacher_id=teacher_id,
            teacher_name=teacher_name,
            path=path,
            on_success=self._on_pdf_saved,
            on_failure=self._on_pdf_failed,
            owner=self,
        )

    def _on_pdf_saved(self, path: Path) -> None:
        self._set_saving(False)
        set_message(self.notice_label, t("Statement saved to {path}.", path=path))
        self.pdf_saved.emit(path)

    def _on_pdf_failed(self, error: BaseException) -> None:
        self._set_saving(False)
        set_message(self.error_label, inline_error_text(error))
        self.pdf_failed.emit(error)

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        self.update_buttons()

    def saving(self) -> bool:
        return self._saving

    def update_buttons(self, *_args: object) -> None:
        """Enable the buttons for the current selection (subclasses)."""
        self.pdf_button.setEnabled(not self._saving and self.statement is not None)
