"""The student's "My bookings": upcoming / past / all, with booking, payment and meeting
status (and "New time proposed" while a reschedule waits), details, cancel, reschedule and
"Join session" for a paid booking whose meeting is ready.

Payment plugs in here: the payment UI adds its buttons with ``add_action`` (e.g. "Pay…"),
follows ``booking_selected`` to enable them, and calls ``refresh_booking(booking_id)`` when a
payment changed a booking. GUI thread only.
"""

from __future__ import annotations

import uuid
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from linguaflex_desktop.services.booking.dto import BookingDTO, BookingFilter
from linguaflex_desktop.services.booking.policy import (
    MAX_CANCEL_REASON_LENGTH,
    CancelOption,
    student_cancel_option,
    student_cancel_text,
)
from linguaflex_desktop.services.booking.rules import OPEN_STATUSES, can_reschedule
from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.ui.booking.format import format_when
from linguaflex_desktop.ui.booking.list_page import BookingListPage
from linguaflex_desktop.ui.booking.rate_action import install_rate_action
from linguaflex_desktop.ui.booking.reason_dialog import KEEP_BOOKING_TEXT
from linguaflex_desktop.ui.booking.table_model import BookingColumn
from linguaflex_desktop.ui.i18n import localize, t
from linguaflex_desktop.ui.operations import OpContext
from linguaflex_desktop.ui.operations import booking as booking_ops
from linguaflex_desktop.ui.operations import cancellations as cancellation_ops
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.theme import themed
from linguaflex_desktop.ui.widgets import make_heading

if TYPE_CHECKING:
    from linguaflex_desktop.bootstrap import AppServices

UPCOMING, PAST, ALL = "upcoming", "past", "all"


