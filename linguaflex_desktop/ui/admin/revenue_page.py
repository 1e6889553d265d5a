"""The admin's "Revenue" tab (DESIGN.md section 2): a period picker (whole days in the admin's
zone), and a table per calendar month and currency — paid sessions, gross charged, platform
fees, teacher shares, refunded, net platform revenue — with a bold total row per currency.

GUI thread only; the report runs on the TaskRunner through ``ReportService.revenue_report``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.services.common.pricing import format_money
from linguaflex_desktop.services.reports.dto import RevenueLine, RevenueReportDTO
from linguaflex_desktop.ui.booking.book_session_dialog import today_in
from linguaflex_desktop.ui.booking.format import format_day
from linguaflex_desktop.ui.data_changed import refresh_on
from linguaflex_desktop.ui.errors import inline_error_text
from linguaflex_desktop.ui.operations import OpContext
from linguaflex_desktop.ui.operations import reports as reports_ops
from linguaflex_desktop.ui.payments.earnings_period import (
    ALL_TIME,
    THIS_YEAR,
    PeriodFilter,
    period_bounds,
)
from linguaflex_desktop.ui.row_table_model import Column, RowTableModel
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.widgets import (
    EmptyStateStack,
    make_heading,
    make_message_label,
    make_table_view,
    set_message,
)

if TYPE_CHECKING:
    from linguaflex_desktop.bootstrap import AppServices

TOTAL = "Total"
NET_TIP = "Platform fees kept after refunds (a refund comes out of the teacher's share first)."


def month_text(line: RevenueLine) -> str:
    """'Jan 2027', or 'Total' on a currency's total line."""
    return TOTAL if line.month is None else f"{line.month:%b %Y}"


def _money(figure: str) -> Callable[[RevenueLine], str]:
    """The text of one money figure of a line, e.g. '1,234.50 USD'."""
    return lambda line: format_money(getattr(line, figure), line.currency)


COLUMNS: tuple[Column[RevenueLine], ...] = (
    Column("Month", month_text),
    Column("Currency", lambda line: line.currency),
    Column("Sessions", lambda line: f"{line.sessions:,}", right=True),
    Column("Gross", _money("gross_minor"), right=True),
    Column("Platform fees", _money("fee_minor"), right=True),
    Column("Teacher shares", _money("teacher_share_minor"), right=True),
    Column(
        "Refunded",
        _money("refunded_minor"),
        right=True,
        tooltip=lambda line: (
            "Teachers keep " + format_money(line.teacher_share_after_refunds_minor, line.currency)
        ),
    ),
    Column(
        "Net revenue",
        _money("net_platform_minor"),
        right=True,
        tooltip=lambda line: NET_TIP,
    ),
)


def report_rows(report: RevenueReportDTO) -> tuple[RevenueLine, ...]:
    """The months (oldest first), then one total line per currency."""
    return report.months + report.totals


class RevenueTableModel(RowTableModel[RevenueLine]):
    """Revenue lines; the total lines are bold."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(COLUMNS, key=lambda line: (line.month, line.currency), parent=parent)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.FontRole and index.isValid():
            if self.row_at(index.row()).month is None:
                font = QFont()
                font.setBold(True)
                return font
            return None
        return super().data(index, role)


class AdminRevenuePage(QWidget):
    """The revenue report of a period, in the admin's zone."""

    report_loaded = Signal(object)  # RevenueReportDTO

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
        self.report: RevenueReportDTO | None = None
        self._request = 0
        # Revenue follows payments and refunds; a hidden tab refreshes when shown.
        refresh_on(
            self, runner, ("payment",), lambda _change: self.refresh(), defer_while_hidden=True
        )
        self.period = PeriodFilter(today=today_in(services, actor.time_zone))
        self.period.combo.removeItem(self.period.combo.findData(ALL_TIME))
        self.period.set_period(THIS_YEAR)
        self.period.changed.connect(self.refresh)
        self.refresh_button = QPushButton("Refresh")
        self.refresh_button.clicked.connect(lambda: self.refresh())
        self.model = RevenueTableModel(self)
        self.view = make_table_view(self.model)
        self.table = EmptyStateStack(self.view, "Loading the revenue report…")
        self.caption_label = QLabel()
        self.caption_label.setObjectName("fieldNote")
        self.caption_label.setWordWrap(True)
        self.error_label = make_message_label()
        top = QHBoxLayout()
        top.addWidget(make_heading("Revenue"))
        top.addSpacing(12)
        top.addWidget(self.period)
        top.addStretch(1)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.caption_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.table, 1)
        self.refresh()

    def days(self) -> tuple[date, date]:
        """First and last day (both included) of the chosen period, in the admin's zone."""
        first, end = self.period.days(today_in(self.services, self.actor.time_zone))
        assert first is not None and end is not None  # "All time" is not offered
        return first, end - timedelta(days=1)

    @Slot()
    def refresh(self) -> None:
        """Run the report of the chosen period; an older answer still in flight is dropped."""
        first, last = self.days()
        if last < first:
            self._show_error("Choose a first day on or before the last day.")
            return
        from_at, to_at = period_bounds((first, last + timedelta(days=1)), self.actor.time_zone)
        assert from_at is not None and to_at is not None
        self._request += 1
        request, actor = self._request, self.actor
        set_message(self.error_label, None)
        reports_ops.revenue_report(
            OpContext.of(self),
            actor,
            from_at=from_at,
            to_at=to_at,
            zone=actor.time_zone,
            on_success=lambda report: self._on_report(request, report, first, last),
            on_failure=lambda error: self._on_failed(request, error),
            owner=self,
        )

    def _on_report(self, request: int, report: RevenueReportDTO, first: date, last: date) -> None:
        if request != self._request:
            return
        self.report = report
        self.model.set_rows(report_rows(report))
        self.table.set_empty_text("No payments succeeded in this period.")
        self.caption_label.setText(
            f"Payments that succeeded from {format_day(first)} to {format_day(last)}, by month "
            f"in {report.zone}. Refunds count in the month of the payment they return."
        )
        self.report_loaded.emit(report)

    def _on_failed(self, request: int, error: BaseException) -> None:
        if request == self._request:
            self._show_error(inline_error_text(error))

    def _show_error(self, text: str | None) -> None:
        self.model.set_rows(())
        self.table.set_empty_text("The revenue report could not be made.")
        set_message(self.error_label, text)
