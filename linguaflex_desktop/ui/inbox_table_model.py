"""Qt table model over the inbox's NotificationDTOs: unread rows in bold. GUI thread only."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from linguaflex_desktop.services.messaging.notifications import NotificationDTO
from linguaflex_desktop.texts import tx
from linguaflex_desktop.ui.i18n import localize, t, when_text
from linguaflex_desktop.ui.row_table_model import Column, RowTableModel

KIND_TEXT = {
    "requested": tx("Booking request"),
    "confirmed": tx("Confirmed"),
    "declined": tx("Declined"),
    "cancelled": tx("Cancelled"),
    "expired": tx("Request expired"),
    "payment_overdue": tx("Payment overdue"),
    "paid": tx("Paid"),
    "meeting_ready": tx("Meeting link"),
    "refunded": tx("Refunded"),
    "partially_refunded": tx("Partially refunded"),
    "rescheduled": tx("Rescheduled"),
    "completed": tx("Completed"),
    "reminder_24h": tx("Reminder"),
    "reminder_1h": tx("Reminder"),
    "review_hidden": tx("Review hidden"),
    "message": tx("Message"),
    "cancellation_requested": tx("Cancellation request"),
    "cancellation_answered": tx("Cancellation answered"),
}


def kind_text(kind: str) -> str:
    """The kind of a notice in the current language (an unknown kind as its words)."""
    known = KIND_TEXT.get(kind)
    return localize(known) if known is not None else kind.replace("_", " ").capitalize()


def booking_text(message: NotificationDTO) -> str:
    """'#12 · Confirmed' (just the kind for a message about no booking)."""
    if message.booking_id is None:
        return kind_text(message.kind)
    return f"#{message.booking_id} · {kind_text(message.kind)}"


def inbox_columns(zone_name: str) -> tuple[Column[NotificationDTO], ...]:
    return (
        Column(tx("Subject"), lambda message: message.subject),
        Column(tx("Booking"), booking_text),
        Column(tx("Received"), lambda message: when_text(message.created_at, zone_name)),
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

    ROW_ROLES = frozenset({Qt.ItemDataRole.FontRole, Qt.ItemDataRole.AccessibleDescriptionRole})

    def row_data(self, item: NotificationDTO, role: int) -> Any:
        """Unread rows in bold, and said to be so to assistive technology."""
        if role == Qt.ItemDataRole.FontRole:
            return None if item.is_read else self._bold
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return t("read") if item.is_read else t("unread")
        return None