class MyBookingsPage(BookingListPage):
    """The signed-in student's bookings, lazily paged."""

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
                BookingColumn.GIG,
                BookingColumn.TEACHER,
                BookingColumn.DURATION,
                BookingColumn.STATUS,
                BookingColumn.PAYMENT,
                BookingColumn.MEETING,
                BookingColumn.TOTAL,
            ),
            empty_text=t("No bookings here yet.\nFind a teacher and book a session."),
            parent=parent,
        )
        self.show_combo = QComboBox()
        self.show_combo.addItem(t("Upcoming", sense="bookings"), UPCOMING)
        self.show_combo.addItem(t("Past"), PAST)
        self.show_combo.addItem(t("All bookings"), ALL)
        self.show_combo.currentIndexChanged.connect(lambda _index: self.reload())
        self.refresh_button = QPushButton(t("Refresh"))
        self.refresh_button.clicked.connect(lambda: self.reload())
        self.reschedule_button = QPushButton(t("Reschedule…"))
        self.reschedule_button.clicked.connect(self.reschedule_selected)
        self.cancel_button = QPushButton(t("Cancel booking…"))
        themed(self.cancel_button, "dangerButton")
        self.cancel_button.clicked.connect(self.cancel_selected)
        for button in (self.reschedule_button, self.cancel_button):
            self.button_row.addWidget(button)
        self.join_button = self.install_meeting_button()
        self.rate_action = install_rate_action(self)
        top = QHBoxLayout()
        top.addWidget(make_heading(t("My bookings")))
        top.addStretch(1)
        top.addWidget(QLabel(t("Show")))
        top.addWidget(self.show_combo)
        top.addWidget(self.refresh_button)
        zone_note = QLabel(t("Times are shown in your time zone, {zone}.", zone=actor.time_zone))
        themed(zone_note, "fieldNote")
        self._pending_selection = 0
        self.build_layout(top, zone_note)
        self.reload()

    def filters(self) -> BookingFilter:
        now = self.services.ctx.now()
        match self.show_combo.currentData():
            case "upcoming":
                return BookingFilter(statuses=OPEN_STATUSES, start_from=now)
            case "past":
                return BookingFilter(start_to=now, newest_first=True)
            case _:
                return BookingFilter(newest_first=True)

    def reload(self) -> None:
        bookings, actor, filters = self.services.bookings, self.actor, self.filters()
        self.model.set_query(
            lambda offset, limit: bookings.list_bookings(
                actor, filters=filters, offset=offset, limit=limit
            )
        )

    def show_new_booking(self, booking: BookingDTO) -> None:
        """After a request: show upcoming bookings and select the new one when it arrives."""
        self.bookings_loaded.connect(self._select_pending)
        self._pending_selection = booking.id
        self.show_combo.setCurrentIndex(self.show_combo.findData(UPCOMING))
        self.reload()

    def _select_pending(self) -> None:
        self.bookings_loaded.disconnect(self._select_pending)
        self.select_booking(self._pending_selection)

    def cancel_option(self, booking: BookingDTO | None) -> CancelOption:
        """What "Cancel booking…" does for ``booking`` now (the policy decides)."""
        if booking is None:
            return "none"
        return student_cancel_option(booking, self.services.ctx.now())

    def update_action_buttons(self, booking: BookingDTO | None) -> None:
        option = self.cancel_option(booking)
        self.cancel_button.setEnabled(option != "none")
        self.reschedule_button.setEnabled(booking is not None and can_reschedule(booking))
        self.cancel_button.setToolTip(
            localize(student_cancel_text(option)) if option in ("refund", "request") else ""
        )

    @Slot()
    def reschedule_selected(self) -> None:
        booking = self.selected_booking()
        if booking is not None and can_reschedule(booking):
            self.open_reschedule(booking)

    @Slot()
    def cancel_selected(self) -> None:
        booking = self.selected_booking()
        option = self.cancel_option(booking)
        if booking is None or option == "none":
            return
        when = format_when(booking.start_at, self.actor.time_zone)
        names = {"gig": booking.gig_title, "name": booking.teacher_name, "when": when}
        policy = localize(student_cancel_text(option))
        if option == "request":
            question = t("Ask to cancel “{gig}” with {name} on {when}?", **names)
            self.ask_reason(
                title=t("Ask to cancel"),
                prompt=f"{question}\n\n{policy}",
                confirm_text=t("Ask to cancel"),
                dismiss_text=KEEP_BOOKING_TEXT,
                then=lambda reason: self._ask_to_cancel(booking, reason),
            )
            return
        prompt = t("Cancel “{gig}” with {name} on {when}?", **names)
        if option == "refund":
            prompt += f"\n\n{policy}"
        self.ask_reason(
            title=t("Cancel booking"),
            prompt=prompt,
            confirm_text=t("Cancel booking"),
            dismiss_text=KEEP_BOOKING_TEXT,
            maximum=MAX_CANCEL_REASON_LENGTH,
            then=lambda reason: self._cancel(booking, option, reason),
        )

    def _cancel(self, booking: BookingDTO, option: CancelOption, reason: str) -> None:
        if option == "refund":
            # one key per confirmed question: a repeat of the same cancel refunds once
            start = partial(
                cancellation_ops.cancel_paid_as_student,
                OpContext.of(self),
                self.actor,
                booking.id,
                reason=reason,
                request_key=f"self-cancel-{booking.id}-{uuid.uuid4().hex}",
            )
            done = t("The booking was cancelled and your payment is refunded in full.")
        else:
            start = partial(
                booking_ops.cancel_booking,
                OpContext.of(self),
                self.actor,
                booking.id,
                reason=reason,
                expected_version=booking.version,
            )
            done = t("The booking was cancelled.")
        self.run_transition(start, done_text=done)

    def _ask_to_cancel(self, booking: BookingDTO, reason: str) -> None:
        self.run_transition(
            partial(
                cancellation_ops.ask_to_cancel,
                OpContext.of(self),
                self.actor,
                booking.id,
                reason=reason,
            ),
            done_text=t("Your request to cancel was sent to the teacher and LinguaFlex."),
        )
