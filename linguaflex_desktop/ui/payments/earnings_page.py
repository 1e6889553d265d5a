"""The teacher's earnings: one row per paid session and totals per currency (gross, platform
fee, their share, refunded, what they keep), for a period (sessions starting in it, whole days
in the teacher's zone; see earnings_period.py); beside the table a chart per month of the
session (one currency at a time: earned, upcoming, refunded from their share; see
earnings_chart.py) and their upcoming income per currency. Every amount comes from
``teacher_earnings``; nothing is added up here. Loads on first show, on a period change and on
Refresh; "Export CSV…" writes the sessions shown. GUI thread only.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.services.payments.dto import EarningsDTO, EarningsLine, EarningsTotal
from linguaflex_desktop.texts import tx
from linguaflex_desktop.ui.booking.format import STATUS_TEXT, local
from linguaflex_desktop.ui.charts import MoneyBarChart
from linguaflex_desktop.ui.csv_columns import earnings_csv_columns
from linguaflex_desktop.ui.data_changed import Change, refresh_on
from linguaflex_desktop.ui.errors import inline_error_text
from linguaflex_desktop.ui.export import CsvExport, export_loaded_csv
from linguaflex_desktop.ui.i18n import localize, number_text, t
from linguaflex_desktop.ui.operations import OpContext
from linguaflex_desktop.ui.operations import payments as payments_ops
from linguaflex_desktop.ui.payments.earnings_chart import earnings_bars, segments, upcoming_text
from linguaflex_desktop.ui.payments.earnings_period import (
    ALL_TIME,
    Bounds,
    PeriodFilter,
    period_bounds,
)
from linguaflex_desktop.ui.payments.format import money, money_or_dash, when_text
from linguaflex_desktop.ui.row_table_model import Column, RowTableModel
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

NO_EARNINGS_TEXT = tx("No paid sessions yet.\nSessions appear here once the student has paid.")
NO_EARNINGS_IN_PERIOD_TEXT = tx("No paid sessions in this period.")
TOTAL_HEADERS = (
    tx("Currency"),
    tx("Sessions"),
    tx("Gross"),
    tx("Platform fee"),
    tx("Your share"),
    tx("Refunded"),
    tx("You keep"),
)


def earnings_columns(zone_name: str) -> tuple[Column[EarningsLine], ...]:
    """The columns of the earnings table, headed in the current language."""
    return (
        Column(t("Session"), lambda line: when_text(line.start_at, zone_name)),
        Column(t("Student"), lambda line: line.student_name),
        Column(t("Gig"), lambda line: line.gig_title),
        Column(t("Status"), lambda line: localize(STATUS_TEXT[line.booking_status])),
        Column(t("Gross"), lambda line: money(line.gross_minor, line.currency), right=True),
        Column(t("Platform fee"), lambda line: money(line.fee_minor, line.currency), right=True),
        Column(t("Your share"), lambda line: money(line.share_minor, line.currency), right=True),
        Column(
            t("Refunded"),
            lambda line: money_or_dash(line.refunded_minor, line.currency),
            right=True,
        ),
        Column(
            t("You keep"),
            lambda line: money(line.share_after_refunds_minor, line.currency),
            right=True,
        ),
    )


def total_cells(total: EarningsTotal) -> tuple[str, ...]:
    currency = total.currency
    return (
        currency,
        number_text(total.sessions),
        money(total.gross_minor, currency),
        money(total.fee_minor, currency),
        money(total.share_minor, currency),
        money_or_dash(total.refunded_minor, currency),
        money(total.share_after_refunds_minor, currency),
    )


class EarningsPage(QWidget):
    """'Earnings' tab of the teacher's window."""

    earnings_loaded = Signal(object)  # EarningsDTO

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
        self.earnings: EarningsDTO | None = None
        self._loaded_once = False
        refresh_on(self, runner, ("payment",), self._on_data_changed)
        self._request = 0
        self.period = PeriodFilter(today=self.today())
        self.period.changed.connect(self.reload)
        self.model: RowTableModel[EarningsLine] = RowTableModel(
            earnings_columns(actor.time_zone), key=lambda line: line.booking_id, parent=self
        )
        self.view = make_table_view(self.model)
        self.view.horizontalHeader().setStretchLastSection(False)
        self.table = EmptyStateStack(self.view, t("Loading your earnings…"))
        self.error_label = make_message_label()
        self.refresh_button = QPushButton(t("Refresh"))
        self.refresh_button.clicked.connect(lambda: self.reload())
        self.notice_label = make_message_label("formNotice")
        self.export: CsvExport[EarningsLine] | None = None
        self.export_button = QPushButton(t("Export CSV…"))
        self.export_button.setToolTip(t("The sessions of this period, to a CSV file"))
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self.export_csv)
        self.totals_box = QWidget()
        themed(self.totals_box, "totalsBox")
        self.totals_grid = QGridLayout(self.totals_box)
        self.totals_grid.setContentsMargins(12, 8, 12, 8)
        self.totals_grid.setHorizontalSpacing(24)
        self.totals_box.setVisible(False)
        self.chart = MoneyBarChart(
            segments(), empty_text=t("Loading your earnings…"), title=t("Your share per month")
        )
        self.upcoming_label = QLabel()
        themed(self.upcoming_label, "fieldNote")
        self.upcoming_label.setWordWrap(True)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.chart)
        self.splitter.addWidget(self.table)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        top = QHBoxLayout()
        top.addWidget(make_heading(t("Earnings")))
        top.addStretch(1)
        top.addWidget(self.period)
        top.addWidget(self.export_button)
        top.addWidget(self.refresh_button)
        note = QLabel(
            t(
                "Paid sessions, in your time zone. The platform fee is paid by the student on "
                "top of your rate; refunds come out of your share first."
            )
        )
        themed(note, "fieldNote")
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(note)
        layout.addWidget(self.error_label)
        layout.addWidget(self.notice_label)
        layout.addWidget(self.totals_box)
        layout.addWidget(self.upcoming_label)
        layout.addWidget(self.splitter, 1)

    def _on_data_changed(self, _change: Change) -> None:
        if self._loaded_once:  # else the first show loads
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded_once:
            self._loaded_once = True
            self.reload()

    def today(self) -> date:
        """Today in the teacher's zone, by the services' clock."""
        return local(self.services.ctx.now(), self.actor.time_zone).date()

    def bounds(self) -> Bounds:
        """The chosen period as aware UTC ``(from_at, to_at)``; None is an open end."""
        return period_bounds(self.period.days(self.today()), self.actor.time_zone)

    @Slot()
    def reload(self) -> None:
        self._request += 1
        request = self._request
        actor = self.actor
        from_at, to_at = self.bounds()
        all_time = self.period.period() == ALL_TIME
        payments_ops.teacher_earnings(
            OpContext.of(self),
            actor,
            from_at=from_at,
            to_at=to_at,
            on_success=lambda earnings: self._show(request, earnings, all_time),
            on_failure=lambda error: self._failed(request, error),
            owner=self,
        )

    def total_rows(self) -> list[tuple[str, ...]]:
        """The totals as shown, one tuple of cell texts per currency (tests, screenshots)."""
        grid = self.totals_grid
        rows = []
        for row in range(1, grid.rowCount()):
            cells = []
            for column in range(grid.columnCount()):
                item = grid.itemAtPosition(row, column)
                widget = item.widget() if item is not None else None
                if isinstance(widget, QLabel):
                    cells.append(widget.text())
            if cells:
                rows.append(tuple(cells))
        return rows

    def _show(self, request: int, earnings: EarningsDTO, all_time: bool) -> None:
        if request != self._request:
            return
        set_message(self.error_label, None)
        self.earnings = earnings
        self.model.set_rows(earnings.lines)
        self.export_button.setEnabled(bool(earnings.lines))
        empty_text = localize(NO_EARNINGS_TEXT if all_time else NO_EARNINGS_IN_PERIOD_TEXT)
        self.table.set_empty_text(empty_text)
        self._fill_totals(earnings.totals)
        self.chart.set_bars(earnings_bars(earnings), empty_text=empty_text)
        self.upcoming_label.setText(upcoming_text(earnings.upcoming))
        self.earnings_loaded.emit(earnings)

    @Slot()
    def export_csv(self) -> CsvExport[EarningsLine] | None:
        """The sessions of the period shown (already loaded) to a CSV file, amounts in major
        units beside their currency."""
        if self.earnings is None:
            return None
        self.export = export_loaded_csv(
            self,
            self.runner,
            what=t("earnings"),
            suggested_name=f"earnings-{self.today()}.csv",
            columns=earnings_csv_columns(self.actor.time_zone),
            rows=self.earnings.lines,
            notice_label=self.notice_label,
            error_label=self.error_label,
        )
        return self.export

    def _fill_totals(self, totals: tuple[EarningsTotal, ...]) -> None:
        grid = self.totals_grid
        while grid.count():
            item = grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for column, header in enumerate(TOTAL_HEADERS):
            label = QLabel(localize(header))
            themed(label, "fieldNote")
            grid.addWidget(label, 0, column, _alignment(column))
        for row, total in enumerate(totals, start=1):
            for column, text in enumerate(total_cells(total)):
                label = QLabel(text)
                themed(label, "totalValue")
                grid.addWidget(label, row, column, _alignment(column))
        self.totals_box.setVisible(bool(totals))

    def _failed(self, request: int, error: BaseException) -> None:
        if request != self._request:
            return
        self.table.set_empty_text(t("Your earnings could not be loaded."))
        self.chart.set_bars({}, empty_text=t("Your earnings could not be loaded."))
        set_message(self.error_label, inline_error_text(error))


def _alignment(column: int) -> Qt.AlignmentFlag:
    if column < 2:
        return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
