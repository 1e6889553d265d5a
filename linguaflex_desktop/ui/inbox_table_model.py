"""Qt table model over the inbox's NotificationDTOs: unread rows in bold. GUI thread only."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from ..services.notification_service import NotificationDTO
from .booking_format import format_when

Index = QModelIndex | QPersistentModelIndex

COLUMNS = ("Subject", "Booking", "Received")
KIND_TEXT = {
    "requested": "Booking request",
    "confirmed": "Confirmed",
    "declined": "Declined",
    "cancelled": "Cancelled",
    "expired": "Request expired",
    "payment_overdue": "Payment overdue",
    "paid": "Paid",
    "meeting_ready": "Meeting link",
    "refunded": "Refunded",
    "rescheduled": "Rescheduled",
    "completed": "Completed",
    "reminder_24h": "Reminder",
    "reminder_1h": "Reminder",
}


def kind_text(kind: str) -> str:
    return KIND_TEXT.get(kind, kind.replace("_", " ").capitalize())


class InboxTableModel(QAbstractTableModel):
    """Newest first, as the service returns them; times in ``zone_name``."""

    def __init__(self, zone_name: str, parent: Any = None) -> None:
        super().__init__(parent)
        self._zone_name = zone_name
        self._messages: list[NotificationDTO] = []
        self._bold = QFont()
        self._bold.setBold(True)

    def set_messages(self, messages: Iterable[NotificationDTO]) -> None:
        self.beginResetModel()
        self._messages = list(messages)
        self.endResetModel()

    def message_at(self, row: int) -> NotificationDTO:
        return self._messages[row]

    def row_of(self, notification_id: int) -> int | None:
        return next(
            (row for row, item in enumerate(self._messages) if item.id == notification_id), None
        )

    def replace_message(self, message: NotificationDTO) -> None:
        row = self.row_of(message.id)
        if row is None:
            return
        self._messages[row] = message
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._messages)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        message = self._messages[index.row()]
        if role == Qt.ItemDataRole.FontRole:
            return None if message.is_read else self._bold
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return "read" if message.is_read else "unread"
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        values = (
            message.subject,
            f"#{message.booking_id} · {kind_text(message.kind)}"
            if message.booking_id is not None
            else kind_text(message.kind),
            format_when(message.created_at, self._zone_name),
        )
        return values[index.column()]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None
