"""The in-app inbox: messages newest first with unread ones in bold, a read
view with the text body (its links clickable, the text selectable), "Open booking" (the
booking's detail), "Save invite (.ics)…", and the unread count in the tab title and the
status bar, refreshed by a QTimer through the TaskRunner.

``install_inbox(window)`` adds the page as the "Inbox" tab of a role window. Selecting an
unread message marks it read. GUI thread only; every service call and the file write run on
the TaskRunner.
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStandardPaths, Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from linguaflex_desktop.errors import NotFound
from linguaflex_desktop.services.common.dto import Actor, Page
from linguaflex_desktop.services.messaging.notifications import NotificationDTO
from linguaflex_desktop.texts import tx
from linguaflex_desktop.ui.data_changed import refresh_on
from linguaflex_desktop.ui.errors import inline_error_text
from linguaflex_desktop.ui.i18n import localize, number_text, t, when_text
from linguaflex_desktop.ui.inbox_table_model import InboxTableModel
from linguaflex_desktop.ui.operations import OpContext
from linguaflex_desktop.ui.operations import messaging as messaging_ops
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.theme import themed
from linguaflex_desktop.ui.widgets import (
    EmptyStateStack,
    Pager,
    make_heading,
    make_message_label,
    make_table_view,
    set_message,
)

if TYPE_CHECKING:
    from linguaflex_desktop.bootstrap import AppServices
    from linguaflex_desktop.ui.main_window_base import LazyPage, RoleWindow

log = logging.getLogger(__name__)

PAGE_SIZE = 50
POLL_INTERVAL_MS = 30_000
INBOX_TITLE = tx("Inbox")
EMPTY_TEXT = tx("No messages yet.\nBooking updates, meeting links and reminders arrive here.")
NO_SELECTION_TEXT = tx("Select a message to read it.")


def unread_text(count: int) -> str:
    return t("{count} unread", count=number_text(count)) if count else t("All read")


def unread_messages_text(count: int) -> str:
    """'3 unread messages' for the status bar."""
    if count == 1:
        return t("1 unread message")
    return t("{count} unread messages", count=number_text(count))


def save_invite_op(ics: str | None, path: Path) -> Path:
    """Worker thread: write the invite byte for byte (RFC 5545 wants its CRLF line ends)."""
    if ics is None:
        raise NotFound(tx("This message has no calendar invitation."))
    path.write_bytes(ics.encode("utf-8"))
    return path


_URL = re.compile(r"https?://[^\s<>\"']+[^\s<>\"'.,;:!?)]")


def body_html(text: str) -> str:
    """A message's plain text as HTML: escaped, line breaks kept, web links clickable."""
    parts, last = [], 0
    for match in _URL.finditer(text):
        parts.append(html.escape(text[last : match.start()]))
        url = html.escape(match.group(0), quote=True)
        parts.append(f'<a href="{url}">{url}</a>')
        last = match.end()
    parts.append(html.escape(text[last:]))
    return '<div style="white-space: pre-wrap">' + "".join(parts) + "</div>"


def open_in_browser(url: str) -> None:
    QDesktopServices.openUrl(QUrl(url))


