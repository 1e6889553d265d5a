"""The teacher's availability editor: weekly hours (several ranges per day allowed) and days
off, in the teacher's own zone. Saves through ``availability.set_weekly_availability`` /
``add_day_off`` / ``remove_day_off`` on the TaskRunner; the service validates. GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, QTime, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from linguaflex_desktop.services.booking.dto import DayOffDTO, WeeklyAvailabilityDTO, WeeklyRange
from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.ui.booking.book_session_dialog import today_in
from linguaflex_desktop.ui.errors import inline_error_text
from linguaflex_desktop.ui.i18n import day_text, t, weekday_name
from linguaflex_desktop.ui.operations import OpContext
from linguaflex_desktop.ui.operations import booking as booking_ops
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.theme import themed
from linguaflex_desktop.ui.widgets import make_heading, make_message_label, set_message

if TYPE_CHECKING:
    from linguaflex_desktop.bootstrap import AppServices

END_OF_DAY = 1440
DayRole = Qt.ItemDataRole.UserRole + 1


def minute_of(edit: QTimeEdit, *, end: bool = False) -> int:
    """Minutes from 00:00; an end of 00:00 means midnight at the end of the day."""
    value = edit.time()
    minute = value.hour() * 60 + value.minute()
    return END_OF_DAY if end and minute == 0 else minute


def weekday_names() -> list[str]:
    """Monday to Sunday in the current language, capitalised as a list item ('Lunes')."""
    names = (weekday_name(isoweekday) for isoweekday in range(1, 8))
    return [name[:1].upper() + name[1:] for name in names]


def time_edit(minute: int) -> QTimeEdit:
    edit = QTimeEdit(QTime((minute // 60) % 24, minute % 60))
    edit.setDisplayFormat("HH:mm")
    return edit


class AvailabilityEditorPage(QWidget):
    """Weekly ranges on the left, days off on the right."""

    availability_loaded = Signal(object)  # WeeklyAvailabilityDTO
    availability_saved = Signal(object)  # WeeklyAvailabilityDTO
    days_off_changed = Signal()
    days_off_loaded = Signal(object)  # tuple[DayOffDTO, ...] after a days-off change

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
        self.ranges_table = QTableWidget(0, 4)
        self.ranges_table.setObjectName("rangesTable")
        self.ranges_table.setHorizontalHeaderLabels([t("Day"), t("From"), t("To"), ""])
        self.ranges_table.setShowGrid(False)
        self.ranges_table.verticalHeader().setVisible(False)
        self.ranges_table.verticalHeader().setDefaultSectionSize(36)
        self.ranges_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.ranges_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.add_range_button = QPushButton(t("Add hours"))
        self.add_range_button.clicked.connect(lambda: self.add_range(WeeklyRange(0, 540, 1020)))
        self.save_button = QPushButton(t("Save weekly hours"))
        themed(self.save_button, "primaryButton")
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.save)
        self.day_off_edit = QDateEdit()
        self.day_off_edit.setCalendarPopup(True)
        self.day_off_edit.setDisplayFormat("ddd d MMM yyyy")
        today = today_in(services, actor.time_zone)
        self.day_off_edit.setMinimumDate(QDate(today.year, today.month, today.day))
        self.day_off_note = QLineEdit()
        self.day_off_note.setPlaceholderText(t("Note (optional)"))
        self.add_day_off_button = QPushButton(t("Add day off"))
        self.add_day_off_button.clicked.connect(self.add_day_off)
        self.days_off_list = QListWidget()
        self.days_off_list.setObjectName("daysOffList")
        self.remove_day_off_button = QPushButton(t("Remove day off"))
        self.remove_day_off_button.clicked.connect(self.remove_selected_day_off)
        self.error_label = make_message_label()
        self.notice_label = make_message_label("formNotice")
        self.days_off_list.itemSelectionChanged.connect(self._update_buttons)
        self._days_off_changing = False  # a day off is added / removed until the list reloads
        self._build()
        self._update_buttons()
        self.load()

    def _build(self) -> None:
        weekly = QGroupBox(t("Weekly hours"))
        weekly_layout = QVBoxLayout(weekly)
        note = QLabel(
            t(
                "Students can book you inside these hours ({zone}). "
                "Several ranges per day are fine; a range ending at 00:00 runs to midnight.",
                zone=self.actor.time_zone,
            )
        )
        themed(note, "fieldNote")
        note.setWordWrap(True)
        weekly_layout.addWidget(note)
        weekly_layout.addWidget(self.ranges_table, 1)
        weekly_buttons = QHBoxLayout()
        weekly_buttons.addWidget(self.add_range_button)
        weekly_buttons.addStretch(1)
        weekly_buttons.addWidget(self.save_button)
        weekly_layout.addLayout(weekly_buttons)
        days_off = QGroupBox(t("Days off"))
        days_off_layout = QVBoxLayout(days_off)
        note_off = QLabel(t("No new requests on these days; existing bookings stay."))
        themed(note_off, "fieldNote")
        note_off.setWordWrap(True)
        days_off_layout.addWidget(note_off)
        add_row = QHBoxLayout()
        add_row.addWidget(self.day_off_edit)
        add_row.addWidget(self.day_off_note, 1)
        add_row.addWidget(self.add_day_off_button)
        days_off_layout.addLayout(add_row)
        days_off_layout.addWidget(self.days_off_list, 1)
        remove_row = QHBoxLayout()
        remove_row.addStretch(1)
        remove_row.addWidget(self.remove_day_off_button)
        days_off_layout.addLayout(remove_row)
        columns = QHBoxLayout()
        columns.addWidget(weekly, 3)
        columns.addWidget(days_off, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(make_heading(t("Availability")))
        layout.addWidget(self.error_label)
        layout.addWidget(self.notice_label)
        layout.addLayout(columns, 1)

    # --- weekly ranges --------------------------------------------------------------------

    def add_range(self, weekly_range: WeeklyRange) -> int:
        row = self.ranges_table.rowCount()
        self.ranges_table.insertRow(row)
        day = QComboBox()
        day.addItems(weekday_names())
        day.setCurrentIndex(weekly_range.weekday)
        self.ranges_table.setCellWidget(row, 0, day)
        self.ranges_table.setCellWidget(row, 1, time_edit(weekly_range.start_minute))
        self.ranges_table.setCellWidget(row, 2, time_edit(weekly_range.end_minute))
        remove = QPushButton(t("Remove"))
        remove.setObjectName("rowRemoveButton")
        remove.setToolTip(t("Remove these hours (saved with Save weekly hours)"))
        remove.clicked.connect(lambda: self.remove_range_of(remove))
        self.ranges_table.setCellWidget(row, 3, remove)
        return row

    def remove_button(self, row: int) -> QPushButton:
        button = self.ranges_table.cellWidget(row, 3)
        assert isinstance(button, QPushButton)
        return button

    def ranges(self) -> list[WeeklyRange]:
        result = []
        for row in range(self.ranges_table.rowCount()):
            day = self.ranges_table.cellWidget(row, 0)
            start = self.ranges_table.cellWidget(row, 1)
            end = self.ranges_table.cellWidget(row, 2)
            assert isinstance(day, QComboBox)
            assert isinstance(start, QTimeEdit) and isinstance(end, QTimeEdit)
            result.append(
                WeeklyRange(day.currentIndex(), minute_of(start), minute_of(end, end=True))
            )
        return result

    def remove_range_of(self, button: QPushButton) -> None:
        """Remove the row holding ``button`` (rows shift, so look it up when clicked)."""
        for row in range(self.ranges_table.rowCount()):
            if self.ranges_table.cellWidget(row, 3) is button:
                self.ranges_table.removeRow(row)
                return

    @Slot()
    def load(self) -> None:
        """Load hours and days off into the form (replaces unsaved edits)."""
        booking_ops.get_weekly_availability(
            OpContext.of(self),
            self.actor,
            self.actor.id,
            on_success=self._on_loaded,
            on_failure=self._show_error,
            owner=self,
        )

    @Slot()
    def save(self) -> None:
        self._clear_messages()
        ranges = self.ranges()
        self.save_button.setEnabled(False)
        booking_ops.set_weekly_availability(
            OpContext.of(self),
            self.actor,
            ranges,
            on_success=self._on_saved,
            on_failure=self._on_save_failed,
            owner=self,
        )

    def _on_loaded(self, result: WeeklyAvailabilityDTO) -> None:
        self._show(result)
        self.save_button.setEnabled(True)
        self.availability_loaded.emit(result)

    def _on_saved(self, result: WeeklyAvailabilityDTO) -> None:
        self._show(result)
        self.save_button.setEnabled(True)
        set_message(self.notice_label, t("Weekly hours saved."))
        self.availability_saved.emit(result)

    def _on_save_failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        self._show_error(error)

    def _show(self, result: WeeklyAvailabilityDTO) -> None:
        self.ranges_table.setRowCount(0)
        for weekly_range in result.ranges:
            self.add_range(weekly_range)
        self._show_days_off(result.days_off)

    # --- days off -------------------------------------------------------------------------

    def _show_days_off(self, days_off: tuple[DayOffDTO, ...]) -> None:
        self.days_off_list.clear()
        for day_off in days_off:
            text = day_text(day_off.local_date)
            item = QListWidgetItem(f"{text} — {day_off.note}" if day_off.note else text)
            item.setData(DayRole, day_off.local_date)
            self.days_off_list.addItem(item)
        if not days_off:
            placeholder = QListWidgetItem(t("No days off planned."))
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self.days_off_list.addItem(placeholder)
        self._update_buttons()

    @Slot()
    def add_day_off(self) -> None:
        self._clear_messages()
        value = self.day_off_edit.date()
        day = date(value.year(), value.month(), value.day())
        note = self.day_off_note.text()
        self._run_days_off(
            partial(booking_ops.add_day_off, OpContext.of(self), self.actor, day, note)
        )
        self.day_off_note.clear()

    @Slot()
    def remove_selected_day_off(self) -> None:
        items = self.days_off_list.selectedItems()
        day = items[0].data(DayRole) if items else None
        if isinstance(day, date):
            self._clear_messages()
            self._run_days_off(
                partial(booking_ops.remove_day_off, OpContext.of(self), self.actor, day)
            )

    def _run_days_off(self, start: Callable[..., None]) -> None:
        """Run a day-off change with Add / Remove day off off until the reloaded list shows it
        (a second Remove before that would remove the same day again: "not a day off")."""
        self._days_off_changing = True
        self._update_buttons()

        def then_reload(_result: object) -> None:
            self._reload_days_off()
            self.days_off_changed.emit()

        def failed(error: BaseException) -> None:
            self._end_days_off_change()
            self._show_error(error)

        start(on_success=then_reload, on_failure=failed, owner=self)

    def _reload_days_off(self) -> None:
        """Show the stored days off again, leaving the weekly hours form (and its unsaved
        edits) alone; the day-off buttons come back when this answers."""

        def loaded(result: WeeklyAvailabilityDTO) -> None:
            self._days_off_changing = False
            self._show_days_off(result.days_off)  # only the days-off part
            self.days_off_loaded.emit(result.days_off)

        def failed(error: BaseException) -> None:
            self._end_days_off_change()
            self._show_error(error)

        booking_ops.get_weekly_availability(
            OpContext.of(self),
            self.actor,
            self.actor.id,
            on_success=loaded,
            on_failure=failed,
            owner=self,
        )

    def _end_days_off_change(self) -> None:
        self._days_off_changing = False
        self._update_buttons()

    # --- messages -------------------------------------------------------------------------

    def _clear_messages(self) -> None:
        set_message(self.error_label, None)
        set_message(self.notice_label, None)

    def _show_error(self, error: BaseException) -> None:
        set_message(self.error_label, inline_error_text(error))

    @Slot()
    def _update_buttons(self) -> None:
        items = [] if self._days_off_changing else self.days_off_list.selectedItems()
        self.remove_day_off_button.setEnabled(bool(items) and items[0].data(DayRole) is not None)
        self.add_day_off_button.setEnabled(not self._days_off_changing)
