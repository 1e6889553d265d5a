"""Qt table model over the inbox's NotificationDTOs: unread rows in bold. GUI thread only."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from linguaflex_desktop.services.messaging.notifications import NotificationDTO
from linguaflex_desktop.ui.booking.format import format_when
from linguaflex_desktop.ui.row_table_model import Column, RowTableModel

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
    "partially_refunded": "Partially refunded",
    "rescheduled": "Rescheduled",
    "completed": "Completed",
    "reminder_24h": "Reminder",
    "reminder_1h": "Reminder",
    "review_hidden": "Review hidden",
    "message": "Message",
    "cancellation_requested": "Cancellation request",
    "cancellation_answered": "Cancellation answered",
}


def kind_text(kind: str) -> str:
    return KIND_TEXT.get(kind, kind.replace("_", " ").capitalize())


def booking_text(message: NotificationDTO) -> str:
    """'#12 · Confirmed' (just the kind for a message about no booking)."""
    if message.booking_id is None:
        return kind_text(message.kind)
    return f"#{message.booking_id} · {kind_text(message.kind)}"


def inbox_columns(zone_name: str) -> tuple[Column[NotificationDTO], ...]:
    return (
        Column("Subject", lambda message: message.subject),
        Column("Booking", booking_text),
        Column("Received", lambda message: format_when(message.created_at, zone_name)),
    )


COLUMNS = tuple(column.header for column in inbox_columns("UTC"))  # the zone names no header


class InboxTableModel(RowTableModel[NotificationDTO]):
    """Newest first, as the service returns them; times in ``zone_name``."""

    def __init__(self, zone_name: str, parent: Any = None) -> None:
        super().__init__(inbox_columns(zone_name), key=lambda message: message.id, parent=parent)
        self._bold = QFont()
        self._bold.setBold(True)

    def set_messages(self, messages: Iterable[NotificationDTO]) -> None:
        self.set_rows(messages)

    def message_at(self, row: int) -> NotificationDTO:
        return self.row_at(row)

    def replace_message(self, message: NotificationDTO) -> None:
        self.replace_row(message)

    def row_data(self, item: NotificationDTO, role: int) -> Any:
        """Unread rows in bold, and said to be so to assistive technology."""
        if role == Qt.ItemDataRole.FontRole:
            return None if item.is_read else self._bold
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return "read" if item.is_read else "unread"
        return None