class MessageView(QFrame):
    """The read view: subject, when it arrived, the body with clickable links, "Open
    booking" and the invite button. ``open_link`` opens a clicked link (tests replace it)."""

    booking_requested = Signal(int)  # the booking id of the shown message

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        themed(self, "detailPanel")
        self.message: NotificationDTO | None = None
        self.open_link: Callable[[str], None] = open_in_browser
        self.subject_label = QLabel()
        themed(self.subject_label, "detailTitle")
        self.subject_label.setWordWrap(True)
        self.subject_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.meta_label = QLabel()
        themed(self.meta_label, "detailMeta")
        self.body = QTextBrowser()
        self.body.setObjectName("messageBody")
        self.body.setOpenLinks(False)  # a click goes through ``open_link``, never in the view
        self.body.anchorClicked.connect(lambda url: self.open_link(url.toString()))
        self.body.setPlaceholderText(localize(NO_SELECTION_TEXT))
        self.open_booking_button = QPushButton(t("Open booking"))
        self.open_booking_button.setVisible(False)
        self.open_booking_button.clicked.connect(self._request_booking)
        self.save_invite_button = QPushButton(t("Save invite (.ics)…"))
        self.save_invite_button.setEnabled(False)
        self.save_invite_button.setToolTip(t("Select a message with a calendar invitation."))
        self.notice_label = make_message_label("formNotice")
        self.error_label = make_message_label()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.open_booking_button)
        buttons.addWidget(self.save_invite_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(8)
        layout.addWidget(self.subject_label)
        layout.addWidget(self.meta_label)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.notice_label)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        self.show_message(None, "UTC")

    def show_message(self, message: NotificationDTO | None, zone_name: str) -> None:
        self.message = message
        set_message(self.notice_label, None)
        set_message(self.error_label, None)
        self.subject_label.setVisible(message is not None)
        self.meta_label.setVisible(message is not None)
        if message is None:
            self.subject_label.clear()
            self.meta_label.clear()
            self.body.clear()
        else:
            self.subject_label.setText(message.subject)
            received = t(
                "Received {when} ({zone})",
                when=when_text(message.created_at, zone_name),
                zone=zone_name,
            )
            if message.booking_id:
                received += " · " + t("Booking #{id}", id=message.booking_id)
            self.meta_label.setText(received)
            self.body.setHtml(body_html(message.body_text))
        self.open_booking_button.setVisible(message is not None and message.booking_id is not None)
        has_ics = message is not None and message.has_ics
        self.save_invite_button.setEnabled(has_ics)
        self.save_invite_button.setToolTip(
            t("Save the calendar invitation to add the session to your calendar.")
            if has_ics
            else t("This message has no calendar invitation.")
        )

    @Slot()
    def _request_booking(self) -> None:
        if self.message is not None and self.message.booking_id is not None:
            self.booking_requested.emit(self.message.booking_id)


