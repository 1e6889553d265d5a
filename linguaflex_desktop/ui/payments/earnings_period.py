"""The period filter of the teacher's earnings and the admin's revenue: all time, this or last
month, the last 3 months, this or last year, or chosen dates — whole days in the viewer's own
zone, turned into the aware UTC bounds ``[from_at, to_at)`` that the services take.

``period_days`` and ``period_bounds`` are pure (no Qt); ``PeriodFilter`` is the widget
(GUI thread only).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import QDate, Signal, Slot
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QWidget

from linguaflex_desktop.services.booking.availability import local_midnight_utc
from linguaflex_desktop.texts import tx
from linguaflex_desktop.ui.booking.format import zone
from linguaflex_desktop.ui.i18n import localize, t

ALL_TIME = "all"
THIS_MONTH = "this_month"
LAST_MONTH = "last_month"
LAST_3_MONTHS = "last_3_months"  # this month and the two before it
THIS_YEAR = "this_year"
LAST_YEAR = "last_year"
DATES = "dates"
PERIODS = (
    (tx("All time"), ALL_TIME),
    (tx("This month"), THIS_MONTH),
    (tx("Last month"), LAST_MONTH),
    (tx("Last 3 months"), LAST_3_MONTHS),
    (tx("This year"), THIS_YEAR),
    (tx("Last year"), LAST_YEAR),
    (tx("Dates…"), DATES),
)

DayRange = tuple[date | None, date | None]  # first day, day after the last (None: open)
Bounds = tuple[datetime | None, datetime | None]  # aware UTC, [from_at, to_at)


def _month_start(day: date, months_back: int = 0) -> date:
    index = day.year * 12 + day.month - 1 - months_back
    return date(index // 12, index % 12 + 1, 1)


def period_days(
    period: str, *, today: date, first: date | None = None, last: date | None = None
) -> DayRange:
    """The days of ``period`` seen from ``today``; ``DATES`` takes ``first``..``last``
    (both included, either may be None for an open end)."""
    if period == THIS_MONTH:
        return _month_start(today), _month_start(today, -1)
    if period == LAST_MONTH:
        return _month_start(today, 1), _month_start(today)
    if period == LAST_3_MONTHS:
        return _month_start(today, 2), _month_start(today, -1)
    if period == THIS_YEAR:
        return date(today.year, 1, 1), date(today.year + 1, 1, 1)
    if period == LAST_YEAR:
        return date(today.year - 1, 1, 1), date(today.year, 1, 1)
    if period == DATES:
        return first, last + timedelta(days=1) if last is not None else None
    if period == ALL_TIME:
        return None, None
    raise ValueError(f"unknown period {period!r}")


def period_bounds(days: DayRange, zone_name: str) -> Bounds:
    """Midnight starting each day in ``zone_name``, as aware UTC (None stays open)."""
    where = zone(zone_name)
    first, end = days
    return (
        local_midnight_utc(first, where) if first is not None else None,
        local_midnight_utc(end, where) if end is not None else None,
    )


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date_edit(value: date) -> QDateEdit:
    edit = QDateEdit(_qdate(value))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("d MMM yyyy")
    return edit


class PeriodFilter(QWidget):
    """A period combo, and "from"/"to" date edits shown for "Dates…". Emits ``changed``
    whenever the chosen days change; ``days(today)`` gives them."""

    changed = Signal()

    def __init__(self, *, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox()
        for text, period in PERIODS:
            self.combo.addItem(localize(text), period)
        self.from_edit = _date_edit(_month_start(today))
        self.to_edit = _date_edit(today)
        self.to_label = QLabel(t("to"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.combo, self.from_edit, self.to_label, self.to_edit):
            layout.addWidget(widget)
        self.combo.currentIndexChanged.connect(self._on_period_changed)
        for edit in (self.from_edit, self.to_edit):
            edit.dateChanged.connect(self._on_date_changed)
        self._show_dates(False)

    def period(self) -> str:
        return str(self.combo.currentData())

    def set_period(self, period: str) -> None:
        self.combo.setCurrentIndex(self.combo.findData(period))

    def set_dates(self, first: date, last: date) -> None:
        """Choose "Dates…" from ``first`` to ``last`` (both included); one ``changed``."""
        self.blockSignals(True)
        self.from_edit.setDate(_qdate(first))
        self.to_edit.setDate(_qdate(last))
        self.set_period(DATES)
        self.blockSignals(False)
        self.changed.emit()

    def days(self, today: date) -> DayRange:
        first, last = self.from_edit.date().toPython(), self.to_edit.date().toPython()
        assert isinstance(first, date) and isinstance(last, date)
        return period_days(self.period(), today=today, first=first, last=last)

    def _show_dates(self, visible: bool) -> None:
        for widget in (self.from_edit, self.to_label, self.to_edit):
            widget.setVisible(visible)

    @Slot()
    def _on_period_changed(self, *_args: object) -> None:
        self._show_dates(self.period() == DATES)
        self.changed.emit()

    @Slot()
    def _on_date_changed(self, *_args: object) -> None:
        if self.period() == DATES:
            self.changed.emit()
