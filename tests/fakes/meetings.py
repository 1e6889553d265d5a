"""``FakeMeetingProvider``: the ``MeetingProvider`` Protocol in memory, with scripted answers.

Unscripted, it behaves like a Zoom that works: ``create`` returns a new meeting (the same one
again for the same booking reference, as Zoom's reconcile-before-create does), ``delete``,
``move`` and ``fresh_host_url`` act on the stored meetings. ``provider_name`` says which
provider it stands for (Zoom by default, so the service treats its meetings as remote ones).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import datetime

from linguaflex_desktop.adapters.meetings import MeetingInfo, MeetingProvider
from linguaflex_desktop.models.enums import MeetingProvider as ProviderName
from tests.fakes.scripted import Scripted


@dataclass
class FakeMeeting:
    info: MeetingInfo
    start_at: datetime
    duration_minutes: int
    host_links: int = 0


class FakeMeetingProvider(Scripted):
    def __init__(self, provider_name: ProviderName = ProviderName.ZOOM) -> None:
        super().__init__()
        self._provider_name = provider_name
        self._ids = itertools.count(1)
        self.meetings: dict[str, FakeMeeting] = {}  # external id -> meeting
        self.by_reference: dict[str, str] = {}  # booking reference -> external id

    @property
    def provider_name(self) -> ProviderName:
        return self._provider_name

    def create(
        self,
        booking_reference: str,
        *,
        topic: str,
        start_at: datetime,
        duration_minutes: int,
        host_email: str | None = None,
    ) -> MeetingInfo:
        def default() -> MeetingInfo:
            known = self.by_reference.get(booking_reference)
            if known is not None:
                return self.meetings[known].info
            external_id = f"fake-meeting-{next(self._ids)}"
            info = MeetingInfo(
                self._provider_name,
                external_id,
                f"https://meet.example.org/j/{external_id}",
                f"https://meet.example.org/s/{external_id}?link=0",
                "fakepass",
            )
            self.meetings[external_id] = FakeMeeting(info, start_at, duration_minutes)
            self.by_reference[booking_reference] = external_id
            return info

        info: MeetingInfo = self._script.answer(
            "create",
            default,
            booking_reference,
            topic=topic,
            start_at=start_at,
            duration_minutes=duration_minutes,
            host_email=host_email,
        )
        return info

    def delete(self, external_id: str) -> None:
        self._script.answer("delete", lambda: self.meetings.pop(external_id, None), external_id)

    def fresh_host_url(self, external_id: str) -> str:
        def default() -> str:
            meeting = self.meetings[external_id]
            meeting.host_links += 1
            return f"https://meet.example.org/s/{external_id}?link={meeting.host_links}"

        return str(self._script.answer("fresh_host_url", default, external_id))

    def move(self, external_id: str, *, start_at: datetime, duration_minutes: int) -> None:
        def default() -> None:
            meeting = self.meetings[external_id]
            meeting.start_at, meeting.duration_minutes = start_at, duration_minutes

        self._script.answer(
            "move", default, external_id, start_at=start_at, duration_minutes=duration_minutes
        )


# mypy proves the fake implements the Protocol; a missing or mistyped method fails here.
_implements: MeetingProvider = FakeMeetingProvider()