class InboxPage(QWidget):
    """The signed-in user's notifications; polls every ``poll_interval_ms`` (0: never)."""

    unread_changed = Signal(int)
    messages_loaded = Signal(object)  # Page[NotificationDTO]
    invite_saved = Signal(str)  # the path written

    def __init__(
        self,
        *,
        services: AppServices,
        actor: Actor,
        runner: TaskRunner,
        poll_interval_ms: int = POLL_INTERVAL_MS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services, self.actor, self.runner = services, actor, runner
        self.notifications = services.notifications
        self.unread_count = 0
        self._offset = 0
        self._request = 0
        self._loading = False
        self.model = InboxTableModel(actor.time_zone, self)
        self.view = make_table_view(self.model)
        self.table = EmptyStateStack(self.view, t("Loading messages…"))
        self.pager = Pager(t("messages"))
        self.pager.page_requested.connect(self.refresh)
        self.reader = MessageView()
        self.reader.save_invite_button.clicked.connect(self.save_invite)
        self.reader.booking_requested.connect(self.open_booking)
        self.booking_dialog: QDialog | None = None
        self.error_label = make_message_label()
        self.unread_label = QLabel(unread_text(0))
        themed(self.unread_label, "fieldNote")
        self.refresh_button = QPushButton(t("Refresh"))
        self.refresh_button.clicked.connect(lambda: self.refresh())
        self._build()
        self.view.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(poll_interval_ms)
        self.poll_timer.timeout.connect(self._poll)
        if poll_interval_ms > 0:
            self.poll_timer.start()
        # notices read or written elsewhere in the app (a conversation read in a booking)
        refresh_on(self, runner, ("notification",), lambda _change: self.refresh())
        self.refresh()

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(make_heading(localize(INBOX_TITLE)))
        top.addSpacing(10)
        top.addWidget(self.unread_label)
        top.addStretch(1)
        top.addWidget(self.refresh_button)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the whole subject
        for column in range(1, self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.pager)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.reader)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([600, 440])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.error_label)
        layout.addWidget(splitter, 1)

    # --- loading --------------------------------------------------------------------------

    def selected_message(self) -> NotificationDTO | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.message_at(rows[0].row()) if rows else None

    @Slot()
    def refresh(self, offset: int | None = None) -> None:
        """Load a page of messages (the current one by default) and the unread count."""
        if offset is not None:
            self._offset = offset
        self._request += 1
        request, wanted = self._request, self._offset
        self._loading = True
        messaging_ops.list_inbox(
            OpContext.of(self),
            self.actor,
            offset=wanted,
            limit=PAGE_SIZE,
            on_success=lambda result: self._on_loaded(request, *result),
            on_failure=lambda error: self._on_load_failed(request, error),
            owner=self,
        )

    @Slot()
    def _poll(self) -> None:
        if not self._loading:  # a slow database never piles up refreshes
            self.refresh()

    def _on_loaded(self, request: int, page: Page[NotificationDTO], unread: int) -> None:
        if request != self._request:
            return
        self._loading = False
        set_message(self.error_label, None)
        selected = self.selected_message()
        self.model.set_messages(page.items)
        self.table.set_empty_text(localize(EMPTY_TEXT))
        self.pager.set_page(
            offset=page.offset, limit=page.limit, total=page.total, shown=len(page.items)
        )
        row = self.model.row_of(selected.id) if selected is not None else None
        if row is not None:
            self.view.selectRow(row)
        else:
            self.reader.show_message(None, self.actor.time_zone)
        self._set_unread(unread)
        self.messages_loaded.emit(page)

    def _on_load_failed(self, request: int, error: BaseException) -> None:
        if request == self._request:
            self._loading = False
            self.table.set_empty_text(t("The messages could not be loaded."))
            set_message(self.error_label, inline_error_text(error))

    def _set_unread(self, count: int) -> None:
        self.unread_label.setText(unread_text(count))
        if count != self.unread_count:
            self.unread_count = count
            self.unread_changed.emit(count)

    # --- reading --------------------------------------------------------------------------

    @Slot()
    def _on_selection_changed(self, *_args: object) -> None:
        message = self.selected_message()
        if message is None or message.id != getattr(self.reader.message, "id", None):
            self.reader.show_message(message, self.actor.time_zone)
        if message is not None and not message.is_read:
            self._mark_read(message)

    def _mark_read(self, message: NotificationDTO) -> None:
        messaging_ops.mark_read(
            OpContext.of(self),
            self.actor,
            message.id,
            on_success=lambda result: self._on_marked_read(*result),
            on_failure=lambda error: set_message(self.error_label, inline_error_text(error)),
            owner=self,
        )

    def _on_marked_read(self, message: NotificationDTO, unread: int) -> None:
        self.model.replace_message(message)
        self._set_unread(unread)

    # --- the message's booking ------------------------------------------------------------

    @Slot(int)
    def open_booking(self, booking_id: int) -> QDialog:
        """The booking's detail (state, price, meeting, history), as its lists open it."""
        from linguaflex_desktop.ui.booking.detail_dialog import open_booking_detail

        self.booking_dialog = open_booking_detail(
            self,
            services=self.services,
            actor=self.actor,
            runner=self.runner,
            booking_id=booking_id,
        )
        return self.booking_dialog

    # --- saving the invite ----------------------------------------------------------------

    def ask_save_path(self, suggested: Path) -> Path | None:
        """Ask where to save the invite (tests replace this); None when cancelled."""
        invites = t("Calendar invite")  # lupdate reads no call inside an f-string
        name, _filter = QFileDialog.getSaveFileName(
            self, t("Save calendar invite"), str(suggested), f"{invites} (*.ics)"
        )
        return Path(name) if name else None

    @Slot()
    def save_invite(self) -> None:
        message = self.reader.message
        if message is None or not message.has_ics:
            return
        path = self.ask_save_path(
            _default_folder() / f"linguaflex-booking-{message.booking_id}.ics"
        )
        if path is None:
            return
        if path.suffix.lower() != ".ics":
            path = path.with_name(path.name + ".ics")
        set_message(self.reader.notice_label, None)
        set_message(self.reader.error_label, None)
        messaging_ops.save_invite(
            OpContext.of(self),
            self.actor,
            message.id,
            path,
            on_success=self._on_invite_saved,
            on_failure=lambda error: set_message(self.reader.error_label, inline_error_text(error)),
            owner=self,
        )

    def _on_invite_saved(self, path: Path) -> None:
        set_message(
            self.reader.notice_label,
            t("Invite saved to {path}. Open it to add the session to your calendar.", path=path),
        )
        self.invite_saved.emit(str(path))


