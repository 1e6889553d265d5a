"""Propose a new time for a booking: a week of free slots of the same length.

Either party may propose; the other accepts or declines in the booking's detail view. The
slots come from ``availability.free_slots`` for the booking's gig in the actor's zone.
Non-blocking: open with ``open()``; GUI thread only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from linguaflex_desktop.errors import Conflict, UserFacingError
from linguaflex_desktop.services.booking.dto import BookingDTO, RescheduleProposalDTO, SlotDTO
from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.ui.booking.book_session_dialog import today_in
from linguaflex_desktop.ui.booking.format import format_duration, format_span
from linguaflex_desktop.ui.booking.slot_week_view import SlotWeekView
from linguaflex_desktop.ui.errors import inline_error_text, show_error
from linguaflex_desktop.ui.i18n import t
from linguaflex_desktop.ui.operations import OpContext
from linguaflex_desktop.ui.operations import booking as booking_ops
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.theme import themed
from linguaflex_desktop.ui.widgets import make_heading, make_message_label, set_message

if TYPE_CHECKING:
    from linguaflex_desktop.bootstrap import AppServices


class RescheduleDialog(QDialog):
    """Choose a free slot and send it to the other party as a proposal."""

    proposal_made = Signal(object)  # RescheduleProposalDTO

    def __init__(
        self,
        *,
        services: AppServices,
        actor: Actor,
        runner: TaskRunner,
        booking: BookingDTO,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services, self.actor, self.runner, self.booking = services, actor, runner, booking
        self._proposing = False  # a proposal is being sent: Propose stays off
        self.setObjectName("rescheduleDialog")
        self.setWindowTitle(t("Propose a new time"))
        self.resize(820, 580)
        other = booking.teacher_name if actor.id == booking.student_id else booking.student_name
        current = format_span(booking.start_at, booking.end_at, actor.time_zone)
        intro = QLabel(
            t(
                "Now: {time} · {length}.\n{name} will be asked to accept the new time; until "
                "then the booking keeps its current time.",
                time=current,
                length=format_duration(booking.duration_minutes),
                name=other,
            )
        )
        themed(intro, "fieldNote")
        intro.setWordWrap(True)
        self.week = SlotWeekView(
            runner=runner, zone_name=actor.time_zone, today=today_in(services, actor.time_zone)
        )
        self.slot_label = QLabel(t("Choose a free time above."))
        themed(self.slot_label, "fieldNote")
        self.error_label = make_message_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.propose_button = self.buttons.addButton(
            t("Propose this time"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        themed(self.propose_button, "primaryButton")
        self.propose_button.setEnabled(False)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(make_heading(booking.gig_title))
        layout.addWidget(intro)
        layout.addWidget(self.week, 1)
        layout.addWidget(self.slot_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.week.slot_selected.connect(self._on_slot_selected)
        availability, gig_id = services.availability, booking.gig_id
        duration = booking.duration_minutes
        self.week.set_loader(
            lambda first, last: availability.free_slots(
                actor, gig_id, duration_minutes=duration, from_date=first, to_date=last
            )
        )

    @Slot()
    def submit(self) -> None:
        slot = self.week.selected_slot()
        if slot is None:
            return
        set_message(self.error_label, None)
        self._proposing = True
        self.propose_button.setEnabled(False)
        booking_ops.propose_reschedule(
            OpContext.of(self),
            self.actor,
            self.booking.id,
            start_at=slot.start_at,
            on_success=self._on_proposed,
            on_failure=self._on_failed,
            owner=self,
        )

    def _on_slot_selected(self, slot: SlotDTO | None) -> None:
        self.propose_button.setEnabled(slot is not None and not self._proposing)
        if slot is None:
            self.slot_label.setText(t("Choose a free time above."))
        else:
            span = format_span(slot.start_at, slot.end_at, self.actor.time_zone)
            self.slot_label.setText(t("New time: {time}", time=span))

    def _on_proposed(self, proposal: RescheduleProposalDTO) -> None:
        self.proposal_made.emit(proposal)
        self.accept()

    def _on_failed(self, error: BaseException) -> None:
        self._proposing = False
        self.propose_button.setEnabled(self.week.selected_slot() is not None)
        if not isinstance(error, UserFacingError):
            show_error(self, error)
            return
        set_message(self.error_label, inline_error_text(error))
        if isinstance(error, Conflict):
            self.week.reload()
