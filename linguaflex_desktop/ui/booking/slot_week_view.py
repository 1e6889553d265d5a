"""A week of free slots: one column per day, one row per start time, in the viewer's zone.

Used to book a session and to pick a new time for a reschedule. The slots come from a
``load(first_day, last_day)`` callable run on the TaskRunner (e.g. AvailabilityService
.free_slots, which already works in the acting user's zone). GUI thread only.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
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

from linguaflex_desktop.services.booking.dto import SlotDTO
from linguaflex_desktop.ui import operations
from linguaflex_desktop.ui.booking.format import format_day, format_day_month, local
from linguaflex_desktop.ui.errors import inline_error_text
from linguaflex_desktop.ui.i18n import t
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.theme import themed

Load = Callable[[date, date], list[SlotDTO]]
DAYS = 7
MAX_WEEKS_AHEAD = 8
SlotRole = Qt.ItemDataRole.UserRole + 1


class SlotWeekView(QWidget):
    """Seven days of slots from ``week_start``; Previous / Next week move the window."""

    slot_selected = Signal(object)  # SlotDTO | None
    slots_loaded = Signal(object)  # list[SlotDTO]

    def __init__(
        self, *, runner: TaskRunner, zone_name: str, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.zone_name = zone_name
        self.today = today
        self.week_start = today
        self._load: Load | None = None
        self._generation = 0
        self._slots: list[SlotDTO] = []
        self.previous_button = QPushButton(t("← Previous week"))
        self.next_button = QPushButton(t("Next week →"))
        self.previous_button.clicked.connect(lambda: self.show_week(self.week_start - _WEEK))
        self.next_button.clicked.connect(lambda: self.show_week(self.week_start + _WEEK))
        self.week_label = QLabel()
        themed(self.week_label, "weekLabel")
        self.week_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.table = QTableWidget(0, DAYS)
        self.table.setObjectName("slotTable")
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setShowGrid(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setHighlightSections(False)
        self.table.itemSelectionChanged.connect(self._on_selection)
        self.message = QLabel(t("Loading free times…"))
        themed(self.message, "emptyState")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.message)
        self.stack.setCurrentWidget(self.message)
        navigation = QHBoxLayout()
        navigation.addWidget(self.previous_button)
        navigation.addWidget(self.week_label, 1)
        navigation.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(navigation)
        layout.addWidget(self.stack, 1)
        self._update_navigation()

    # --- public ---------------------------------------------------------------------------

    def set_loader(self, load: Load | None) -> None:
        """Use ``load`` for the slots and show the current week again."""
        self._load = load
        self.reload()

    def show_week(self, start: date) -> None:
        last_start = self.today + timedelta(weeks=MAX_WEEKS_AHEAD) - _WEEK
        self.week_start = min(max(start, self.today), last_start)
        self.reload()

    @Slot()
    def reload(self) -> None:
        """Fetch the slots of the shown week (older answers are ignored)."""
        self._generation += 1
        self._update_navigation()
        self._show_message(t("Loading free times…"))
        self.slot_selected.emit(None)
        if self._load is None:
            self._show_message(t("Choose a session length to see free times."))
            return
        load, generation = self._load, self._generation
        first, last = self.week_start, self.week_start + timedelta(days=DAYS - 1)
        operations.load(
            self.runner,
            lambda: load(first, last),
            on_success=lambda slots: self._on_slots(generation, slots),
            on_failure=lambda error: self._on_failed(generation, error),
            owner=self,
        )

    def slots(self) -> list[SlotDTO]:
        return list(self._slots)

    def selected_slot(self) -> SlotDTO | None:
        items = self.table.selectedItems()
        slot = items[0].data(SlotRole) if items else None
        return slot if isinstance(slot, SlotDTO) else None

    def select_slot(self, slot: SlotDTO) -> bool:
        """Select the cell of ``slot`` (as a click would); False if it is not shown."""
        for row in range(self.table.rowCount()):
            for column in range(self.table.columnCount()):
                item = self.table.item(row, column)
                if item is not None and item.data(SlotRole) == slot:
                    self.table.setCurrentItem(item)
                    self.table.scrollToItem(item)
                    return True
        return False

    def cell_of(self, slot: SlotDTO) -> tuple[int, int] | None:
        for row in range(self.table.rowCount()):
            for column in range(self.table.columnCount()):
                item = self.table.item(row, column)
                if item is not None and item.data(SlotRole) == slot:
                    return row, column
        return None

    # --- internals ------------------------------------------------------------------------

    def _on_slots(self, generation: int, slots: list[SlotDTO]) -> None:
        if generation != self._generation:
            return
        self._slots = list(slots)
        self._fill(self._slots)
        if not slots:
            self._show_message(t("No free times this week. Try the next week."))
        else:
            self.stack.setCurrentWidget(self.table)
        self.slots_loaded.emit(self._slots)

    def _on_failed(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            self._slots = []
            self._fill([])
            failed = t("The free times could not be loaded.")
            self._show_message(inline_error_text(error) or failed)
            self.slots_loaded.emit([])

    def _fill(self, slots: list[SlotDTO]) -> None:
        days = [self.week_start + timedelta(days=offset) for offset in range(DAYS)]
        by_cell: dict[tuple[str, date], SlotDTO] = {}
        for slot in slots:
            moment = local(slot.start_at, self.zone_name)
            by_cell.setdefault((f"{moment:%H:%M}", moment.date()), slot)
        times = sorted({time for time, _day in by_cell})
        self.table.blockSignals(True)
        self.table.clearContents()
        self.table.setRowCount(len(times))
        self.table.setHorizontalHeaderLabels([format_day_month(day) for day in days])
        for row, time_text in enumerate(times):
            for column, day in enumerate(days):
                cell = by_cell.get((time_text, day))
                item = QTableWidgetItem(time_text if cell else "")
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if cell is None:
                    item.setFlags(Qt.ItemFlag.NoItemFlags)
                else:
                    item.setData(SlotRole, cell)
                    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                    item.setToolTip(f"{format_day(day)}, {time_text} ({self.zone_name})")
                self.table.setItem(row, column, item)
        self.table.blockSignals(False)
        self.table.clearSelection()

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.stack.setCurrentWidget(self.message)

    def _update_navigation(self) -> None:
        last = self.week_start + timedelta(days=DAYS - 1)
        span = f"{format_day(self.week_start)} – {format_day(last)}"  # noqa: RUF001
        self.week_label.setText(t("{span}  ·  times in {zone}", span=span, zone=self.zone_name))
        self.previous_button.setEnabled(self.week_start > self.today)
        horizon = self.today + timedelta(weeks=MAX_WEEKS_AHEAD)
        self.next_button.setEnabled(self.week_start + _WEEK < horizon)

    @Slot()
    def _on_selection(self) -> None:
        self.slot_selected.emit(self.selected_slot())


_WEEK = timedelta(days=DAYS)