def _default_folder() -> Path:
    """Downloads, else Documents, else home: the first that exists (a dialog given a missing
    folder would open in the working directory, e.g. the app's source folder)."""
    for location in (
        QStandardPaths.StandardLocation.DownloadLocation,
        QStandardPaths.StandardLocation.DocumentsLocation,
    ):
        folder = QStandardPaths.writableLocation(location)
        if folder and Path(folder).is_dir():
            return Path(folder)
    return Path.home()


class UnreadNotices(QObject):
    """The unread count of the Inbox while its page is not built: the count alone, loaded
    with the window's first data, then every ``poll_interval_ms`` (0: never) and when a
    message is read or written elsewhere in the app. Once the page is built (``follow``),
    the page's own loads tell it, and this stops counting.

    ``unread_changed`` gives each new count; ``counted`` says a count or a page load came in
    (the status bar's booking-message count follows it: a poll may bring the notices of
    messages written elsewhere)."""

    unread_changed = Signal(int)
    counted = Signal()

    def __init__(self, window: RoleWindow, poll_interval_ms: int) -> None:
        super().__init__(window)
        self._window = window
        self.unread_count = 0
        self._page: InboxPage | None = None
        self._counting = False
        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(poll_interval_ms)
        self.poll_timer.timeout.connect(self.count)
        if poll_interval_ms > 0:
            self.poll_timer.start()
        refresh_on(self, window.runner, ("notification",), lambda _change: self.count())
        self.count()

    @Slot()
    def count(self) -> None:
        if self._page is not None or self._counting:  # a slow database never piles them up
            return
        self._counting = True
        messaging_ops.unread_count(
            OpContext.of(self._window),
            self._window.actor,
            on_success=self._on_counted,
            on_failure=self._on_count_failed,
            owner=self,
        )

    def follow(self, page: InboxPage) -> None:
        """The page is built: its loads tell the count from now on."""
        self._page = page
        self.poll_timer.stop()
        page.unread_changed.connect(self._set)  # a message read there
        page.messages_loaded.connect(self._on_page_loaded)

    @Slot(object)
    def _on_page_loaded(self, _page: object) -> None:
        if self._page is not None:
            self._set(self._page.unread_count)
            self.counted.emit()

    def _on_counted(self, count: int) -> None:
        self._counting = False
        if self._page is None:
            self._set(count)
            self.counted.emit()

    def _on_count_failed(self, error: BaseException) -> None:
        self._counting = False  # the last count stays; the next poll tells
        log.warning("the inbox's unread messages not counted: %s", error)

    def _set(self, count: int) -> None:
        if count != self.unread_count:
            self.unread_count = count
            self.unread_changed.emit(count)


@dataclass(frozen=True)
class InboxTab:
    """The Inbox tab of a role window: its page (built when first shown) and its count."""

    page: LazyPage[InboxPage]
    notices: UnreadNotices


def install_inbox(window: RoleWindow, *, poll_interval_ms: int = POLL_INTERVAL_MS) -> InboxTab:
    """Add the "Inbox" tab to ``window``; its title and the status bar show the unread count.
    The page is built when its tab is first shown (``RoleWindow.add_page_later``); until
    then ``UnreadNotices`` counts: one number loaded instead of a page of messages, and no
    widget built while the window opens."""
    title = localize(INBOX_TITLE)
    status = QLabel()
    themed(status, "unreadStatus")
    status.setVisible(False)
    window.statusBar().addPermanentWidget(status)

    def build() -> InboxPage:
        return InboxPage(
            services=window.services,
            actor=window.actor,
            runner=window.runner,
            poll_interval_ms=poll_interval_ms,
        )

    lazy = window.add_page_later(build, title)
    notices = UnreadNotices(window, poll_interval_ms)

    def show_count(count: int) -> None:
        index = window.tabs.indexOf(lazy.tab_widget)
        window.tabs.setTabText(index, f"{title} ({number_text(count)})" if count else title)
        status.setText(unread_messages_text(count))
        status.setVisible(count > 0)

    notices.unread_changed.connect(show_count)
    lazy.when_built(notices.follow)
    return InboxTab(lazy, notices)
