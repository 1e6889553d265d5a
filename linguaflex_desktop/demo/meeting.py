"""The end of ``linguaflex demo-flow``: run the outbox until the paid demo
booking's meeting is ready (or failed), then print the meeting link and the notifications each
party received, in order. Blocks on the database and the meeting provider: not the Qt thread.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import select

from linguaflex_desktop.bootstrap import meeting_service_for
from linguaflex_desktop.config import Settings
from linguaflex_desktop.models import MeetingStatus, Notification, SessionBooking, User
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.services.meetings.service import MeetingDTO
from linguaflex_desktop.worker.runtime import build_worker

Emit = Callable[[str], None]


def run_jobs_until_meeting_settles(
    services_or_ctx: Any, settings: Settings, booking_id: int, *, timeout: float = 120.0
) -> MeetingDTO:
    """Run due jobs until the booking's meeting is ready or failed, or ``timeout`` passes."""
    ctx: ServiceContext = getattr(services_or_ctx, "ctx", services_or_ctx)
    worker = build_worker(services_or_ctx, settings, worker_id=f"demo-flow-{booking_id}")
    meetings = getattr(services_or_ctx, "meetings", None) or meeting_service_for(ctx, settings)
    teacher_view = _party(ctx, booking_id, teacher=True)
    deadline = time.monotonic() + timeout
    pause = threading.Event()
    while True:
        ran = worker.run_once()
        meeting = meetings.meeting_for_booking(teacher_view, booking_id)
        settled = meeting.status in (MeetingStatus.READY, MeetingStatus.FAILED)
        if (settled and ran == 0) or time.monotonic() > deadline:
            return meeting
        if ran == 0:
            pause.wait(0.25)  # a retry is backing off


def report_meeting_and_notifications(
    services_or_ctx: Any,
    settings: Settings,
    booking_id: int,
    *,
    emit: Emit = print,
    timeout: float = 120.0,
) -> bool:
    """Print the meeting (link for both, host link for the teacher) and each party's
    notifications oldest first; True when the meeting is ready."""
    ctx: ServiceContext = getattr(services_or_ctx, "ctx", services_or_ctx)
    meeting = run_jobs_until_meeting_settles(services_or_ctx, settings, booking_id, timeout=timeout)
    emit(f"meeting of booking {booking_id}: {meeting.label}")
    if meeting.join_url:
        emit(f"  join link: {meeting.join_url}")
        if meeting.host_url and meeting.host_url != meeting.join_url:
            emit(f"  host link (teacher): {meeting.host_url}")
        if meeting.password:
            emit(f"  passcode: {meeting.password}")
    for teacher in (False, True):
        party = _party(ctx, booking_id, teacher=teacher)
        emit(f"notifications of {party.display_name} ({party.role.value}, {party.time_zone}):")
        for line in _notification_lines(ctx, party.id, booking_id):
            emit(f"  {line}")
    return meeting.status is MeetingStatus.READY


def _party(ctx: ServiceContext, booking_id: int, *, teacher: bool) -> Actor:
    with ctx.unit_of_work(write=False) as uow:
        booking = uow.session.get(SessionBooking, booking_id)
        if booking is None:
            raise ValueError(f"no booking {booking_id}")
        user = uow.session.get(User, booking.teacher_id if teacher else booking.student_id)
        assert user is not None
        return Actor(user.id, user.email, user.role, user.display_name, user.time_zone)


def _notification_lines(ctx: ServiceContext, user_id: int, booking_id: int) -> list[str]:
    with ctx.unit_of_work(write=False) as uow:
        rows = uow.session.scalars(
            select(Notification)
            .where(Notification.user_id == user_id, Notification.booking_id == booking_id)
            .order_by(Notification.created_at, Notification.id)
        ).all()
        return [
            f"{index}. [{row.kind}] {row.subject}"
            + (" (e-mailed)" if row.emailed_at else " (inbox)")
            + (" + invite.ics" if row.ics else "")
            + _when(row.body_text)
            for index, row in enumerate(rows, start=1)
        ]


def _when(body: str) -> str:
    """The session time as the message states it (in the reader's zone)."""
    found = next((line for line in body.splitlines() if line.startswith("When: ")), "")
    return f" — {found.removeprefix('When: ')}" if found else ""
