"""The teacher's schedule: one week (Monday to Sunday in the teacher's zone) as a grid of
hours x days (each session drawn to its length and payment state, ``schedule_cells``), or as
an agenda list with each booking's meeting state; it opens on the week of the next session
(this week when nothing is coming); details, reschedule,
"Start session" (a fresh host link, for a paid booking whose meeting is ready) and "Mark
completed" (a paid session that has ended) of the selected booking.

Loads ``bookings.teacher_schedule`` for the shown week on the TaskRunner. GUI thread only.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from linguaflex_desktop.services.booking.dto import BookingDTO
from linguaflex_desktop.services.booking.rules import can_complete, can_reschedule, complete_refusal
from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.ui.booking.actions import COMPLETE_TEXT
from linguaflex_desktop.ui.booking.book_session_dialog import today_in
from linguaflex_desktop.ui.booking.format import (
    format_day,
    format_day_month,
    local,
    meeting_tooltip,
    status_cell_text,
    zone,
)
from linguaflex_desktop.ui.booking.list_page import BookingListPage
from linguaflex_desktop.ui.booking.schedule_cells import (
    STATUS_COLOURS,
    BlocksRole,
    Cell,
    ScheduleCellDelegate,
    week_cells,
)
from linguaflex_desktop.ui.booking.table_model import BookingColumn
from linguaflex_desktop.ui.i18n import localize, t
from linguaflex_desktop.ui.operations import OpContext
from linguaflex_desktop.ui.operations import booking as booking_ops
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.theme import themed
from linguaflex_desktop.ui.widgets import make_heading

if TYPE_CHECKING:
    from linguaflex_desktop.bootstrap import AppServices

DAYS = 7
FIRST_HOUR, LAST_HOUR = 8, 20  # shown at least; widened to fit the week's bookings
BookingIdRole = Qt.ItemDataRole.UserRole + 1


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def week_window(monday: date, time_zone: str) -> tuple[datetime, datetime]:
    """[Monday 00:00, next Monday 00:00) of ``monday``'s week in ``time_zone``."""
    teacher_zone = zone(time_zone)
    start = datetime.combine(monday, time(0), tzinfo=teacher_zone)
    return start, datetime.combine(monday + _WEEK, time(0), tzinfo=teacher_zone)


