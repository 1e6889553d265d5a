"""A booking's conversation: its messages in order (author, time in the viewer's zone, a
"New" marker on unread ones), a text box with its length shown while typing, and Send.

The messages come as the services let the viewer see them (contact details masked before the
booking's first payment, for the other party). The panel reloads on the data-changed feed
("message", and "booking"/"payment": a payment unmasks), marks the viewer's messages read
once it is shown, and says why an admin cannot write. GUI thread only; every service call
runs on the TaskRunner.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.services.messaging.conversation_dto import (
    CONTACTS_HIDDEN_NOTICE,
    ConversationDTO,
    MessageDTO,
)
from linguaflex_desktop.texts import tx
from linguaflex_desktop.ui.booking.format import format_when
from linguaflex_desktop.ui.data_changed import Change, refresh_on
from linguaflex_desktop.ui.errors import inline_error_text
from linguaflex_desktop.ui.field_limits import LengthLimit
from linguaflex_desktop.ui.i18n import localize, t
from linguaflex_desktop.ui.inbox_page import body_html, open_in_browser
from linguaflex_desktop.ui.operations import OpContext
from linguaflex_desktop.ui.operations import conversations as conversation_ops
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.theme import themed
from linguaflex_desktop.ui.widgets import make_message_label, set_message

if TYPE_CHECKING:
    from linguaflex_desktop.bootstrap import AppServices

# The service's limit (MAX_MESSAGE_LENGTH); the loaded conversation confirms it.
DEFAULT_MAX_LENGTH = 2000
# shown with ``localize``
EMPTY_TEXT = tx(
    "No messages yet. Write to agree on goals, materials or questions before the session."
)
NEW_MARKER = tx("New")
SEEN_MARKER = tx("Seen")  # the author's message, read by the other party


def unread_text(count: int) -> str:
    if not count:
        return ""
    return t("1 new") if count == 1 else t("{count} new", count=count)


def message_html(message: MessageDTO, zone_name: str) -> str:
    """One message: '<b>Author</b> · Wed 3 Mar 2027, 11:00 · New' (or '(you) … · Seen'
    once the other party read it), then its text."""
    who = message.author_name
    if message.is_mine:
        who = t("{name} (you)", name=who)
    meta = f"<b>{html.escape(who)}</b> · {html.escape(format_when(message.created_at, zone_name))}"
    if message.is_unread:
        new = html.escape(localize(NEW_MARKER))
        meta += f' · <span style="color:#b3261e"><b>{new}</b></span>'
    elif message.is_mine and message.read_at is not None:
        meta += f" · {html.escape(localize(SEEN_MARKER))}"
    if message.masked:
        hidden = html.escape(t("contact details hidden"))
        meta += f" · <i>{hidden}</i>"
    return f'<p style="margin-bottom:2px">{meta}</p>{body_html(message.body)}'


class ConversationPanel(QWidget):
    """The conversation of booking ``booking_id`` as ``actor`` may read and write it."""

    loaded = Signal(object)  # ConversationDTO
    sent = Signal(object)  # MessageDTO
    unread_changed = Signal(int)  # the viewer's unread messages in this conversation

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
        self.conversation: ConversationDTO | None = None
        self.open_link: Callable[[str], None] = open_in_browser
        self._reloads = 0
        self._sending = False
        self._marking = False
        self.setObjectName("conversationPanel")
        self.notice_label = QLabel()
        themed(self.notice_label, "fieldNote")
        self.notice_label.setWordWrap(True)
        self.notice_label.setVisible(False)
        self.unread_label = QLabel()
        themed(self.unread_label, "fieldError")
        self.view = QTextBrowser()
        self.view.setObjectName("messageBody")
        self.view.setOpenLinks(False)  # a click goes through ``open_link``, never in the view
        self.view.anchorClicked.connect(lambda url: self.open_link(url.toString()))
        self.view.setPlaceholderText(t("Loading messages…"))
        self.edit = QPlainTextEdit()
        self.edit.setObjectName("messageEdit")
        self.edit.setPlaceholderText(t("Write a message…"))
        self.edit.setFixedHeight(72)
        self.limit = LengthLimit(self.edit, DEFAULT_MAX_LENGTH, what=t("message"))
        self.send_button = QPushButton(t("Send"))
        themed(self.send_button, "primaryButton")
        self.send_button.clicked.connect(self.send)
        self.send_button.setToolTip(t("Send the message (Ctrl+Enter)."))
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self.edit, self.send)
        self.error_label = make_message_label()
        self.edit.textChanged.connect(self._update_send_button)
        self.limit.valid_changed.connect(self._update_send_button)
        self._build()
        self._update_send_button()
        refresh_on(self, runner, ("message", "booking", "payment"), self._on_data_changed)
        self.reload()

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.notice_label, 1)
        top.addWidget(self.unread_label)
        compose = QHBoxLayout()
        compose.addWidget(self.edit, 1)
        compose.addWidget(self.send_button)
        self.compose_box = QWidget()
        compose_layout = QVBoxLayout(self.compose_box)
        compose_layout.setContentsMargins(0, 0, 0, 0)
        compose_layout.addLayout(compose)
        compose_layout.addWidget(self.limit.label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.compose_box)
        self.compose_box.setVisible(False)  # until the conversation says the viewer may write

    # --- loading --------------------------------------------------------------------------

    @Slot()
    def reload(self) -> None:
        """Load the conversation again; an answer older than the latest reload is dropped."""
        self._reloads += 1
        request = self._reloads
        conversation_ops.load_conversation(
            OpContext.of(self),
            self.actor,
            self.booking_id,
            on_success=lambda conversation: (
                self._show(conversation) if request == self._reloads else None
            ),
            on_failure=lambda error: set_message(self.error_label, inline_error_text(error)),
            owner=self,
        )

    def _on_data_changed(self, change: Change) -> None:
        if not change.ids or self.booking_id in change.ids:
            self.reload()

    def _show(self, conversation: ConversationDTO) -> None:
        self.conversation = conversation
        zone = self.actor.time_zone
        parts = [message_html(message, zone) for message in conversation.messages]
        empty = f"<p><i>{html.escape(localize(EMPTY_TEXT))}</i></p>"
        self.view.setHtml("<hr/>".join(parts) if parts else empty)
        scroll = self.view.verticalScrollBar()
        scroll.setValue(scroll.maximum())  # the newest message in sight
        self.limit.set_maximum(conversation.max_length)
        notice = localize(
            conversation.send_refusal
            or ("" if conversation.contacts_visible else CONTACTS_HIDDEN_NOTICE)
        )
        self.notice_label.setText(notice)
        self.notice_label.setVisible(bool(notice))
        self.compose_box.setVisible(conversation.can_send)
        if conversation.other_party_name:
            self.edit.setPlaceholderText(t("Write to {name}…", name=conversation.other_party_name))
        self._set_unread(conversation.unread)
        self._update_send_button()
        self.loaded.emit(conversation)
        if conversation.unread and self.isVisible():
            self.mark_read()

    def _set_unread(self, count: int) -> None:
        self.unread_label.setText(unread_text(count))
        self.unread_changed.emit(count)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.conversation is not None and self.conversation.unread:
            self.mark_read()

    # --- reading --------------------------------------------------------------------------

    def mark_read(self) -> None:
        """Mark the viewer's messages read (the "New" markers stay until the next load)."""
        if self._marking:
            return
        self._marking = True
        conversation_ops.mark_read(
            OpContext.of(self),
            self.actor,
            self.booking_id,
            on_success=self._on_marked_read,
            on_failure=self._on_mark_failed,
            owner=self,
        )

    def _on_marked_read(self, _count: int) -> None:
        self._marking = False
        if self.conversation is not None:
            self.conversation = replace(self.conversation, unread=0)
        self._set_unread(0)

    def _on_mark_failed(self, error: BaseException) -> None:
        self._marking = False
        set_message(self.error_label, inline_error_text(error))

    # --- sending --------------------------------------------------------------------------

    def _update_send_button(self, *_args: object) -> None:
        allowed = self.conversation is not None and self.conversation.can_send
        ready = bool(self.edit.toPlainText().strip()) and self.limit.is_valid()
        self.send_button.setEnabled(allowed and ready and not self._sending)

    @Slot()
    def send(self) -> None:
        body = self.edit.toPlainText()
        if self._sending or not body.strip() or not self.limit.is_valid():
            return
        self._sending = True
        self.edit.setReadOnly(True)
        self._update_send_button()
        set_message(self.error_label, None)
        conversation_ops.send_message(
            OpContext.of(self),
            self.actor,
            self.booking_id,
            body,
            on_success=self._on_sent,
            on_failure=self._on_send_failed,
            owner=self,
        )

    def _on_sent(self, message: MessageDTO) -> None:
        self._sending = False
        self.edit.setReadOnly(False)
        self.edit.clear()
        self._update_send_button()
        self.sent.emit(message)
        self.reload()

    def _on_send_failed(self, error: BaseException) -> None:
        """The text stays in the box, to fix or send again."""
        self._sending = False
        self.edit.setReadOnly(False)
        set_message(self.error_label, inline_error_text(error))
        self._update_send_button()
