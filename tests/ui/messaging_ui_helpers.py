"""Helpers of the window tests of meetings and notifications: paid bookings through the booking
state functions, and the real outbox worker (``worker.runtime.build_worker``) run once so
meetings and notifications exist.

Everything goes through the services and the worker; nothing is inserted by hand.
"""

from __future__ import annotations

from datetime import datetime

from linguaflex_desktop.adapters.meetings import JitsiMeetingProvider, MeetingInfo
from linguaflex_desktop.bootstrap import AppServices
from linguaflex_desktop.models import PaymentStatus
from linguaflex_desktop.services.booking.dto import BookingDTO
from linguaflex_desktop.services.common.outbox import OutboxWorker
from linguaflex_desktop.services.meetings.service import MeetingService
from linguaflex_desktop.services.messaging.notifications import NotificationService
from linguaflex_desktop.worker.handlers import build_handlers
from linguaflex_desktop.worker.runtime import build_worker
from tests.conftest import FakeClock
from tests.integration.booking_helpers import set_payment
from tests.ui.booking_ui_helpers import WEDNESDAY_10_UTC, School, book


def paid_booking(
    services: AppServices, school: School, *, start_at: datetime = WEDNESDAY_10_UTC
) -> BookingDTO:
    """Requested by the student, confirmed by the teacher, paid (the payment hook)."""
    booking = book(services, school, start_at=start_at)
    services.bookings.confirm_booking(school.teacher.actor, booking.id)
    set_payment(services.ctx, booking.id, PaymentStatus.PENDING, PaymentStatus.PAID)
    return services.bookings.get_booking(school.admin.actor, booking.id).booking


def drain(worker: OutboxWorker, *, rounds: int = 50) -> int:
    """Run due jobs until none is due; how many ran."""
    total = 0
    for _ in range(rounds):
        ran = worker.run_once()
        if ran == 0:
            return total
        total += ran
    raise AssertionError("jobs kept coming")


def run_worker(services: AppServices) -> int:
    """The app's own worker (Jitsi meetings, inbox delivery), run until nothing is due."""
    return drain(build_worker(services, services.settings, worker_id="ui-test-worker"))


class BrokenProvider(JitsiMeetingProvider):
    """A meeting provider that is down: every create fails."""

    def create(
        self,
        booking_reference: str,
        *,
        topic: str,
        start_at: datetime,
        duration_minutes: int,
        host_email: str | None = None,
    ) -> MeetingInfo:
        raise ConnectionError("meeting provider unreachable")


def run_until_dead(services: AppServices, clock: FakeClock, *, attempts: int = 8) -> None:
    """Run the meeting job against a provider that is down until the outbox gives up on it
    (dead letter), moving the clock past each backoff."""
    ctx = services.ctx
    handlers = build_handlers(
        ctx,
        meetings=MeetingService(ctx, BrokenProvider()),
        notifications=NotificationService(ctx),
    )
    worker = OutboxWorker(
        ctx, handlers, worker_id="ui-broken-worker", base_delay=1.0, max_delay=1.0
    )
    for _ in range(attempts):
        worker.run_once()
        clock.advance(seconds=2)
