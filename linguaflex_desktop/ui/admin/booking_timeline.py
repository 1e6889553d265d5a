"""The admin's "Health timeline" of one booking: every event, oldest first (newest last), with
the time in the admin's zone, who, what and the details; a Stripe PaymentIntent or Refund has a
"Read again now" button beside it.

``open_booking_timeline(parent, services, actor, runner, booking_id)`` opens it (the Bookings
page and the needs-attention list use it). It loads on the TaskRunner, reloads when a booking,
payment, job or notification changes elsewhere (``refresh_on``) and after its own "Read again
now", which runs in the background; the answer is shown inline. GUI thread only.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.services.payments.read_again_dto import ReadAgainResult
from linguaflex_desktop.services.reports.timeline_dto import BookingTimeline, TimelineEntry
from linguaflex_desktop.texts import tx
from linguaflex_desktop.ui.booking.format import local
from linguaflex_desktop.ui.data_changed import Change, refresh_on
from linguaflex_desktop.ui.errors import inline_error_text
from linguaflex_desktop.ui.i18n import day_text, localize, t
from linguaflex_desktop.ui.operations import OpContext
from linguaflex_desktop.ui.operations import timeline as timeline_ops
from linguaflex_desktop.ui.row_table_model import Column, RowTableModel
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.widgets import (
    EmptyStateStack,
    make_heading,
    make_message_label,
    make_table_view,
    set_message,
)

if TYPE_CHECKING:
    from linguaflex_desktop.bootstrap import AppServices

READ_AGAIN_TEXT = tx("Read again now")
READING_TEXT = tx("Reading…")
ACTION_COLUMN = 4


def entry_columns(zone: str) -> tuple[Column[TimelineEntry], ...]:
    """When (in ``zone``), who, what, the details one per line, and the button's column."""

    def when(entry: TimelineEntry) -> str:
        moment = local(entry.at, zone)
        return f"{day_text(moment.date())}, {moment:%H:%M:%S}"

    def details(entry: TimelineEntry) -> str:
        return "\n".join(
            t("{label}: {value}", label=localize(label), value=localize(value))
            for label, value in entry.details
        )

    return (
        Column(t("When ({zone})", zone=zone), when),
        Column(t("Who"), lambda e: localize(e.actor)),
        Column(t("What"), lambda e: localize(e.title)),
        Column(t("Details"), details),
        Column("", lambda _e: ""),
    )


