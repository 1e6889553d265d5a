"""Where a paid session meets: Zoom when configured, otherwise a Jitsi Meet room.

``MeetingProvider`` is the small interface the meeting jobs use. ``ZoomMeetingProvider``
reconciles before creating: a crash after Zoom created a meeting but before we stored it must
not leave two live meetings, so ``create`` first looks for a meeting carrying the booking
reference in its agenda. A Zoom meeting is hosted by the teacher's own Zoom user when the
teacher's e-mail address is a user of the Zoom account, else by the account's default user.
``JitsiMeetingProvider`` needs no network: a room exists as soon as
someone opens its unguessable URL.

Blocking I/O (Zoom): call from a worker thread. Errors: ``RetryLater`` when worth retrying,
``ExternalServiceError`` otherwise (see zoom_client).
"""

from __future__ import annotations

import re
import secrets
import string
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from linguaflex_desktop.adapters.zoom import (
    DEFAULT_USER,
    ZoomClient,
    ZoomMeeting,
    ZoomUserNotFound,
    reference_marker,
)
from linguaflex_desktop.config import Settings
from linguaflex_desktop.errors import ValidationError
from linguaflex_desktop.models.enums import MeetingProvider as ProviderName
from linguaflex_desktop.texts import tx

JITSI_ROOM_PREFIX = "LinguaFlex-"
_JITSI_ROOM = re.compile(r"^LinguaFlex-[A-Za-z0-9_-]{16,64}$")
_PASSCODE_ALPHABET = string.ascii_letters + string.digits


@dataclass(frozen=True)
class MeetingInfo:
    provider: ProviderName
    external_id: str
    join_url: str
    host_url: str
    password: str | None


class MeetingProvider(Protocol):
    @property
    def provider_name(self) -> ProviderName:
        """Which provider this is; stored with each meeting so later calls go to the same one."""
        ...

    def create(
        self,
        booking_reference: str,
        *,
        topic: str,
        start_at: datetime,
        duration_minutes: int,
        host_email: str | None = None,
    ) -> MeetingInfo:
        """Create (or find again) the meeting of a booking, hosted by ``host_email`` where the
        provider knows that person; safe to call twice."""
        ...

    def delete(self, external_id: str) -> None:
        """Remove the meeting; removing one that is gone already is fine."""
        ...

    def fresh_host_url(self, external_id: str) -> str:
        """A host link valid now (Zoom's start links expire after about two hours)."""
        ...

    def move(self, external_id: str, *, start_at: datetime, duration_minutes: int) -> None:
        """Give the meeting its booking's new time (links stay the same)."""
        ...


class ZoomMeetingProvider:
    provider_name = ProviderName.ZOOM

    def __init__(self, zoom_client: ZoomClient) -> None:
        self._zoom = zoom_client

    def create(
        self,
        booking_reference: str,
        *,
        topic: str,
        start_at: datetime,
        duration_minutes: int,
        host_email: str | None = None,
    ) -> MeetingInfo:
        """Look for the booking's meeting under the teacher's Zoom user and the default user
        (an earlier attempt may have used either), then create it under the first that exists."""
        hosts = [DEFAULT_USER] if not host_email else [host_email, DEFAULT_USER]
        known = []
        for host in hosts:
            try:
                existing = self._zoom.find_meeting_by_reference(booking_reference, user_id=host)
            except ZoomUserNotFound:
                continue  # not a user of this Zoom account
            if existing is not None:
                return _info(existing)
            known.append(host)
        agenda = f"{reference_marker(booking_reference)}\nA LinguaFlex language session."
        for host in known:
            try:
                meeting = self._zoom.create_meeting(
                    topic=topic,
                    start_at_utc=start_at,
                    duration_minutes=duration_minutes,
                    agenda=agenda,
                    password=new_passcode(),
                    user_id=host,
                )
            except ZoomUserNotFound:
                if host == DEFAULT_USER:
                    raise
                continue  # removed from the account meanwhile: the default user hosts
            return _info(meeting)
        raise ZoomUserNotFound("Zoom knows neither the teacher nor the account's default user.")

    def delete(self, external_id: str) -> None:
        self._zoom.delete_meeting(external_id)

    def fresh_host_url(self, external_id: str) -> str:
        return self._zoom.get_meeting(external_id).start_url

    def move(self, external_id: str, *, start_at: datetime, duration_minutes: int) -> None:
        self._zoom.update_meeting_time(
            external_id, start_at_utc=start_at, duration_minutes=duration_minutes
        )

    def close(self) -> None:
        self._zoom.close()


class JitsiMeetingProvider:
    """Jitsi Meet rooms named ``LinguaFlex-`` + 128 random bits; host link = join link."""

    provider_name = ProviderName.JITSI

    def __init__(self, base_url: str = "https://meet.jit.si") -> None:
        if not re.match(r"^https?://[^\s/]+", base_url):
            raise ValidationError(
                tx("The Jitsi address must be an http(s) URL: {address}.", address=repr(base_url))
            )
        self._base_url = base_url.rstrip("/")

    def create(
        self,
        booking_reference: str,
        *,
        topic: str,
        start_at: datetime,
        duration_minutes: int,
        host_email: str | None = None,
    ) -> MeetingInfo:
        room = JITSI_ROOM_PREFIX + secrets.token_urlsafe(16)
        url = self._room_url(room)
        return MeetingInfo(ProviderName.JITSI, room, url, url, None)

    def delete(self, external_id: str) -> None:
        self._room_url(external_id)  # nothing to delete: an empty Jitsi room vanishes

    def fresh_host_url(self, external_id: str) -> str:
        return self._room_url(external_id)

    def move(self, external_id: str, *, start_at: datetime, duration_minutes: int) -> None:
        self._room_url(external_id)  # a Jitsi room has no time

    def _room_url(self, room: str) -> str:
        if not _JITSI_ROOM.match(room):
            raise ValidationError(tx("Not a LinguaFlex Jitsi room: {room}.", room=repr(room)))
        return f"{self._base_url}/{room}"


def new_passcode(length: int = 10) -> str:
    """A Zoom passcode (at most 10 characters) of letters and digits."""
    return "".join(secrets.choice(_PASSCODE_ALPHABET) for _ in range(length))


def meeting_provider_from_settings(settings: Settings) -> MeetingProvider:
    """Zoom when its credentials are configured, Jitsi otherwise (DESIGN.md section 7)."""
    if settings.zoom.configured:
        return ZoomMeetingProvider(ZoomClient.from_settings(settings.zoom))
    return JitsiMeetingProvider(settings.jitsi_base_url)


def _info(meeting: ZoomMeeting) -> MeetingInfo:
    return MeetingInfo(
        ProviderName.ZOOM, meeting.id, meeting.join_url, meeting.start_url, meeting.password
    )
