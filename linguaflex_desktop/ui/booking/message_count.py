"""The signed-in user's unread booking messages in the status bar of their role window
("3 unread messages in your bookings"), hidden while there are none; a click opens the
booking with the most unread messages on its conversation.

It reloads when a "message" change is made in this app (a message sent or read) and each
time the inbox counts again after its first count (its poll brings the notices of messages
written elsewhere). GUI thread only; the count is queried on the TaskRunner.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QLabel

from linguaflex_desktop.services.messaging.conversation_dto import UnreadCounts
from linguaflex_desktop.ui.booking.detail_dialog import BookingDetailDialog, open_booking_detail
from linguaflex_desktop.ui.data_changed import refresh_on
from linguaflex_desktop.ui.i18n import number_text, t
from linguaflex_desktop.ui.operations import OpContext
from linguaflex_desktop.ui.operations import conversations as conversation_ops
from linguaflex_desktop.ui.theme import themed

if TYPE_CHECKING:
    from linguaflex_desktop.ui.inbox_page import UnreadNotices
    from linguaflex_desktop.ui.main_window_base import RoleWindow

log = logging.getLogger(__name__)


def unread_messages_text(count: int) -> str:
    if count == 1:
        return t("1 unread message in your bookings")
    return t("{count} unread messages in your bookings", count=number_text(count))


def busiest_booking(counts: UnreadCounts) -> int | None:
    """The booking with the most unread messages (the newest booking on a tie), or None."""
    if not counts.by_booking:
        return None
    return max(
        counts.by_booking, key=lambda booking_id: (counts.by_booking[booking_id], booking_id)
    )


class MessageCountLabel(QLabel):
    """Shows ``unread_messages_text``; ``counts`` is the last UnreadCounts loaded. A click
    opens the booking with the most unread messages on its conversation."""

    counts_loaded = Signal(object)  # UnreadCounts

    def __init__(self, window: RoleWindow) -> None:
        super().__init__()
        themed(self, "messagesStatus")
        self.setVisible(False)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(t("Open the booking with unread messages."))
        self._window = window
        self.counts = UnreadCounts(total=0)
        self.booking_dialog: BookingDetailDialog | None = None
        self._request = 0
        self._inbox_counts = 0

    @Slot()
    def reload(self, *_args: object) -> None:
        """Count again; an answer older than the latest request is dropped. A failure
        keeps the last count (the next reload tells)."""
        self._request += 1
        request, window = self._request, self._window
        conversation_ops.unread_counts(
            OpContext.of(window),
            window.actor,
            on_success=lambda counts: self._on_counts(counts) if request == self._request else None,
            on_failure=lambda error: log.warning("unread messages not counted: %s", error),
            owner=self,
        )

    @Slot()
    def after_inbox_count(self) -> None:
        """Count again after the inbox counted its unread messages, except after its first
        count: that comes with the label's own first count, among the window's first loads,
        and brings nothing newer. Later ones (its poll, its page loaded) may bring the
        notices of messages written elsewhere."""
        self._inbox_counts += 1
        if self._inbox_counts > 1:
            self.reload()

    def _on_counts(self, counts: UnreadCounts) -> None:
        self.counts = counts
        self.setText(unread_messages_text(counts.total))
        self.setVisible(counts.total > 0)
        self.counts_loaded.emit(counts)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.open_unread()
        super().mouseReleaseEvent(event)

    def open_unread(self) -> BookingDetailDialog | None:
        """Open the booking with the most unread messages (on its Messages); None if none."""
        booking_id = busiest_booking(self.counts)
        if booking_id is None:
            return None
        window = self._window
        self.booking_dialog = open_booking_detail(
            window,
            services=window.services,
            actor=window.actor,
            runner=window.runner,
            booking_id=booking_id,
        )
        return self.booking_dialog


def install_message_count(window: RoleWindow, inbox: UnreadNotices | None) -> MessageCountLabel:
    """Add the unread-messages label to ``window``'s status bar and keep it current."""
    label = MessageCountLabel(window)
    window.statusBar().addPermanentWidget(label)
    refresh_on(label, window.runner, ("message",), lambda _change: label.reload())
    if inbox is not None:
        inbox.counted.connect(label.after_inbox_count)
    label.reload()
    return label
