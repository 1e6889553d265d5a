"""A booking's online session: the meeting state (pending / ready / failed
with its reason) and the "Join" (student) or "Start" (teacher) button that opens the browser;
once ready, the participants' link itself, clickable (it opens as Join / Start do) and
selectable, with "Copy link".

The buttons are enabled only when the booking is PAID and its meeting is ready; otherwise they
stay disabled and the panel says why. Opening goes through ``meeting_links.MeetingLinkOpener``
(shared with the booking lists): "Start" asks the service for a fresh host link first (Zoom's
expire); links are handed to an injectable ``opener`` (default ``QDesktopServices.openUrl``).
While the meeting is pending the panel looks again every ``pending_poll_ms``. GUI thread only;
service calls run on the TaskRunner.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from linguaflex_desktop.errors import Conflict
from linguaflex_desktop.models.enums import MeetingProvider, MeetingStatus, Role
from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.services.meetings.service import MeetingDTO
from linguaflex_desktop.texts import tx
from linguaflex_desktop.ui.booking.meeting_links import (
    JOIN_TEXT,
    START_TEXT,
    MeetingLinkOpener,
    Opener,
    unavailable_reason,
)
from linguaflex_desktop.ui.errors import inline_error_text
from linguaflex_desktop.ui.i18n import localize, t
from linguaflex_desktop.ui.operations import OpContext
from linguaflex_desktop.ui.operations import meetings as meetings_ops
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.theme import show_state, themed
from linguaflex_desktop.ui.widgets import make_message_label, set_message

if TYPE_CHECKING:
    from linguaflex_desktop.bootstrap import AppServices

PENDING_POLL_MS = 15_000
COPY_TEXT, COPIED_TEXT = tx("Copy link"), tx("Link copied")  # shown with ``localize``
PROVIDER_TEXT = {MeetingProvider.JITSI: "Jitsi Meet", MeetingProvider.ZOOM: "Zoom"}


def state_text(meeting: MeetingDTO) -> str:
    """One line for the state: 'Meeting ready · Jitsi Meet', 'Meeting pending — reason'."""
    if meeting.status is MeetingStatus.READY:
        provider = PROVIDER_TEXT.get(meeting.provider) if meeting.provider else None
        return (
            t("Meeting ready · {provider}", provider=provider) if provider else t("Meeting ready")
        )
    if meeting.status is MeetingStatus.PENDING:
        return t("Meeting pending")
    if meeting.status is MeetingStatus.FAILED:
        return t("Meeting failed")
    if meeting.status is MeetingStatus.DELETED:
        return t("Meeting cancelled")
    return t("No meeting yet")


def disabled_reason(meeting: MeetingDTO, role: Role) -> str:
    """Why Join / Start cannot be used now ('' when they can)."""
    reason = unavailable_reason(meeting.status, meeting.failure_reason)
    if reason:
        return reason
    link = meeting.host_url if role is Role.TEACHER else meeting.join_url
    return "" if link else t("Only the student and the teacher of this booking can join.")


class MeetingPanel(QFrame):
    """The meeting of booking ``booking_id`` as ``actor`` sees it."""

    meeting_loaded = Signal(object)  # MeetingDTO
    link_opened = Signal(str)

    def __init__(
        self,
        *,
        services: AppServices,
        actor: Actor,
        runner: TaskRunner,
        booking_id: int,
        opener: Opener | None = None,
        pending_poll_ms: int = PENDING_POLL_MS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        themed(self, "meetingPanel")
        self.services, self.meetings = services, services.meetings
        self.actor, self.runner, self.booking_id = actor, runner, booking_id
        self.links = MeetingLinkOpener(
            meetings=services.meetings, actor=actor, runner=runner, opener=opener, parent=self
        )
        self.links.opened.connect(lambda _booking_id, url: self.link_opened.emit(url))
        self.links.failed.connect(lambda _booking_id, error: self._on_link_failed(error))
        self.links.busy_changed.connect(lambda _busy: self._update_button())
        self.meeting: MeetingDTO | None = None
        heading = QLabel(t("Online session"))
        themed(heading, "detailSection")
        self.state_label = QLabel(t("Checking the meeting…"))
        themed(self.state_label, "meetingState")
        self.reason_label = QLabel()
        themed(self.reason_label, "fieldNote")
        self.reason_label.setWordWrap(True)
        self.error_label = make_message_label()
        self.link_label = QLabel()
        self.link_label.setObjectName("meetingLink")
        self.link_label.setWordWrap(True)
        self.link_label.setTextFormat(Qt.TextFormat.RichText)
        self.link_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction
            | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.link_label.setOpenExternalLinks(False)  # a click opens it as Join / Start do
        self.link_label.linkActivated.connect(lambda _url: self._open_own_link())
        self.link_label.setVisible(False)
        self.copy_button = QPushButton(localize(COPY_TEXT))
        self.copy_button.setToolTip(
            t("Copy the session's link, to paste it into a calendar or chat.")
        )
        self.copy_button.clicked.connect(self.copy_link)
        self.copy_button.setVisible(False)
        self.refresh_button = QPushButton(t("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.join_button = QPushButton(localize(JOIN_TEXT))
        self.start_button = QPushButton(localize(START_TEXT))
        for button in (self.join_button, self.start_button):
            themed(button, "primaryButton")
            button.setEnabled(False)
        self.join_button.clicked.connect(self.join)
        self.start_button.clicked.connect(self.start)
        # "Join" is the student's, "Start" (host) the teacher's; an admin sees the state only
        self.join_button.setVisible(actor.role is Role.STUDENT)
        self.start_button.setVisible(actor.role is Role.TEACHER)
        self._poll = QTimer(self)
        self._poll.setSingleShot(True)
        self._poll.setInterval(pending_poll_ms)
        self._poll.timeout.connect(self.refresh)
        self._poll_enabled = pending_poll_ms > 0
        self._build(heading)
        self.refresh()

    def _build(self, heading: QLabel) -> None:
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(heading)
        text.addWidget(self.state_label)
        text.addWidget(self.reason_label)
        text.addWidget(self.link_label)
        row = QHBoxLayout()
        row.addLayout(text, 1)
        row.addWidget(self.copy_button)
        row.addWidget(self.refresh_button)
        row.addWidget(self.join_button)
        row.addWidget(self.start_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addLayout(row)
        layout.addWidget(self.error_label)

    @property
    def opener(self) -> Opener:
        """What opens links (tests inject a recorder); kept by the shared link opener."""
        return self.links.opener

    @opener.setter
    def opener(self, opener: Opener) -> None:
        self.links.opener = opener

    @property
    def action_button(self) -> QPushButton | None:
        """The button this viewer gets (Join, Start, or none for an admin)."""
        if self.actor.role is Role.STUDENT:
            return self.join_button
        if self.actor.role is Role.TEACHER:
            return self.start_button
        return None

    # --- state ----------------------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        self._poll.stop()
        meetings_ops.meeting_for_booking(
            OpContext.of(self),
            self.actor,
            self.booking_id,
            on_success=self._show,
            on_failure=lambda error: set_message(self.error_label, inline_error_text(error)),
            owner=self,
        )

    def _show(self, meeting: MeetingDTO) -> None:
        self.meeting = meeting
        set_message(self.error_label, None)
        self.state_label.setText(state_text(meeting))
        show_state(self.state_label, (meeting.status or "none").lower())
        reason = disabled_reason(meeting, self.actor.role)
        if not reason and meeting.password:
            reason = t("Passcode: {password}", password=meeting.password)
        if not reason and self.actor.role is Role.ADMIN:
            reason = t("The student and the teacher join from their booking.")
        self.reason_label.setText(reason)
        self.reason_label.setVisible(bool(reason))
        link = self.shared_link
        if link:
            escaped = html.escape(link, quote=True)
            label = html.escape(t("Link:"))
            self.link_label.setText(f'{label} <a href="{escaped}">{escaped}</a>')
        self.link_label.setVisible(bool(link))
        self.copy_button.setVisible(bool(link))
        self.copy_button.setText(localize(COPY_TEXT))
        self._update_button()
        if self._poll_enabled and meeting.status is MeetingStatus.PENDING:
            self._poll.start()
        self.meeting_loaded.emit(meeting)

    def _update_button(self) -> None:
        button = self.action_button
        if button is None:
            return
        meeting = self.meeting
        usable = (
            meeting is not None
            and not self.links.busy
            and disabled_reason(meeting, self.actor.role) == ""
        )
        button.setEnabled(usable)
        button.setToolTip(
            "" if usable or meeting is None else disabled_reason(meeting, self.actor.role)
        )

    @property
    def shared_link(self) -> str | None:
        """The participants' link of a ready meeting, when this viewer may have it (the
        teacher's own host link is fetched fresh by Start and never shown)."""
        meeting = self.meeting
        if meeting is None or meeting.status is not MeetingStatus.READY:
            return None
        if self.actor.role not in (Role.STUDENT, Role.TEACHER):
            return None
        return meeting.join_url or None

    @Slot()
    def copy_link(self) -> None:
        link = self.shared_link
        if link:
            QGuiApplication.clipboard().setText(link)
            self.copy_button.setText(localize(COPIED_TEXT))  # until the meeting is shown again

    def _open_own_link(self) -> None:
        if self.actor.role is Role.TEACHER:
            self.start()
        else:
            self.join()

    # --- opening the link -----------------------------------------------------------------

    @Slot()
    def join(self) -> None:
        """Student: open the join link (the service re-checks that the booking is paid)."""
        set_message(self.error_label, None)
        self.links.join(self.booking_id)

    @Slot()
    def start(self) -> None:
        """Teacher: fetch a fresh host link (Zoom's expire), then open it."""
        set_message(self.error_label, None)
        self.links.start(self.booking_id)

    def _on_link_failed(self, error: BaseException) -> None:
        set_message(self.error_label, inline_error_text(error))
        if isinstance(error, Conflict):  # the state moved on: show what it is now
            self.refresh()
