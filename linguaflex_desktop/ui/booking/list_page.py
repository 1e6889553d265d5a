"""Shared parts of the booking pages: a lazily paged table, a Details dialog, a button row,
transitions that handle conflicts (the message is shown, the row and list refreshed), and
the "Join" / "Start" button of the selected booking (``install_meeting_button``). While a
loaded row's meeting is pending, those rows (at most ``MAX_POLLED_ROWS``) are fetched again
every ``meeting_poll_ms`` while the page is shown, so "Ready" and the button follow.

Subclasses choose columns, filters and buttons. GUI thread only; every service call runs on
the TaskRunner.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QTimer, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from linguaflex_desktop.errors import Conflict, InvalidTransition, StaleState, UserFacingError
from linguaflex_desktop.models.enums import MeetingStatus
from linguaflex_desktop.services.booking.dto import BookingDetailDTO, BookingDTO
from linguaflex_desktop.services.booking.rules import MAX_REASON_LENGTH
from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.ui.booking.detail_dialog import BookingDetailDialog, open_booking_detail
from linguaflex_desktop.ui.booking.meeting_links import MeetingButton, MeetingLinkOpener
from linguaflex_desktop.ui.booking.reason_dialog import DISMISS_TEXT, ReasonDialog
from linguaflex_desktop.ui.booking.reschedule_dialog import RescheduleDialog
from linguaflex_desktop.ui.booking.table_model import BookingColumn, BookingTableModel
from linguaflex_desktop.ui.data_changed import Change, refresh_on
from linguaflex_desktop.ui.errors import inline_error_text, show_error
from linguaflex_desktop.ui.i18n import localize, number_text, t
from linguaflex_desktop.ui.operations import OpContext
from linguaflex_desktop.ui.operations import booking as booking_ops
from linguaflex_desktop.ui.paged_table_model import show_first_pages_from_top
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.theme import themed
from linguaflex_desktop.ui.widgets import (
    EmptyStateStack,
    make_message_label,
    make_table_view,
    set_message,
)

if TYPE_CHECKING:
    from linguaflex_desktop.bootstrap import AppServices

MEETING_POLL_MS = 15_000
MAX_POLLED_ROWS = 10


class BookingListPage(QWidget):
    """A table of bookings with Details…; ``button_row`` takes each page's actions."""

    booking_selected = Signal(object)  # BookingDTO | None; again when its row changes
    booking_changed = Signal(object)  # BookingDTO after an action of this page
    bookings_loaded = Signal()  # a (first or further) page or a refreshed list arrived

    def __init__(
        self,
        *,
        services: AppServices,
        actor: Actor,
        runner: TaskRunner,
        columns: Sequence[BookingColumn],
        empty_text: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services, self.actor, self.runner = services, actor, runner
        self.empty_text = empty_text  # already in the reader's language
        # Bookings changed elsewhere (another page, a dialog, a payment) show here too.
        refresh_on(self, runner, ("booking", "payment"), self._on_data_changed)
        self.detail_dialog: BookingDetailDialog | None = None
        self.reschedule_dialog: RescheduleDialog | None = None
        self.reason_dialog: ReasonDialog | None = None
        self.meeting_links: MeetingLinkOpener | None = None
        self.meeting_button: MeetingButton | None = None
        self._load_error_shown = False
        self._transition_running = False  # its buttons stay off until it answers
        self.model = BookingTableModel(
            columns, runner=runner, zone_name=actor.time_zone, parent=self
        )
        self.view = make_table_view(self.model)
        show_first_pages_from_top(self.view, self.model)  # e.g. after a filter change
        self.view.doubleClicked.connect(self._on_double_clicked)
        self.table = EmptyStateStack(self.view, t("Loading bookings…"))
        self.summary_label = QLabel()
        themed(self.summary_label, "pagerSummary")
        self.error_label = make_message_label()
        self.notice_label = make_message_label("formNotice")
        self.details_button = QPushButton(t("Details…"))
        self.details_button.clicked.connect(self.open_selected_detail)
        self.button_row = QHBoxLayout()
        self.button_row.addStretch(1)
        self.button_row.addWidget(self.details_button)
        self.model.page_loaded.connect(self._on_page_loaded)
        self.model.load_failed.connect(self._on_load_failed)
        self.model.modelReset.connect(self._on_selection_changed)
        self.model.dataChanged.connect(self._on_selection_changed)
        self.view.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.meeting_poll_ms = MEETING_POLL_MS
        self._meeting_poll = QTimer(self)
        self._meeting_poll.setSingleShot(True)
        self._meeting_poll.timeout.connect(self.poll_pending_meetings)
        for signal in (self.model.modelReset, self.model.rowsInserted, self.model.dataChanged):
            signal.connect(self._arm_meeting_poll)

    def build_layout(self, *top: QWidget | QHBoxLayout) -> None:
        """Lay out: ``top`` rows (filters), messages, table, summary and buttons."""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        for item in top:
            if isinstance(item, QHBoxLayout):
                layout.addLayout(item)
            else:
                layout.addWidget(item)
        layout.addWidget(self.error_label)
        layout.addWidget(self.notice_label)
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary_label)
        bottom.addLayout(self.button_row, 1)
        layout.addLayout(bottom)
        self._update_buttons()

    # --- selection and buttons ------------------------------------------------------------

    def selected_booking(self) -> BookingDTO | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.booking_at(rows[0].row()) if rows else None

    def select_booking(self, booking_id: int) -> bool:
        row = self.model.row_of(booking_id)
        if row is not None:
            self.view.selectRow(row)
        return row is not None

    def add_action(self, button: QPushButton) -> None:
        """Add a button at the right end of the button row (e.g. the payment UI's "Pay…")."""
        self.button_row.addWidget(button)

    def update_action_buttons(self, booking: BookingDTO | None) -> None:
        """Subclasses enable their buttons for the selected booking."""

    @Slot()
    def _update_buttons(self, *_args: object) -> None:
        booking = self.selected_booking()
        self.details_button.setEnabled(booking is not None)
        if self.meeting_button is not None:
            self.meeting_button.set_booking(booking)
        self.update_action_buttons(None if self._transition_running else booking)

    # --- the online session -----------------------------------------------------------------

    def install_meeting_button(self) -> MeetingButton:
        """Add "Join session" (student) / "Start session" (teacher, a fresh host link) for the
        selected booking; the link opens through ``meeting_links.opener``."""
        links = MeetingLinkOpener(
            meetings=self.services.meetings, actor=self.actor, runner=self.runner, parent=self
        )
        links.opened.connect(self._on_meeting_opened)
        links.failed.connect(self._on_meeting_failed)
        self.meeting_links = links
        self.meeting_button = MeetingButton(links)
        self.button_row.addWidget(self.meeting_button)
        self.meeting_button.clicked.connect(self._clear_messages)
        return self.meeting_button

    def pending_meeting_ids(self) -> list[int]:
        """Loaded bookings whose meeting is still being set up (at most MAX_POLLED_ROWS)."""
        pending = [
            booking.id
            for booking in self.model.bookings()
            if booking.meeting_status is MeetingStatus.PENDING
        ]
        return pending[:MAX_POLLED_ROWS]

    @Slot()
    def _arm_meeting_poll(self, *_args: object) -> None:
        idle = self.meeting_poll_ms > 0 and not self._meeting_poll.isActive()
        if idle and self.pending_meeting_ids():
            self._meeting_poll.start(self.meeting_poll_ms)

    @Slot()
    def poll_pending_meetings(self) -> None:
        """Fetch the rows with a pending meeting again (only while the page is shown)."""
        ids = self.pending_meeting_ids()
        if not ids:
            return
        if not self.isVisible():
            self._arm_meeting_poll()
            return
        actor = self.actor
        booking_ops.get_bookings(
            OpContext.of(self),
            actor,
            ids,
            on_success=self._on_meetings_polled,
            on_failure=lambda _error: self._arm_meeting_poll(),  # try again on the next tick
            owner=self,
        )

    def _on_meetings_polled(self, fresh: list[BookingDTO]) -> None:
        for booking in fresh:
            self.model.replace_booking(booking)  # re-arms the poll while any is still pending
        self._arm_meeting_poll()

    def _clear_messages(self) -> None:
        set_message(self.error_label, None)
        set_message(self.notice_label, None)

    def _on_meeting_opened(self, _booking_id: int, _url: str) -> None:
        set_message(self.notice_label, t("The session was opened in your browser."))

    def _on_meeting_failed(self, booking_id: int, error: BaseException) -> None:
        if not isinstance(error, UserFacingError):
            show_error(self, error)
            return
        set_message(self.error_label, inline_error_text(error))
        if isinstance(error, Conflict):  # the meeting or booking moved on: show it as it is
            self.refresh_booking(booking_id)

    @Slot()
    def _on_selection_changed(self, *_args: object) -> None:
        self._update_buttons()
        self.booking_selected.emit(self.selected_booking())

    # --- loading --------------------------------------------------------------------------

    def _on_page_loaded(self, _page: object) -> None:
        if self._load_error_shown:  # an action's message stays until the next action
            set_message(self.error_label, None)
            self._load_error_shown = False
        self.table.set_empty_text(self.empty_text)
        self.update_summary()
        self.bookings_loaded.emit()

    def update_summary(self) -> None:
        shown, total = self.model.rowCount(), self.model.total
        if shown < total:
            text = t(
                "{shown} of {total} bookings loaded · scroll for more",
                shown=number_text(shown),
                total=number_text(total),
            )
        elif total == 1:
            text = t("1 booking")
        else:
            text = t("{total} bookings", total=number_text(total))
        self.summary_label.setText(text)

    def _on_load_failed(self, error: BaseException) -> None:
        self.table.set_empty_text(t("The bookings could not be loaded."))
        set_message(self.error_label, inline_error_text(error))
        self._load_error_shown = True

    @Slot()
    def refresh_booking(self, booking_id: int) -> None:
        """Fetch one booking again and update its row (after a payment, a detail change…)."""
        actor = self.actor
        booking_ops.get_booking(
            OpContext.of(self),
            actor,
            booking_id,
            on_success=lambda detail: self.show_changed(detail.booking),
            on_failure=lambda error: set_message(self.error_label, inline_error_text(error)),
            owner=self,
        )

    def _on_data_changed(self, change: Change) -> None:
        """Refresh the changed rows when they are listed; otherwise the list may gain or lose
        a row (a new request, a filter it now leaves), so load it again."""
        if change.ids and all(self.model.row_of(i) is not None for i in change.ids):
            for booking_id in change.ids:
                self.refresh_booking(booking_id)
        else:
            self.reload()

    def show_changed(self, booking: BookingDTO) -> None:
        """A booking changed: update its row, keep it selected, tell the window."""
        self.model.replace_booking(booking)  # dataChanged re-announces the selection
        self.booking_changed.emit(booking)

    # --- dialogs --------------------------------------------------------------------------

    @Slot()
    def open_selected_detail(self) -> None:
        booking = self.selected_booking()
        if booking is not None:
            self.open_detail(booking.id)

    def open_detail(self, booking_id: int) -> BookingDetailDialog:
        dialog = open_booking_detail(
            self,
            services=self.services,
            actor=self.actor,
            runner=self.runner,
            booking_id=booking_id,
        )
        dialog.booking_changed.connect(self.show_changed)
        dialog.detail_loaded.connect(lambda detail: self.model.replace_booking(_booking_of(detail)))
        self.detail_dialog = dialog
        return dialog

    def open_reschedule(self, booking: BookingDTO) -> RescheduleDialog:
        dialog = RescheduleDialog(
            services=self.services,
            actor=self.actor,
            runner=self.runner,
            booking=booking,
            parent=self,
        )
        dialog.proposal_made.connect(lambda _proposal: self._on_proposal_made(booking.id))
        dialog.finished.connect(dialog.deleteLater)
        self.reschedule_dialog = dialog
        dialog.open()
        return dialog

    def _on_proposal_made(self, booking_id: int) -> None:
        set_message(
            self.notice_label,
            t("New time proposed. The booking moves when the other party accepts it."),
        )
        self.refresh_booking(booking_id)  # its row now says "New time proposed"

    def ask_reason(
        self,
        *,
        title: str,
        prompt: str,
        confirm_text: str,
        then: Callable[[str], None],
        dismiss_text: str = DISMISS_TEXT,  # a str or a ``tx`` text (shown with localize)
        maximum: int = MAX_REASON_LENGTH,
    ) -> ReasonDialog:
        dialog = ReasonDialog(
            title=title,
            prompt=prompt,
            confirm_text=confirm_text,
            dismiss_text=dismiss_text,
            maximum=maximum,
            parent=self,
        )
        dialog.reason_given.connect(then)
        dialog.finished.connect(dialog.deleteLater)
        self.reason_dialog = dialog
        dialog.open()
        return dialog

    def _on_double_clicked(self, index: QModelIndex) -> None:
        self.open_detail(self.model.booking_at(index.row()).id)

    # --- transitions ----------------------------------------------------------------------

    def run_transition(
        self,
        start: Callable[..., None],
        *,
        done_text: str,
        on_done: Callable[[BookingDTO], None] | None = None,
    ) -> None:
        """Run a booking transition (the action buttons stay off until it answers); on a
        conflict show its message and the fresh state."""
        set_message(self.error_label, None)
        set_message(self.notice_label, None)
        self._set_transition_running(True)  # a second click would send it again

        def succeeded(booking: BookingDTO) -> None:
            self._set_transition_running(False)
            set_message(self.notice_label, localize(done_text))
            self.show_changed(booking)
            if on_done is not None:
                on_done(booking)

        def failed(error: BaseException) -> None:
            self._set_transition_running(False)
            self.show_conflict(error)

        start(on_success=succeeded, on_failure=failed, owner=self)

    def _set_transition_running(self, running: bool) -> None:
        self._transition_running = running
        self._update_buttons()

    def show_conflict(self, error: BaseException) -> None:
        """User-facing errors inline; a conflict also refreshes the row / list."""
        if not isinstance(error, UserFacingError):
            show_error(self, error)
            return
        set_message(self.error_label, inline_error_text(error))
        if isinstance(error, StaleState | InvalidTransition) and isinstance(
            error.current, BookingDTO
        ):
            self.show_changed(error.current)
        if isinstance(error, Conflict):
            self.reload()

    def reload(self) -> None:
        """Load the list again (subclasses with their own source override this)."""
        self.model.reload()


def _booking_of(detail: Any) -> BookingDTO:
    assert isinstance(detail, BookingDetailDTO)
    return detail.booking
