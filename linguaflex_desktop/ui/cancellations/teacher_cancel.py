"""The teacher's "Cancel booking…" for a paid session on their schedule: the student is always
refunded in full (``Cancellations.cancel_as_teacher``), and reads the teacher's reason. Added
to the schedule page's button row; follows its selection. GUI thread only.
"""

from __future__ import annotations

import uuid
from functools import partial

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QPushButton

from linguaflex_desktop.services.booking.dto import BookingDTO
from linguaflex_desktop.services.booking.policy import MAX_CANCEL_REASON_LENGTH, is_paid_and_open
from linguaflex_desktop.texts import tx
from linguaflex_desktop.ui.booking.format import format_when
from linguaflex_desktop.ui.booking.list_page import BookingListPage
from linguaflex_desktop.ui.booking.reason_dialog import KEEP_BOOKING_TEXT
from linguaflex_desktop.ui.i18n import localize, t
from linguaflex_desktop.ui.operations import OpContext
from linguaflex_desktop.ui.operations import cancellations as cancellation_ops
from linguaflex_desktop.ui.theme import themed

# shown with ``localize``
CANCEL_TEXT = tx("Cancel booking…")
FULL_REFUND_NOTE = tx(
    "The student is refunded in full, and reads your reason (required). A cancelled session "
    "cannot be restored."
)


class TeacherCancel(QObject):
    """A "Cancel booking…" button on ``page`` for the selected paid, confirmed session."""

    def __init__(self, page: BookingListPage) -> None:
        super().__init__(page)
        self.page = page
        self.button = QPushButton(localize(CANCEL_TEXT))
        themed(self.button, "dangerButton")
        self.button.setToolTip(t("Cancelling a paid session refunds the student in full."))
        self.button.setEnabled(False)
        self.button.clicked.connect(self.cancel_selected)
        page.add_action(self.button)
        page.booking_selected.connect(self._on_selected)

    def _on_selected(self, booking: BookingDTO | None) -> None:
        self.button.setEnabled(booking is not None and is_paid_and_open(booking))

    @Slot()
    def cancel_selected(self) -> None:
        page = self.page
        booking = page.selected_booking()
        if booking is None or not is_paid_and_open(booking):
            return
        when = format_when(booking.start_at, page.actor.time_zone)
        question = t(
            "Cancel “{gig}” with {name} on {when}?",
            gig=booking.gig_title,
            name=booking.student_name,
            when=when,
        )
        page.ask_reason(
            title=t("Cancel booking"),
            prompt=f"{question}\n\n{localize(FULL_REFUND_NOTE)}",
            confirm_text=t("Cancel and refund"),
            dismiss_text=KEEP_BOOKING_TEXT,
            maximum=MAX_CANCEL_REASON_LENGTH,
            then=lambda reason: self._cancel(booking, reason),
        )

    def _cancel(self, booking: BookingDTO, reason: str) -> None:
        page = self.page
        page.run_transition(
            partial(
                cancellation_ops.cancel_paid_as_teacher,
                OpContext.of(page),
                page.actor,
                booking.id,
                reason=reason,
                # one key per confirmed question: a repeat of the same cancel refunds once
                request_key=f"teacher-cancel-{booking.id}-{uuid.uuid4().hex}",
            ),
            done_text=t("The session was cancelled and the student refunded in full."),
        )
