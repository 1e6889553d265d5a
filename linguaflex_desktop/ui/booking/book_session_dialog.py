"""Book a session from a gig: session length, a week of free slots, the price with the fee.

The price comes from the service (``quotes.quote_booking``) before the student confirms; the
booking itself is requested through ``bookings.request_booking``. A slot taken meanwhile
shows its message and reloads the week. Non-blocking: open with ``open()``; GUI thread only.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from linguaflex_desktop.errors import Conflict, UserFacingError
from linguaflex_desktop.services.booking.dto import BookingDTO, SlotDTO
from linguaflex_desktop.services.booking.rules import MAX_NOTE_LENGTH
from linguaflex_desktop.services.common.dto import Actor, GigDTO
from linguaflex_desktop.services.common.pricing import Price
from linguaflex_desktop.ui.booking.format import format_duration, format_span, local, quote_text
from linguaflex_desktop.ui.booking.slot_week_view import SlotWeekView
from linguaflex_desktop.ui.errors import inline_error_text, show_error
from linguaflex_desktop.ui.field_limits import LengthLimit
from linguaflex_desktop.ui.i18n import money_text, t
from linguaflex_desktop.ui.operations import OpContext
from linguaflex_desktop.ui.operations import booking as booking_ops
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.theme import themed
from linguaflex_desktop.ui.widgets import make_heading, make_message_label, set_message

if TYPE_CHECKING:
    from linguaflex_desktop.bootstrap import AppServices

PREFERRED_DURATION = 60


def today_in(services: AppServices, zone_name: str) -> date:
    """Today's date in ``zone_name`` by the services' clock (so tests can set the date)."""
    return local(services.ctx.now(), zone_name).date()


class BookSessionDialog(QDialog):
    """Pick a length and a free slot, see the price, add a note, request the session."""

    booking_requested = Signal(object)  # BookingDTO
    quote_loaded = Signal(object)  # Price

    def __init__(
        self,
        *,
        services: AppServices,
        actor: Actor,
        runner: TaskRunner,
        gig: GigDTO,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services, self.actor, self.runner, self.gig = services, actor, runner, gig
        self.price: Price | None = None
        self._quote_request = 0
        self._requesting = False  # a request is running: Request stays off
        self.setObjectName("bookSessionDialog")
        self.setWindowTitle(t("Book “{title}”", title=gig.title))
        self.resize(860, 640)
        self.duration_combo = QComboBox()
        for minutes in gig.allowed_durations:
            self.duration_combo.addItem(format_duration(minutes), minutes)
        preferred = self.duration_combo.findData(PREFERRED_DURATION)
        self.duration_combo.setCurrentIndex(max(preferred, 0))
        self.week = SlotWeekView(
            runner=runner, zone_name=actor.time_zone, today=today_in(services, actor.time_zone)
        )
        self.slot_label = QLabel(t("Choose a free time in the week above."))
        themed(self.slot_label, "fieldNote")
        self.slot_label.setWordWrap(True)
        self.price_label = QLabel(t("Working out the price…"))
        themed(self.price_label, "fieldNote")
        self.total_label = QLabel()
        themed(self.total_label, "priceTotal")
        self.note_edit = QPlainTextEdit()
        self.note_edit.setPlaceholderText(t("Optional: a note for the teacher (goals, level, …)"))
        self.note_edit.setMaximumHeight(70)
        self.note_limit = LengthLimit(self.note_edit, MAX_NOTE_LENGTH, what=t("note"))
        self.note_limit.valid_changed.connect(lambda _valid: self._update_button())
        self.error_label = make_message_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.request_button = self.buttons.addButton(
            t("Request booking"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        themed(self.request_button, "primaryButton")
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self._build()
        self.duration_combo.currentIndexChanged.connect(self._on_duration_changed)
        self.week.slot_selected.connect(self._on_slot_selected)
        self._on_duration_changed()

    def _build(self) -> None:
        rate = money_text(self.gig.hourly_rate_minor, self.gig.currency)
        subtitle = QLabel(
            t("with {teacher} · {rate} / h", teacher=self.gig.teacher_name, rate=rate)
        )
        themed(subtitle, "fieldNote")
        self.duration_combo.setMinimumWidth(140)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(t("Session length"), self.duration_combo)
        summary = QFormLayout()
        summary.addRow(t("Time"), self.slot_label)
        summary.addRow(t("Price"), self.price_label)
        summary.addRow(t("Total"), self.total_label)
        summary.addRow(t("Note"), self.note_edit)
        summary.addRow("", self.note_limit.label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(make_heading(self.gig.title))
        layout.addWidget(subtitle)
        layout.addLayout(form)
        layout.addWidget(self.week, 1)
        layout.addLayout(summary)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    # --- public ---------------------------------------------------------------------------

    def duration(self) -> int:
        return int(self.duration_combo.currentData())

    def selected_slot(self) -> SlotDTO | None:
        return self.week.selected_slot()

    @Slot()
    def submit(self) -> None:
        """Request the selected slot (the button is disabled until a slot and price exist)."""
        slot = self.selected_slot()
        if slot is None or self.price is None:
            return
        set_message(self.error_label, None)
        self._requesting = True
        self.request_button.setEnabled(False)
        self.request_button.setText(t("Requesting…"))
        booking_ops.request_booking(
            OpContext.of(self),
            self.actor,
            gig_id=self.gig.id,
            start_at=slot.start_at,
            duration_minutes=self.duration(),
            note=self.note_edit.toPlainText(),
            on_success=self._on_requested,
            on_failure=self._on_request_failed,
            owner=self,
        )

    # --- internals ------------------------------------------------------------------------

    @Slot()
    def _on_duration_changed(self, *_args: object) -> None:
        duration = self.duration()
        availability, actor, gig_id = self.services.availability, self.actor, self.gig.id
        self.week.set_loader(
            lambda first, last: availability.free_slots(
                actor, gig_id, duration_minutes=duration, from_date=first, to_date=last
            )
        )
        self._load_quote(duration)

    def _load_quote(self, duration: int) -> None:
        self.price = None
        self._quote_request += 1
        request = self._quote_request
        self.price_label.setText(t("Working out the price…"))
        self.total_label.setText("")
        self._update_button()
        actor, gig_id = self.actor, self.gig.id
        booking_ops.quote_booking(
            OpContext.of(self),
            actor,
            gig_id,
            duration_minutes=duration,
            on_success=lambda price: self._on_quote(request, price),
            on_failure=lambda error: self._on_quote_failed(request, error),
            owner=self,
        )

    def _on_quote(self, request: int, price: Price) -> None:
        if request != self._quote_request:
            return
        self.price = price
        self.price_label.setText(quote_text(price))
        self.total_label.setText(money_text(price.total_minor, price.currency))
        self._update_button()
        self.quote_loaded.emit(price)

    def _on_quote_failed(self, request: int, error: BaseException) -> None:
        if request == self._quote_request:
            self.price_label.setText(t("The price could not be worked out."))
            set_message(self.error_label, inline_error_text(error))

    def _on_slot_selected(self, slot: SlotDTO | None) -> None:
        if slot is None:
            self.slot_label.setText(t("Choose a free time in the week above."))
        else:
            mine = format_span(slot.start_at, slot.end_at, self.actor.time_zone)
            text = mine
            if self.gig.teacher_time_zone != self.actor.time_zone:
                theirs = format_span(slot.start_at, slot.end_at, self.gig.teacher_time_zone)
                theirs_line = t("For {name}: {time}", name=self.gig.teacher_name, time=theirs)
                text = f"{mine}\n{theirs_line}"
            self.slot_label.setText(text)
        self._update_button()

    def _update_button(self) -> None:
        ready = self.selected_slot() is not None and self.price is not None
        ready = ready and self.note_limit.is_valid()
        self.request_button.setEnabled(ready and not self._requesting)

    def _on_requested(self, booking: BookingDTO) -> None:
        self.booking_requested.emit(booking)
        self.accept()

    def _on_request_failed(self, error: BaseException) -> None:
        self._requesting = False
        self.request_button.setText(t("Request booking"))
        if isinstance(error, UserFacingError):
            set_message(self.error_label, inline_error_text(error))
            if isinstance(error, Conflict):
                self.week.reload()  # the slot is gone: show what is still free
        else:
            show_error(self, error)
        self._update_button()
