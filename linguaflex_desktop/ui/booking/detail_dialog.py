"""One booking in full: both parties' local times, price, deadlines, open reschedule
proposal (accept / decline for the other party), the online session, the teacher's "Mark
completed" (a paid session that has ended), and in tabs the audit trail (History) and the
conversation between student and teacher (Messages; it comes to the front when it opens with
unread messages).

Loads ``bookings.get_booking`` on the TaskRunner. Non-blocking: open with ``open()``.
GUI thread only.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from linguaflex_desktop.errors import Conflict
from linguaflex_desktop.models.enums import BookingStatus, PaymentStatus
from linguaflex_desktop.services.booking.dto import BookingDetailDTO, BookingDTO
from linguaflex_desktop.services.booking.policy import policy_text
from linguaflex_desktop.services.booking.rules import (
    OPEN_STATUSES,
    awaits_payment,
    can_answer_proposal,
    can_complete,
    complete_refusal,
)
from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.services.payments.cancellation_dto import CancellationRequestDTO
from linguaflex_desktop.texts import tx
from linguaflex_desktop.ui.booking.actions import COMPLETE_TEXT, is_own_teacher
from linguaflex_desktop.ui.booking.conversation_panel import ConversationPanel
from linguaflex_desktop.ui.booking.format import (
    action_text,
    describe_change,
    format_duration,
    format_span,
    format_when,
    payment_text,
    price_breakdown,
    status_text,
)
from linguaflex_desktop.ui.booking.meeting_panel import MeetingPanel
from linguaflex_desktop.ui.cancellations.requests_page import request_summary
from linguaflex_desktop.ui.errors import inline_error_text
from linguaflex_desktop.ui.i18n import localize, t
from linguaflex_desktop.ui.operations import OpContext
from linguaflex_desktop.ui.operations import booking as booking_ops
from linguaflex_desktop.ui.operations import cancellations as cancellation_ops
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.theme import themed
from linguaflex_desktop.ui.widgets import make_heading, make_message_label, set_message

if TYPE_CHECKING:
    from linguaflex_desktop.bootstrap import AppServices

HISTORY_COLUMNS = (
    tx("When"),
    tx("Who"),
    tx("What"),
    tx("Change", sense="history column"),
    tx("Reason"),
)
HISTORY_TAB, MESSAGES_TAB = tx("History"), tx("Messages")


class BookingDetailDialog(QDialog):
    """The detail of booking ``booking_id`` as ``actor`` may see it."""

    detail_loaded = Signal(object)  # BookingDetailDTO
    booking_changed = Signal(object)  # BookingDTO, after accepting a new time or completing

    def __init__(
        self,
        *,
        services: AppServices,
        actor: Actor,
        runner: TaskRunner,
        booking_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services, self.actor, self.runner = services, actor, runner
        self.booking_id = booking_id
        self.detail: BookingDetailDTO | None = None
        self._reloads = 0  # the latest reload's number; older answers are dropped
        self._messages_shown = False  # the conversation's first load has been seen
        self.setObjectName("bookingDetailDialog")
        self.setWindowTitle(t("Booking #{id}", id=booking_id))
        self.resize(880, 660)
        self.title_label = make_heading(t("Loading booking…"))
        self.state_label = QLabel()
        themed(self.state_label, "fieldNote")
        self.fields = QFormLayout()
        self.fields.setVerticalSpacing(6)
        # the student's cancellation request and its answer, when there is one
        self.cancellation_label = QLabel()
        themed(self.cancellation_label, "fieldNote")
        self.cancellation_label.setWordWrap(True)
        self.cancellation_label.setVisible(False)
        self.proposal_box = self._build_proposal_box()
        self.meeting_panel = MeetingPanel(
            services=services, actor=actor, runner=runner, booking_id=booking_id
        )
        self.history = QTableWidget(0, len(HISTORY_COLUMNS))
        self.history.setObjectName("auditTable")
        self.history.setHorizontalHeaderLabels([localize(name) for name in HISTORY_COLUMNS])
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.history.setShowGrid(False)
        self.history.setAlternatingRowColors(True)
        self.history.setWordWrap(False)
        self.history.verticalHeader().setVisible(False)
        header = self.history.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(4, 160)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.error_label = make_message_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.complete_button = QPushButton(localize(COMPLETE_TEXT))
        self.complete_button.setVisible(False)  # the booking's teacher's, once loaded
        self.complete_button.clicked.connect(self.complete)
        buttons.addButton(self.complete_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.conversation_panel = ConversationPanel(
            services=services, actor=actor, runner=runner, booking_id=booking_id
        )
        self.sections = QTabWidget()
        self.sections.setObjectName("detailSections")
        self.sections.addTab(self.history, localize(HISTORY_TAB))
        self.sections.addTab(self.conversation_panel, localize(MESSAGES_TAB))
        self.conversation_panel.unread_changed.connect(self._on_unread_messages)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(self.title_label)
        layout.addWidget(self.state_label)
        layout.addSpacing(4)
        layout.addLayout(self.fields)
        layout.addWidget(self.cancellation_label)
        layout.addWidget(self.proposal_box)
        layout.addWidget(self.meeting_panel)
        layout.addWidget(self.error_label)
        layout.addWidget(self.sections, 1)
        layout.addWidget(buttons)
        self.reload()

    def show_messages(self) -> None:
        """Bring the conversation to the front (its unread messages are then read)."""
        self.sections.setCurrentWidget(self.conversation_panel)

    def _on_unread_messages(self, count: int) -> None:
        """'Messages (2)' while some are unread; the first load with unread ones opens them."""
        index = self.sections.indexOf(self.conversation_panel)
        self.sections.setTabText(
            index, t("Messages ({count})", count=count) if count else localize(MESSAGES_TAB)
        )
        if count and not self._messages_shown:
            self.show_messages()
        self._messages_shown = True

    def _build_proposal_box(self) -> QFrame:
        box = QFrame()
        themed(box, "proposalBox")
        self.proposal_label = QLabel()
        self.proposal_label.setWordWrap(True)
        self.accept_proposal_button = QPushButton(t("Accept new time"))
        themed(self.accept_proposal_button, "primaryButton")
        self.decline_proposal_button = QPushButton(t("Decline"))
        self.accept_proposal_button.clicked.connect(self.accept_proposal)
        self.decline_proposal_button.clicked.connect(self.decline_proposal)
        layout = QHBoxLayout(box)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(self.proposal_label, 1)
        layout.addWidget(self.decline_proposal_button)
        layout.addWidget(self.accept_proposal_button)
        box.setVisible(False)
        return box

    # --- loading --------------------------------------------------------------------------

    @Slot()
    def reload(self) -> None:
        """Load the booking again; an answer older than the latest reload is dropped."""
        self._reloads += 1
        request = self._reloads
        actor, booking_id = self.actor, self.booking_id
        booking_ops.get_booking(
            OpContext.of(self),
            actor,
            booking_id,
            on_success=lambda detail: self._show(detail) if request == self._reloads else None,
            on_failure=lambda error: set_message(self.error_label, inline_error_text(error)),
            owner=self,
        )

    def _show(self, detail: BookingDetailDTO) -> None:
        self.detail = detail
        booking = detail.booking
        self.title_label.setText(booking.gig_title)
        words = (t("Booking #{id}", id=booking.id), status_text(booking), payment_text(booking))
        self.state_label.setText(" · ".join(words))
        self._fill_fields(detail)
        self._fill_proposal(detail)
        self._fill_history(detail)
        self._update_complete_button(booking)
        self._load_cancellation(booking)
        self.detail_loaded.emit(detail)

    def _load_cancellation(self, booking: BookingDTO) -> None:
        """Show the newest cancellation request of a paid booking (loaded on the runner)."""
        if booking.payment_status not in (PaymentStatus.PAID, PaymentStatus.REFUNDED):
            return
        cancellation_ops.requests_for_booking(
            OpContext.of(self),
            self.actor,
            booking.id,
            on_success=self._show_cancellation,
            on_failure=lambda error: set_message(self.error_label, inline_error_text(error)),
            owner=self,
        )

    def _show_cancellation(self, requests: list[CancellationRequestDTO]) -> None:
        if requests:
            newest = max(requests, key=lambda request: request.id)
            summary = request_summary(newest, self.actor.time_zone)
            self.cancellation_label.setText(t("Cancellation request · {summary}", summary=summary))
        self.cancellation_label.setVisible(bool(requests))

    def _update_complete_button(self, booking: BookingDTO) -> None:
        """Shown to the booking's teacher while it is confirmed; enabled once paid and over."""
        now = self.services.ctx.now()
        self.complete_button.setVisible(
            is_own_teacher(self.actor, booking) and booking.status is BookingStatus.CONFIRMED
        )
        self.complete_button.setEnabled(can_complete(booking, now))
        self.complete_button.setToolTip(localize(complete_refusal(booking, now)))

    def _fill_fields(self, detail: BookingDetailDTO) -> None:
        while self.fields.rowCount():
            self.fields.removeRow(0)
        booking, zone = detail.booking, self.actor.time_zone
        rows = [
            (t("Student"), booking.student_name),
            (t("Teacher"), booking.teacher_name),
            (
                t("{name}'s time", name=booking.student_name),
                format_span(booking.start_at, booking.end_at, detail.student_time_zone),
            ),
            (
                t("{name}'s time", name=booking.teacher_name),
                format_span(booking.start_at, booking.end_at, detail.teacher_time_zone),
            ),
            (t("Length"), format_duration(booking.duration_minutes)),
            (t("Price"), price_breakdown(booking)),
        ]
        if booking.respond_by is not None and booking.status is BookingStatus.PENDING:
            when = f"{format_when(booking.respond_by, zone)} ({zone})"
            rows.append((t("Teacher answers by"), when))
        if booking.payment_due_by is not None and awaits_payment(
            booking.status, booking.payment_status
        ):
            rows.append((t("Pay by"), f"{format_when(booking.payment_due_by, zone)} ({zone})"))
        if detail.student_note:
            rows.append((t("Student's note"), detail.student_note))
        if booking.status_reason:
            rows.append((t("Reason"), localize(booking.status_reason)))
        if booking.status in OPEN_STATUSES:
            rows.append((t("Cancellation"), localize(policy_text())))
        for name, value in rows:
            label = QLabel(value)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields.addRow(name, label)

    def _fill_proposal(self, detail: BookingDetailDTO) -> None:
        proposal = detail.reschedule_proposal
        self.proposal_box.setVisible(proposal is not None)
        if proposal is None:
            return
        when = format_span(proposal.start_at, proposal.end_at, self.actor.time_zone)
        mine = proposal.proposed_by_id == self.actor.id
        if mine:
            text = t("You proposed a new time: {when}. Waiting for the other party.", when=when)
        else:
            text = t(
                "{name} proposed a new time: {when}.", name=proposal.proposed_by_name, when=when
            )
        self.proposal_label.setText(text)
        can_answer = can_answer_proposal(self.actor.id, detail.booking, proposal)
        for button in (self.accept_proposal_button, self.decline_proposal_button):
            button.setVisible(can_answer)
            button.setEnabled(can_answer)

    def _fill_history(self, detail: BookingDetailDTO) -> None:
        zone = self.actor.time_zone
        self.history.setRowCount(len(detail.audit))
        for row, entry in enumerate(detail.audit):
            values = (
                format_when(entry.at, zone),
                localize(entry.actor_name),
                action_text(entry.action),
                describe_change(entry.from_state, entry.to_state, zone),
                localize(entry.reason),
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.history.setItem(row, column, item)

    # --- the teacher marks the session completed -------------------------------------------

    @Slot()
    def complete(self) -> None:
        booking = self.detail.booking if self.detail else None
        if booking is None or not can_complete(booking, self.services.ctx.now()):
            return
        self._answer(partial(booking_ops.complete_booking, OpContext.of(self), self.actor, booking))

    # --- reschedule answers ---------------------------------------------------------------

    @Slot()
    def accept_proposal(self) -> None:
        proposal = self.detail.reschedule_proposal if self.detail else None
        if proposal is not None:
            self._answer(
                partial(
                    booking_ops.accept_reschedule,
                    OpContext.of(self),
                    self.actor,
                    self.booking_id,
                    proposal.id,
                )
            )

    @Slot()
    def decline_proposal(self) -> None:
        proposal = self.detail.reschedule_proposal if self.detail else None
        if proposal is not None:
            self._answer(
                partial(
                    booking_ops.decline_reschedule,
                    OpContext.of(self),
                    self.actor,
                    self.booking_id,
                    proposal.id,
                )
            )

    def _answer(self, start: Callable[..., None]) -> None:
        """Run a change of the booking (answer a proposal, complete) with its buttons off."""
        set_message(self.error_label, None)
        for button in (
            self.accept_proposal_button,
            self.decline_proposal_button,
            self.complete_button,
        ):
            button.setEnabled(False)
        start(
            on_success=self._on_answered,
            on_failure=self._on_answer_failed,
            owner=self,
        )

    def _on_answered(self, result: object) -> None:
        """The buttons stay off: the reload's ``_show`` turns on what the fresh state allows
        (a click before it would answer the same proposal, or complete, a second time)."""
        if isinstance(result, BookingDTO):
            self.booking_changed.emit(result)
        self.reload()

    def _on_answer_failed(self, error: BaseException) -> None:
        set_message(self.error_label, inline_error_text(error))
        if isinstance(error, Conflict):
            self.reload()  # the booking changed meanwhile: the reload decides the buttons
        else:
            self._enable_answers()

    def _enable_answers(self) -> None:
        self.accept_proposal_button.setEnabled(True)
        self.decline_proposal_button.setEnabled(True)
        if self.detail is not None:
            self._update_complete_button(self.detail.booking)


def open_booking_detail(
    parent: QWidget, *, services: AppServices, actor: Actor, runner: TaskRunner, booking_id: int
) -> BookingDetailDialog:
    """Open booking ``booking_id``'s detail, window-modal over ``parent``; deleted on close."""
    dialog = BookingDetailDialog(
        services=services, actor=actor, runner=runner, booking_id=booking_id, parent=parent
    )
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
