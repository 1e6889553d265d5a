"""The teacher's request queue: open requests, most urgent first; confirm or decline.

The queue is the teacher's PENDING requests still inside their answer window, so it is short
and loaded whole. Confirm / decline send the version the teacher saw; if the student
cancelled or changed it meanwhile, the message is shown and the queue reloaded. GUI thread.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from linguaflex_desktop.models.enums import BookingStatus
from linguaflex_desktop.services.booking.dto import BookingDTO
from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.ui.booking.format import format_when
from linguaflex_desktop.ui.booking.list_page import BookingListPage
from linguaflex_desktop.ui.booking.table_model import BookingColumn
from linguaflex_desktop.ui.i18n import t
from linguaflex_desktop.ui.operations import OpContext
from linguaflex_desktop.ui.operations import booking as booking_ops
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.theme import themed
from linguaflex_desktop.ui.widgets import make_heading, set_message

if TYPE_CHECKING:
    from linguaflex_desktop.bootstrap import AppServices


class TeacherRequestsPage(BookingListPage):
    """Requests waiting for the signed-in teacher's answer."""

    queue_changed = Signal(int)  # how many requests are waiting

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
                BookingColumn.TOTAL,
                BookingColumn.RESPOND_BY,
            ),
            empty_text=t("No requests are waiting for you."),
            parent=parent,
        )
        self.refresh_button = QPushButton(t("Refresh"))
        self.refresh_button.clicked.connect(lambda: self.reload())
        self.decline_button = QPushButton(t("Decline…"))
        themed(self.decline_button, "dangerButton")
        self.decline_button.clicked.connect(self.decline_selected)
        self.confirm_button = QPushButton(t("Confirm"))
        themed(self.confirm_button, "primaryButton")
        self.confirm_button.clicked.connect(self.confirm_selected)
        self.button_row.addWidget(self.decline_button)
        self.button_row.addWidget(self.confirm_button)
        top = QHBoxLayout()
        top.addWidget(make_heading(t("Requests")))
        top.addStretch(1)
        top.addWidget(self.refresh_button)
        note = QLabel(
            t(
                "Answer each request before its deadline; times are in your zone, {zone}.",
                zone=actor.time_zone,
            )
        )
        themed(note, "fieldNote")
        self.build_layout(top, note)
        self.reload()

    def reload(self) -> None:
        booking_ops.teacher_request_queue(
            OpContext.of(self),
            self.actor,
            on_success=self._on_queue,
            on_failure=self._on_load_failed,
            owner=self,
        )

    def _on_queue(self, queue: list[BookingDTO]) -> None:
        selected = self.selected_booking()
        self.model.set_bookings(queue)
        self._on_page_loaded(None)
        if selected is not None:
            self.select_booking(selected.id)
        self.queue_changed.emit(len(queue))

    def update_action_buttons(self, booking: BookingDTO | None) -> None:
        waiting = booking is not None and booking.status is BookingStatus.PENDING
        self.confirm_button.setEnabled(waiting)
        self.decline_button.setEnabled(waiting)

    @Slot()
    def confirm_selected(self) -> None:
        booking = self.selected_booking()
        if booking is None:
            return
        self.run_transition(
            partial(booking_ops.confirm_booking, OpContext.of(self), self.actor, booking),
            done_text=t(
                "Confirmed. {name} can now pay for the session.", name=booking.student_name
            ),
            on_done=self._answered,
        )

    @Slot()
    def decline_selected(self) -> None:
        booking = self.selected_booking()
        if booking is None:
            return
        when = format_when(booking.start_at, self.actor.time_zone)
        dialog = self.ask_reason(
            title=t("Decline request"),
            prompt=t(
                "Decline {name}'s request for {when}? The reason is shown to the student.",
                name=booking.student_name,
                when=when,
            ),
            confirm_text=t("Decline"),
            then=lambda reason: self._decline(booking, reason),
        )
        dialog.reason_edit.setPlaceholderText(t("Reason for the student (required)"))

    def _decline(self, booking: BookingDTO, reason: str) -> None:
        if not reason:
            set_message(self.error_label, t("Give the student a reason when you decline."))
            return
        self.run_transition(
            partial(
                booking_ops.decline_booking, OpContext.of(self), self.actor, booking, reason=reason
            ),
            done_text=t("Declined. {name} has been told why.", name=booking.student_name),
            on_done=self._answered,
        )

    def _answered(self, booking: BookingDTO) -> None:
        """An answered request leaves the queue."""
        self.model.remove_booking(booking.id)
        self.update_summary()
        self.queue_changed.emit(self.model.rowCount())
