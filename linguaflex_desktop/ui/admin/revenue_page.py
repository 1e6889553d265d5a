"""The admin's "Revenue" tab (DESIGN.md section 2): a period (whole days in the admin's zone,
with presets), a bucket (day, ISO week from Monday, month) and a view (over time, by teacher,
by language); a stacked bar chart of one currency at a time (teacher shares kept + platform net
+ refunded = gross; hover a bar for its figures) beside a table of the same lines per currency
— paid sessions, gross charged, platform fees, teacher shares, refunded, net platform revenue —
with a bold total row per currency.

GUI thread only; the figures come from ``ReportService.revenue_chart`` on the TaskRunner. A
new bucket or period asks again; a new view redraws what was read. "Export CSV…" writes the
table's rows as shown (``ui.export``, on the TaskRunner).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.services.reports.dto import BucketKind, RevenueChartDTO
from linguaflex_desktop.texts import tx
from linguaflex_desktop.ui.admin.revenue_figures import (
    BUCKETS,
    BY_TEACHER,
    OVER_TIME,
    VIEWS,
    RevenueRow,
    chart_bars,
    first_header,
    localized_segments,
    revenue_csv_columns,
    table_rows,
)
from linguaflex_desktop.ui.booking.book_session_dialog import today_in
from linguaflex_desktop.ui.charts import MoneyBarChart
from linguaflex_desktop.ui.data_changed import refresh_on
from linguaflex_desktop.ui.errors import inline_error_text
from linguaflex_desktop.ui.export import CsvExport, export_loaded_csv
from linguaflex_desktop.ui.i18n import day_text, localize, money_text, number_text, t
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

NET_TIP = tx("Platform fees kept after refunds (a refund comes out of the teacher's share first).")
NO_PAYMENTS_TEXT = tx("No payments succeeded in this period.")
NOT_MADE_TEXT = tx("The revenue report could not be made.")
LOADING_TEXT = tx("Loading the revenue report…")


def _money(figure: str) -> Callable[[RevenueRow], str]:
    """The text of one money figure of a row, e.g. '1,234.50 USD'."""
    return lambda row: money_text(getattr(row.figures, figure), row.figures.currency)


def _kept_tip(row: RevenueRow) -> str:
    kept = money_text(row.figures.teacher_share_after_refunds_minor, row.figures.currency)
    return t("Teachers keep {amount}", amount=kept)


COLUMNS: tuple[Column[RevenueRow], ...] = (
    Column(tx("Month"), lambda row: localize(row.label)),
    Column(tx("Currency"), lambda row: row.figures.currency),
    Column(tx("Sessions"), lambda row: number_text(row.figures.sessions), right=True),
    Column(tx("Gross"), _money("gross_minor"), right=True),
    Column(tx("Platform fees"), _money("fee_minor"), right=True),
    Column(tx("Teacher shares"), _money("teacher_share_minor"), right=True),
    Column(tx("Refunded"), _money("refunded_minor"), right=True, tooltip=_kept_tip),
    Column(
        tx("Net revenue"),
        _money("net_platform_minor"),
        right=True,
        tooltip=lambda row: localize(NET_TIP),
    ),
)


class RevenueTableModel(RowTableModel[RevenueRow]):
    """Revenue rows; the total rows are bold; the first column's header names the view."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            COLUMNS,
            key=lambda row: (row.label, row.figures.currency),
            parent=parent,
        )
        self.first_header = COLUMNS[0].header

    def set_first_header(self, text: str) -> None:
        self.first_header = text
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 0)

    def column_of(self, header: str) -> int:
        if header in (self.first_header, localize(self.first_header)):
            return 0
        return super().column_of(header)

    ROW_ROLES = frozenset({Qt.ItemDataRole.FontRole})

    def row_data(self, item: RevenueRow, role: int) -> Any:
        if role == Qt.ItemDataRole.FontRole and item.total:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if section == 0 and horizontal and role == Qt.ItemDataRole.DisplayRole:
            return localize(self.first_header)
        return super().headerData(section, orientation, role)


def _combo(items: tuple[tuple[str, str], ...]) -> QComboBox:
    combo = QComboBox()
    for text, value in items:
        combo.addItem(localize(text), value)
    return combo