class BookingTimelineDialog(QDialog):
    """See the module docstring. ``loaded`` carries each BookingTimeline shown; ``read_done``
    each ReadAgainResult; ``failed`` an error of either."""

    loaded = Signal(object)
    read_done = Signal(object)
    failed = Signal(object)

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
        self.timeline: BookingTimeline | None = None
        self.read_buttons: dict[str, QPushButton] = {}  # by Stripe id
        self._loading = self._load_again = False
        self.setObjectName("bookingTimelineDialog")
        self.setWindowTitle(t("Health timeline — booking #{id}", id=booking_id))
        self.resize(1100, 640)
        self.heading = make_heading(t("Booking #{id}", id=booking_id), "sectionHeading")
        self.heading.setWordWrap(True)
        self.error_label = make_message_label()
        self.notice_label = make_message_label("formNotice")
        self.model: RowTableModel[TimelineEntry] = RowTableModel(
            entry_columns(actor.time_zone), key=lambda e: (e.at, e.kind, e.title), parent=self
        )
        self.view = make_table_view(self.model)
        self.view.setWordWrap(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ACTION_COLUMN, QHeaderView.ResizeMode.Fixed)
        self.table = EmptyStateStack(self.view, t("Loading the timeline…"))
        self.reload_button = QPushButton(t("Reload"))
        self.reload_button.clicked.connect(self.reload)
        self.close_button = QPushButton(t("Close"))
        self.close_button.clicked.connect(self.close)
        self._build()
        refresh_on(
            self, runner, ("booking", "payment", "job", "notification", "message"), self._changed
        )
        self.reload()

    def _build(self) -> None:
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.reload_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.addWidget(self.heading)
        layout.addWidget(self.error_label)
        layout.addWidget(self.notice_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    # --- loading ----------------------------------------------------------------------------

    @Slot()
    def reload(self) -> None:
        """Load the timeline again (one load at a time; a request meanwhile loads once more)."""
        if self._loading:
            self._load_again = True
            return
        self._loading = True
        timeline_ops.booking_timeline(
            OpContext.of(self),
            self.actor,
            self.booking_id,
            on_success=self._on_loaded,
            on_failure=self._on_load_failed,
            owner=self,
        )

    def _changed(self, _change: Change) -> None:
        self.reload()

    def _on_loaded(self, timeline: BookingTimeline) -> None:
        self._loading = False
        if self._load_again:
            self._load_again = False
            self.reload()
            return
        self.timeline = timeline
        self.heading.setText(localize(timeline.heading))
        self.model.set_rows(timeline.entries)
        self.table.set_empty_text(t("Nothing has happened to this booking yet."))
        self._place_buttons(timeline.entries)
        self.view.resizeRowsToContents()
        self.view.scrollToBottom()  # the newest events are last
        self.loaded.emit(timeline)

    def _on_load_failed(self, error: BaseException) -> None:
        self._loading = self._load_again = False
        self.table.set_empty_text(t("The timeline could not be loaded."))
        set_message(self.error_label, inline_error_text(error))
        self.failed.emit(error)

    def _place_buttons(self, entries: tuple[TimelineEntry, ...]) -> None:
        """A "Read again now" button in the last column of each re-readable Stripe object."""
        self.read_buttons = {}
        for row, entry in enumerate(entries):
            if entry.stripe is None or not entry.stripe.can_read_again:
                continue
            button = QPushButton(localize(READ_AGAIN_TEXT))
            button.setToolTip(
                t(
                    "Ask Stripe now about {what} {id}",
                    what=localize(entry.stripe.name),
                    id=entry.stripe.object_id,
                )
            )
            button.clicked.connect(partial(self.read_again, entry.stripe.object_id))
            cell = QWidget()
            layout = QVBoxLayout(cell)
            layout.setContentsMargins(6, 2, 6, 2)
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
            self.view.setIndexWidget(self.model.index(row, ACTION_COLUMN), cell)
            self.read_buttons[entry.stripe.object_id] = button
        if self.read_buttons:
            width = next(iter(self.read_buttons.values())).sizeHint().width() + 12
            self.view.horizontalHeader().resizeSection(ACTION_COLUMN, width)

    # --- read again now ---------------------------------------------------------------------

    def read_again(self, stripe_id: str) -> None:
        """Ask Stripe about ``stripe_id`` in the background; the timeline reloads after."""
        button = self.read_buttons.get(stripe_id)
        if button is not None:
            button.setEnabled(False)
            button.setText(localize(READING_TEXT))
        set_message(self.error_label, None)
        set_message(self.notice_label, None)
        timeline_ops.read_stripe_again(
            OpContext.of(self),
            self.actor,
            self.booking_id,
            stripe_id,
            on_success=self._on_read,
            on_failure=partial(self._on_read_failed, stripe_id),
            owner=self,
        )

    def _on_read(self, result: ReadAgainResult) -> None:
        set_message(self.notice_label, localize(result.message))
        self.read_done.emit(result)
        self.reload()

    def _on_read_failed(self, stripe_id: str, error: BaseException) -> None:
        button = self.read_buttons.get(stripe_id)
        if button is not None:
            button.setEnabled(True)
            button.setText(localize(READ_AGAIN_TEXT))
        set_message(self.error_label, inline_error_text(error))
        self.failed.emit(error)


def open_booking_timeline(
    parent: QWidget | None,
    services: AppServices,
    actor: Actor,
    runner: TaskRunner,
    booking_id: int,
) -> BookingTimelineDialog:
    """Open the health timeline of ``booking_id`` (a window of its own, deleted when closed)."""
    dialog = BookingTimelineDialog(
        services=services, actor=actor, runner=runner, booking_id=booking_id, parent=parent
    )
    dialog.finished.connect(dialog.deleteLater)
    dialog.show()
    dialog.raise_()
    return dialog
