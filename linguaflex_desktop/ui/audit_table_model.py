"""A lazily paged Qt table model over audit events (the admin's "Audit" tab).

Like ``BookingTableModel``: it holds a ``fetch(offset, limit) -> Page[AuditEventDTO]``
callable, runs it on the TaskRunner, and appends pages as the view scrolls (``canFetchMore`` /
``fetchMore``), so 200,000 events never load more than the rows looked at. Answers of an older
query are dropped. GUI thread only; the fetch runs on a pool thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from ..services.dto import Page
from ..services.report_dto import AuditEventDTO
from .booking_format import format_when
from .task_runner import TaskRunner

Index = QModelIndex | QPersistentModelIndex
Fetch = Callable[[int, int], Page[AuditEventDTO]]
DEFAULT_PAGE_SIZE = 100
COLUMNS = ("When", "Who", "Action", "Record", "Reason")
SYSTEM = "System"
ENTITY_TEXT = {
    "booking": "Booking",
    "payment": "Payment",
    "refund": "Refund",
    "user": "User",
    "gig": "Gig",
    "saved_card": "Saved card",
    "outbox_job": "Job",
    "settings": "Settings",
}


def entity_text(entity_type: str) -> str:
    return ENTITY_TEXT.get(entity_type, entity_type.replace("_", " ").capitalize())


def record_text(event: AuditEventDTO) -> str:
    """'Booking #12' (or 'Settings' for a record without a number)."""
    name = entity_text(event.entity_type)
    return name if event.entity_id is None else f"{name} #{event.entity_id}"


def actor_text(event: AuditEventDTO) -> str:
    return event.actor_name or SYSTEM


class AuditTableModel(QAbstractTableModel):
    """Rows of audit events, newest first, loaded a page at a time; times in ``zone_name``."""

    page_loaded = Signal(object)  # Page[AuditEventDTO]
    load_failed = Signal(object)  # BaseException

    def __init__(
        self,
        *,
        runner: TaskRunner,
        zone_name: str,
        page_size: int = DEFAULT_PAGE_SIZE,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self.zone_name = zone_name
        self.page_size = page_size
        self._rows: list[AuditEventDTO] = []
        self._fetch: Fetch | None = None
        self._total = 0
        self._generation = 0
        self._loading = False

    @property
    def total(self) -> int:
        """How many events the query matches (known after the first page)."""
        return self._total

    @property
    def is_loading(self) -> bool:
        return self._loading

    def set_query(self, fetch: Fetch) -> None:
        """Use ``fetch`` from now on and load its first page (rows are replaced then)."""
        self._fetch = fetch
        self.reload()

    def reload(self) -> None:
        """Load the first page again; older answers still in flight are ignored."""
        self._generation += 1
        if self._fetch is not None:
            self._load(0, replace=True)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or self._fetch is None or self._loading:
            return False
        return len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._load(len(self._rows), replace=False)

    def _load(self, offset: int, *, replace: bool) -> None:
        fetch, limit, generation = self._fetch, self.page_size, self._generation
        assert fetch is not None
        self._loading = True
        self._runner.run(
            lambda: fetch(offset, limit),
            on_success=lambda page: self._on_page(generation, page, replace),
            on_failure=lambda error: self._on_failed(generation, error),
            owner=self,
        )

    def _on_page(self, generation: int, page: Page[AuditEventDTO], replace: bool) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self._total = page.total
        if replace:
            self.beginResetModel()
            self._rows = list(page.items)
            self.endResetModel()
        elif page.items:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.items) - 1)
            self._rows.extend(page.items)
            self.endInsertRows()
        self.page_loaded.emit(page)

    def _on_failed(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            self._loading = False
            self.load_failed.emit(error)

    # --- rows -----------------------------------------------------------------------------

    def event_at(self, row: int) -> AuditEventDTO:
        return self._rows[row]

    def events(self) -> tuple[AuditEventDTO, ...]:
        return tuple(self._rows)

    def cell_text(self, row: int, header: str) -> str:
        return self._text(self._rows[row], COLUMNS.index(header))

    # --- QAbstractTableModel ----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            event = self._rows[index.row()]
            text = self._text(event, index.column())
            if role == Qt.ItemDataRole.ToolTipRole and index.column() == 1 and event.actor_email:
                return f"{text} ({event.actor_email})"
            return text
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def _text(self, event: AuditEventDTO, column: int) -> str:
        match COLUMNS[column]:
            case "When":
                return format_when(event.created_at, self.zone_name)
            case "Who":
                return actor_text(event)
            case "Action":
                return event.action
            case "Record":
                return record_text(event)
            case _:
                return event.reason