class TeacherSchedulePage(BookingListPage):
    """A week of the teacher's bookings (all but cancelled), as a grid or an agenda."""

    def __init__(
        self,
        *,
        services: AppServices,
        actor: Actor,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            services=services,
            actor=actor,
            runner=runner,
            columns=(
                BookingColumn.WHEN,
                BookingColumn.STUDENT,
                BookingColumn.GIG,
                BookingColumn.DURATION,
                BookingColumn.STATUS,
                BookingColumn.PAYMENT,
                BookingColumn.MEETING,
            ),
            empty_text=t("No sessions this week."),
            parent=parent,
        )
        self.week_start = monday_of(today_in(services, actor.time_zone))
        self._generation = 0
        self.grid = self._build_grid()
        self.views = QStackedWidget()
        self.views.addWidget(self.grid)
        self.views.addWidget(self.table)
        self.week_button = QPushButton(t("Week"))
        self.agenda_button = QPushButton(t("Agenda"))
        self.mode_group = QButtonGroup(self)
        for button in (self.week_button, self.agenda_button):
            button.setCheckable(True)
            themed(button, "segmentButton")
            button.setMinimumWidth(90)  # the checked one is bold: leave room for it
            self.mode_group.addButton(button)
        self.week_button.setChecked(True)
        self.week_button.toggled.connect(self._on_mode_changed)
        self.previous_button = QPushButton(t("← Previous"))
        self.this_week_button = QPushButton(t("This week"))
        self.next_button = QPushButton(t("Next →"))
        self.previous_button.clicked.connect(lambda: self.show_week(self.week_start - _WEEK))
        self.this_week_button.clicked.connect(self._show_this_week)
        self.next_button.clicked.connect(lambda: self.show_week(self.week_start + _WEEK))
        self.week_label = QLabel()
        themed(self.week_label, "weekLabel")
        self.reschedule_button = QPushButton(t("Reschedule…"))
        self.reschedule_button.clicked.connect(self.reschedule_selected)
        self.button_row.addWidget(self.reschedule_button)
        self.complete_button = QPushButton(localize(COMPLETE_TEXT))
        self.complete_button.clicked.connect(self.complete_selected)
        self.button_row.addWidget(self.complete_button)
        self.start_button = self.install_meeting_button()
        self._layout_page()
        self.open_on_next_session()

    def _build_grid(self) -> QTableWidget:
        grid = QTableWidget(0, DAYS)
        grid.setObjectName("scheduleGrid")
        grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        grid.setWordWrap(True)
        grid.verticalHeader().setDefaultSectionSize(44)
        grid.setItemDelegate(ScheduleCellDelegate(grid))
        grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        grid.horizontalHeader().setHighlightSections(False)
        grid.verticalHeader().setHighlightSections(False)
        grid.itemSelectionChanged.connect(self._on_selection_changed)
        grid.itemDoubleClicked.connect(lambda _item: self.open_selected_detail())
        return grid

    def _layout_page(self) -> None:
        top = QHBoxLayout()
        top.addWidget(make_heading(t("Schedule")))
        top.addSpacing(16)
        top.addWidget(self.previous_button)
        top.addWidget(self.this_week_button)
        top.addWidget(self.next_button)
        top.addSpacing(12)
        top.addWidget(self.week_label, 1)
        top.addWidget(self.week_button)
        top.addWidget(self.agenda_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.error_label)
        layout.addWidget(self.notice_label)
        layout.addWidget(self.views, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary_label)
        bottom.addLayout(self.button_row, 1)
        layout.addLayout(bottom)
        self._update_buttons()

    # --- loading --------------------------------------------------------------------------

    def open_on_next_session(self) -> None:
        """Show the week of the next session (this week when none is coming, or when asking
        fails: the week then loads and reports its own error). One load finds the week and
        brings its bookings: two loads, the second started from the first's answer, waited
        twice for the GUI thread's pending paints. A week asked for before the answer comes
        (Next, Previous) is the one shown."""
        this_week, time_zone = self.week_start, self.actor.time_zone

        def week_of(start: datetime | None) -> tuple[datetime, datetime]:  # on the pool thread
            if start is None:
                return week_window(this_week, time_zone)
            return week_window(max(this_week, monday_of(local(start, time_zone).date())), time_zone)

        generation = self._next_generation()
        booking_ops.teacher_opening_week(
            OpContext.of(self),
            self.actor,
            week_of=week_of,
            on_success=lambda result: self._on_opening_week(generation, *result),
            on_failure=lambda _error: self.show_week(this_week),
            owner=self,
        )

    def _on_opening_week(self, generation: int, from_at: datetime, items: list[BookingDTO]) -> None:
        if generation != self._generation:
            return  # another week was asked for meanwhile
        self.week_start = from_at.date()
        self._show_week_label()
        self._on_schedule(generation, items)

    def show_week(self, monday: date) -> None:
        self.week_start = monday_of(monday)
        self.reload()

    @Slot()
    def _show_this_week(self) -> None:
        self.show_week(today_in(self.services, self.actor.time_zone))

    def week_window(self) -> tuple[datetime, datetime]:
        """[Monday 00:00, next Monday 00:00) of the shown week in the teacher's zone."""
        return week_window(self.week_start, self.actor.time_zone)

    def _next_generation(self) -> int:
        """A new load's number: an answer whose number is no longer the latest is dropped."""
        self._generation += 1
        return self._generation

    def _show_week_label(self) -> None:
        last = self.week_start + timedelta(days=DAYS - 1)
        span = f"{format_day(self.week_start)} – {format_day(last)}"  # noqa: RUF001
        self.week_label.setText(f"{span}  ·  {self.actor.time_zone}")

    def reload(self) -> None:
        generation = self._next_generation()
        self._show_week_label()
        from_at, to_at = self.week_window()
        actor = self.actor
        booking_ops.teacher_schedule(
            OpContext.of(self),
            actor,
            from_at=from_at,
            to_at=to_at,
            on_success=lambda items: self._on_schedule(generation, items),
            on_failure=self._on_load_failed,
            owner=self,
        )

    def _on_schedule(self, generation: int, items: list[BookingDTO]) -> None:
        if generation != self._generation:
            return
        self.model.set_bookings(items)
        self._fill_grid(items)
        self._on_page_loaded(None)

    def _fill_grid(self, items: list[BookingDTO]) -> None:
        days = [self.week_start + timedelta(days=offset) for offset in range(DAYS)]
        cells = week_cells(items, days, self.actor.time_zone)
        first = min([FIRST_HOUR, *(cell.first_hour for cell in cells)])
        last = max([LAST_HOUR - 1, *(cell.first_hour + cell.hours - 1 for cell in cells)])
        self.grid.blockSignals(True)
        self.grid.clearSpans()
        self.grid.clearContents()
        self.grid.setRowCount(last - first + 1)
        self.grid.setHorizontalHeaderLabels([format_day_month(day) for day in days])
        self.grid.setVerticalHeaderLabels([f"{hour:02d}:00" for hour in range(first, last + 1)])
        by_id = {booking.id: booking for booking in items}
        for cell in cells:
            row = cell.first_hour - first
            self.grid.setItem(row, cell.column, self._cell(cell, by_id))
            if cell.hours > 1:
                self.grid.setSpan(row, cell.column, cell.hours, 1)
        self.grid.blockSignals(False)
        self.grid.clearSelection()

    def _cell(self, cell: Cell, by_id: dict[int, BookingDTO]) -> QTableWidgetItem:
        item = QTableWidgetItem("\n".join(block.title for block in cell.blocks))
        first = by_id[cell.blocks[0].booking_id]
        item.setData(BookingIdRole, first.id)
        item.setData(BlocksRole, cell.blocks)
        item.setToolTip(
            "\n".join(
                f"{block.title} · {block.detail} · {by_id[block.booking_id].gig_title} · "
                f"{status_cell_text(by_id[block.booking_id])} · "
                f"{meeting_tooltip(by_id[block.booking_id])}"
                for block in cell.blocks
            )
        )
        item.setBackground(QColor(STATUS_COLOURS.get(first.status, "#ffffff")))
        return item

    # --- selection ------------------------------------------------------------------------

    def selected_booking(self) -> BookingDTO | None:
        if self.views.currentWidget() is self.table:
            return super().selected_booking()
        items = self.grid.selectedItems()
        booking_id = items[0].data(BookingIdRole) if items else None
        row = self.model.row_of(booking_id) if isinstance(booking_id, int) else None
        return self.model.booking_at(row) if row is not None else None

    def select_in_grid(self, booking_id: int) -> bool:
        for row in range(self.grid.rowCount()):
            for column in range(DAYS):
                item = self.grid.item(row, column)
                if item is not None and item.data(BookingIdRole) == booking_id:
                    self.grid.setCurrentItem(item)
                    return True
        return False

    @Slot(bool)
    def _on_mode_changed(self, week: bool) -> None:
        self.views.setCurrentWidget(self.grid if week else self.table)
        self._on_selection_changed()

    def show_changed(self, booking: BookingDTO) -> None:
        """A booking changed (e.g. moved by an accepted reschedule): redraw the week."""
        super().show_changed(booking)
        self.reload()

    def update_action_buttons(self, booking: BookingDTO | None) -> None:
        self.reschedule_button.setEnabled(booking is not None and can_reschedule(booking))
        now = self.services.ctx.now()
        self.complete_button.setEnabled(booking is not None and can_complete(booking, now))
        refusal = complete_refusal(booking, now) if booking is not None else ""
        self.complete_button.setToolTip(localize(refusal))

    @Slot()
    def complete_selected(self) -> None:
        """Mark the selected paid, ended session completed (conflicts shown, row refreshed)."""
        booking = self.selected_booking()
        if booking is None or not can_complete(booking, self.services.ctx.now()):
            return
        self.run_transition(
            partial(booking_ops.complete_booking, OpContext.of(self), self.actor, booking),
            done_text=t(
                "Marked completed: {gig} with {name}.",
                gig=booking.gig_title,
                name=booking.student_name,
            ),
        )

    @Slot()
    def reschedule_selected(self) -> None:
        booking = self.selected_booking()
        if booking is not None and can_reschedule(booking):
            self.open_reschedule(booking)


_WEEK = timedelta(days=DAYS)