class AdminRevenuePage(QWidget):
    """The revenue of a period, in the admin's zone: a chart beside a table."""

    report_loaded = Signal(object)  # RevenueChartDTO

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
        self.report: RevenueChartDTO | None = None
        self._period_text = ""
        self._request = 0
        # Revenue follows payments and refunds; a hidden tab refreshes when shown.
        refresh_on(
            self, runner, ("payment",), lambda _change: self.refresh(), defer_while_hidden=True
        )
        self.period = PeriodFilter(today=today_in(services, actor.time_zone))
        self.period.combo.removeItem(self.period.combo.findData(ALL_TIME))
        self.period.set_period(THIS_YEAR)
        self.period.changed.connect(self.refresh)
        self.bucket_combo = _combo(BUCKETS)
        self.bucket_combo.setCurrentIndex(self.bucket_combo.findData("month"))
        self.bucket_combo.currentIndexChanged.connect(self.refresh)
        self.view_combo = _combo(VIEWS)
        self.view_combo.currentIndexChanged.connect(self._show_view)
        self.refresh_button = QPushButton(t("Refresh"))
        self.refresh_button.clicked.connect(lambda: self.refresh())
        self.export: CsvExport[RevenueRow] | None = None
        self.export_button = QPushButton(t("Export CSV…"))
        self.export_button.setToolTip(t("The table as shown, to a CSV file"))
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self.export_csv)
        self.notice_label = make_message_label("formNotice")
        self.model = RevenueTableModel(self)
        self.view = make_table_view(self.model)
        self.table = EmptyStateStack(self.view, localize(LOADING_TEXT))
        self.chart = MoneyBarChart(localized_segments(), empty_text=localize(LOADING_TEXT))
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.chart)
        self.splitter.addWidget(self.table)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.caption_label = QLabel()
        themed(self.caption_label, "fieldNote")
        self.caption_label.setWordWrap(True)
        self.error_label = make_message_label()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(self._top_row())
        layout.addWidget(self.caption_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.notice_label)
        layout.addWidget(self.splitter, 1)
        self.refresh()

    def _top_row(self) -> QHBoxLayout:
        top = QHBoxLayout()
        top.addWidget(make_heading(t("Revenue")))
        top.addSpacing(12)
        top.addWidget(self.period)
        for text, combo in ((t("by"), self.bucket_combo), (t("View"), self.view_combo)):
            top.addSpacing(8)
            top.addWidget(QLabel(text))
            top.addWidget(combo)
        top.addStretch(1)
        top.addWidget(self.export_button)
        top.addWidget(self.refresh_button)
        return top

    def days(self) -> tuple[date, date]:
        """First and last day (both included) of the chosen period, in the admin's zone."""
        first, end = self.period.days(today_in(self.services, self.actor.time_zone))
        assert first is not None and end is not None  # "All time" is not offered
        return first, end - timedelta(days=1)

    def bucket(self) -> BucketKind:
        kind: BucketKind = self.bucket_combo.currentData()
        return kind

    def view_kind(self) -> str:
        return str(self.view_combo.currentData())

    @Slot()
    def refresh(self) -> None:
        """Read the chosen period in the chosen buckets; an older answer in flight is dropped."""
        first, last = self.days()
        if last < first:
            self._show_error(t("Choose a first day on or before the last day."))
            return
        from_at, to_at = period_bounds((first, last + timedelta(days=1)), self.actor.time_zone)
        assert from_at is not None and to_at is not None
        self._request += 1
        request, actor = self._request, self.actor
        set_message(self.error_label, None)
        reports_ops.revenue_chart(
            OpContext.of(self),
            actor,
            from_at=from_at,
            to_at=to_at,
            zone=actor.time_zone,
            bucket=self.bucket(),
            on_success=lambda report: self._on_report(request, report, first, last),
            on_failure=lambda error: self._on_failed(request, error),
            owner=self,
        )

    def _on_report(self, request: int, report: RevenueChartDTO, first: date, last: date) -> None:
        if request != self._request:
            return
        self.report = report
        self._period_text = t(
            "Payments that succeeded from {first} to {last}",
            first=day_text(first),
            last=day_text(last),
        )
        self._show_view()
        self.report_loaded.emit(report)

    @Slot()
    def _show_view(self) -> None:
        """Fill the table and the chart from the report read, for the chosen view."""
        report = self.report
        self.bucket_combo.setEnabled(self.view_kind() == OVER_TIME)
        if report is None:
            return
        view = self.view_kind()
        self.model.set_first_header(first_header(view, report.bucket))
        self.model.set_rows(table_rows(report, view))
        self.export_button.setEnabled(self.model.rowCount() > 0)
        self.table.set_empty_text(localize(NO_PAYMENTS_TEXT))
        self.chart.set_bars(chart_bars(report, view), empty_text=localize(NO_PAYMENTS_TEXT))
        self.caption_label.setText(f"{self._period_text}, {_caption(report, view)}")

    @Slot()
    def export_csv(self) -> CsvExport[RevenueRow] | None:
        """The table's rows as shown (already loaded) to a CSV file; None when nothing is
        shown or the file dialog is cancelled."""
        if self.report is None or not self.model.rowCount():
            return None
        self.export = export_loaded_csv(
            self,
            self.runner,
            what=t("revenue"),
            suggested_name=f"revenue-{self.view_kind()}-{self.days()[0]}.csv",
            columns=revenue_csv_columns(self.model.first_header),
            rows=self.model.rows(),
            notice_label=self.notice_label,
            error_label=self.error_label,
        )
        return self.export

    def _on_failed(self, request: int, error: BaseException) -> None:
        if request == self._request:
            self._show_error(inline_error_text(error))

    def _show_error(self, text: str | None) -> None:
        self.report = None
        self.model.set_rows(())
        self.export_button.setEnabled(False)
        self.table.set_empty_text(localize(NOT_MADE_TEXT))
        self.chart.set_bars({}, empty_text=localize(NOT_MADE_TEXT))
        set_message(self.error_label, text)


def _caption(report: RevenueChartDTO, view: str) -> str:
    """What the lines are, e.g. 'by month in Europe/Berlin. Refunds count in …'."""
    zone = report.zone
    if view == OVER_TIME:
        if report.bucket == "day":
            return t(
                "by day in {zone}. Refunds count in the day of the payment they return.", zone=zone
            )
        if report.bucket == "week":
            return t(
                "by week (from Monday) in {zone}. Refunds count in the week of the payment they "
                "return.",
                zone=zone,
            )
        return t(
            "by month in {zone}. Refunds count in the month of the payment they return.", zone=zone
        )
    if view == BY_TEACHER:
        return t(
            "by teacher, days in {zone}. Refunds count with the payment they return.", zone=zone
        )
    return t("by language, days in {zone}. Refunds count with the payment they return.", zone=zone)
