"""Opening a booking's online session in the browser, shared by the meeting
panel of the booking detail and the "Join" / "Start" buttons of the booking lists.

``MeetingLinkOpener`` fetches the link on the TaskRunner — the join link for "Join", a fresh
host link (``MeetingService.fresh_start_url``: Zoom's expire) for "Start" — and hands it to an
injectable ``opener`` (default ``QDesktopServices.openUrl``). The service re-checks everything
(paid, ready, the teacher only for Start); the UI only mirrors it to enable the buttons.
``MeetingButton`` is the list pages' button for the selected booking. GUI thread only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QPushButton, QWidget

from linguaflex_desktop.errors import UserFacingError
from linguaflex_desktop.models.enums import MeetingStatus, PaymentStatus, Role
from linguaflex_desktop.services.booking.dto import BookingDTO
from linguaflex_desktop.services.booking.rules import can_open_meeting
from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.texts import tx
from linguaflex_desktop.ui.i18n import localize, t
from linguaflex_desktop.ui.operations import meetings as meetings_ops
from linguaflex_desktop.ui.task_runner import TaskRunner
from linguaflex_desktop.ui.theme import themed

if TYPE_CHECKING:
    from linguaflex_desktop.services.meetings.service import MeetingService

Opener = Callable[[QUrl], bool]
JOIN_TEXT, START_TEXT = tx("Join session"), tx("Start session")  # shown with ``localize``


def default_opener(url: QUrl) -> bool:
    return QDesktopServices.openUrl(url)


class BrowserNotOpened(UserFacingError):
    title = tx("Browser")

    def __init__(self, url: str) -> None:
        super().__init__(tx("The browser could not be opened. The link is {url}", url=url))
        self.url = url


def unavailable_reason(status: MeetingStatus | None, failure_reason: str | None) -> str:
    """Why a meeting in this state cannot be joined ('' when it is ready)."""
    if status is None:
        return t("A meeting room is created when the session is paid.")
    if status is MeetingStatus.PENDING:
        if failure_reason:
            return t(
                "The meeting room is being set up ({reason}). The link appears here when ready.",
                reason=localize(failure_reason),
            )
        return t("The meeting room is being set up. The link appears here when ready.")
    if status is MeetingStatus.FAILED:
        return t(
            "The meeting could not be created: {reason}. An admin can retry it.",
            reason=localize(failure_reason) if failure_reason else t("unknown reason"),
        )
    if status is MeetingStatus.DELETED:
        return t("The meeting was cancelled with the booking.")
    return ""


def booking_unavailable_reason(booking: BookingDTO) -> str:
    """Why Join / Start cannot be used on this list row ('' when they can)."""
    if booking.payment_status is not PaymentStatus.PAID:
        return unavailable_reason(None, None)
    if booking.meeting_status is None:
        return t("This booking has no meeting.")
    if booking.meeting_status is MeetingStatus.PENDING:
        if booking.meeting_reason:
            return t(
                "The meeting room is being set up ({reason}). Refresh to check again.",
                reason=localize(booking.meeting_reason),
            )
        return t("The meeting room is being set up. Refresh to check again.")
    return unavailable_reason(booking.meeting_status, booking.meeting_reason)


class MeetingLinkOpener(QObject):
    """Fetches and opens meeting links as ``actor``; one at a time (``busy``)."""

    opened = Signal(int, str)  # booking id, the URL handed to the browser
    failed = Signal(int, object)  # booking id, the error (BrowserNotOpened if no browser)
    busy_changed = Signal(bool)

    def __init__(
        self,
        *,
        meetings: MeetingService,
        actor: Actor,
        runner: TaskRunner,
        opener: Opener | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.meetings, self.actor, self.runner = meetings, actor, runner
        self.opener: Opener = opener or default_opener
        self._busy = False

    @property
    def busy(self) -> bool:
        return self._busy

    def join(self, booking_id: int) -> None:
        """Open the join link (student or teacher of a PAID booking)."""
        self._open(booking_id, meetings_ops.join_url)

    def start(self, booking_id: int) -> None:
        """Teacher: fetch a fresh host link, then open it."""
        self._open(booking_id, meetings_ops.fresh_start_url)

    def _open(self, booking_id: int, fetch: Callable[..., None]) -> None:
        if self._busy:
            return
        self._set_busy(True)
        fetch(
            self.runner,
            self.meetings,
            self.actor,
            booking_id,
            on_success=lambda url: self._on_link(booking_id, url),
            on_failure=lambda error: self._on_failed(booking_id, error),
            owner=self,
        )

    def _on_link(self, booking_id: int, url: str) -> None:
        self._set_busy(False)
        if self.opener(QUrl(url)):
            self.opened.emit(booking_id, url)
        else:
            self.failed.emit(booking_id, BrowserNotOpened(url))

    def _on_failed(self, booking_id: int, error: BaseException) -> None:
        self._set_busy(False)
        self.failed.emit(booking_id, error)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy_changed.emit(busy)


class MeetingButton(QPushButton):
    """The list pages' "Join session" (student) or "Start session" (teacher) for the selected
    booking: enabled for a PAID booking whose meeting is ready while no link is being fetched; the
    tooltip says why not."""

    def __init__(self, links: MeetingLinkOpener, parent: QWidget | None = None) -> None:
        teacher = links.actor.role is Role.TEACHER
        super().__init__(localize(START_TEXT if teacher else JOIN_TEXT), parent)
        themed(self, "primaryButton")
        self.links = links
        self.booking: BookingDTO | None = None
        links.busy_changed.connect(self._refresh)
        self.clicked.connect(self.open_selected)
        self._refresh()

    def set_booking(self, booking: BookingDTO | None) -> None:
        self.booking = booking
        self._refresh()

    @Slot()
    def open_selected(self) -> None:
        booking = self.booking
        if booking is None or not can_open_meeting(booking) or self.links.busy:
            return
        if self.links.actor.role is Role.TEACHER:
            self.links.start(booking.id)
        else:
            self.links.join(booking.id)

    @Slot()
    def _refresh(self, *_args: object) -> None:
        booking = self.booking
        usable = booking is not None and can_open_meeting(booking) and not self.links.busy
        self.setEnabled(usable)
        reason = "" if usable or booking is None else booking_unavailable_reason(booking)
        self.setToolTip(reason)
