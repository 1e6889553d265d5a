"""Helpers of the booking-glue tests: a Berlin teacher and a New York student, the meeting and
notification services on one database, a worker with exact backoff, an aiosmtpd inbox."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any

from aiosmtpd.controller import Controller
from sqlalchemy import select

from linguaflex_desktop.adapters.meetings import JitsiMeetingProvider, MeetingProvider
from linguaflex_desktop.config import SmtpSettings
from linguaflex_desktop.models import JobState, Meeting, Notification, OutboxJob, PaymentStatus
from linguaflex_desktop.services.booking.dto import BookingDTO
from linguaflex_desktop.services.booking.due import DueTransitions
from linguaflex_desktop.services.booking.reschedule import Reschedules
from linguaflex_desktop.services.booking.service import BookingService
from linguaflex_desktop.services.booking.state import cancel_for_refund, load_booking
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.services.common.outbox import OutboxWorker
from linguaflex_desktop.services.meetings.service import MeetingService
from linguaflex_desktop.services.messaging.notifications import NotificationService
from linguaflex_desktop.worker.handlers import build_handlers
from tests.integration.booking_helpers import World, confirmed, make_world, set_payment
from tests.integration.test_mailer import Inbox, free_port

BERLIN, NEW_YORK = "Europe/Berlin", "America/New_York"
# Europe moves to summer time on Sunday 2027-03-28; New York did on 2027-03-14.
BEFORE_EU_DST = datetime(2027, 3, 26, 13, 0, tzinfo=UTC)  # 14:00 CET, 09:00 EDT
AFTER_EU_DST = datetime(2027, 3, 29, 13, 0, tzinfo=UTC)  # 15:00 CEST, 09:00 EDT
SENDER = "LinguaFlex <no-reply@linguaflex.local>"


class CeilingRandom(random.Random):
    """Jitter that always picks the top of the range, so delays are exact."""

    def uniform(self, a: float, b: float) -> float:
        return b


@dataclass
class Glue:
    ctx: ServiceContext
    world: World
    bookings: BookingService
    meetings: MeetingService
    notifications: NotificationService
    worker: OutboxWorker
    reschedules: Reschedules = field(init=False)
    due_transitions: DueTransitions = field(init=False)

    def __post_init__(self) -> None:
        self.reschedules = Reschedules(self.ctx)
        self.due_transitions = DueTransitions(self.ctx)

    def services(self) -> Any:
        return SimpleNamespace(
            ctx=self.ctx, meetings=self.meetings, notifications=self.notifications
        )


def make_glue(
    ctx: ServiceContext,
    *,
    provider: MeetingProvider | None = None,
    mailer: Any = None,
    world: World | None = None,
    worker_id: str = "test-worker",
    max_delay: float = 600.0,
    sender: str = SENDER,
) -> Glue:
    world = world or make_world(ctx, teacher_zone=BERLIN, student_zone=NEW_YORK)
    meetings = MeetingService(ctx, provider or JitsiMeetingProvider("https://meet.example.org"))
    notifications = NotificationService(ctx, mailer=mailer, sender=sender)
    handlers = build_handlers(ctx, meetings=meetings, notifications=notifications)
    worker = OutboxWorker(
        ctx, handlers, worker_id=worker_id, rng=CeilingRandom(), base_delay=2.0, max_delay=max_delay
    )
    return Glue(ctx, world, BookingService(ctx), meetings, notifications, worker)


def pay(glue: Glue, booking_id: int) -> None:
    set_payment(glue.ctx, booking_id, PaymentStatus.PENDING, PaymentStatus.PAID)


def paid_booking(glue: Glue, *, start_at: datetime, duration: int = 60) -> BookingDTO:
    booking = confirmed(glue.bookings, glue.world, start_at=start_at, duration=duration)
    pay(glue, booking.id)
    return booking


def refund(glue: Glue, booking_id: int, reason: str = "Teacher ill") -> None:
    """The booking side of a full refund, as the payment service applies it after Stripe."""
    with glue.ctx.unit_of_work() as uow:
        booking = load_booking(uow.session, booking_id, for_update=True)
        cancel_for_refund(
            uow.session, booking, actor_id=glue.world.admin.id, reason=reason, at=glue.ctx.now()
        )
        uow.commit()


def drain(worker: OutboxWorker, *, rounds: int = 50) -> int:
    """Run due jobs until none is due (jobs enqueued by jobs included); how many ran."""
    total = 0
    for _ in range(rounds):
        ran = worker.run_once()
        if ran == 0:
            return total
        total += ran
    raise AssertionError("jobs kept coming")


def jobs(ctx: ServiceContext, kind: str | None = None) -> list[OutboxJob]:
    with ctx.unit_of_work(write=False) as uow:
        query = select(OutboxJob).order_by(OutboxJob.id)
        if kind is not None:
            query = query.where(OutboxJob.kind == kind)
        rows = list(uow.session.scalars(query))
        uow.session.expunge_all()  # keep the loaded values after the unit of work ends
        return rows


def pending_jobs(ctx: ServiceContext) -> list[OutboxJob]:
    return [job for job in jobs(ctx) if job.state is JobState.PENDING]


def notifications_of(ctx: ServiceContext, user: Actor | int) -> list[Notification]:
    user_id = user if isinstance(user, int) else user.id
    with ctx.unit_of_work(write=False) as uow:
        query = select(Notification).where(Notification.user_id == user_id)
        rows = list(uow.session.scalars(query.order_by(Notification.id)))
        uow.session.expunge_all()
        return rows


def kinds_of(ctx: ServiceContext, user: Actor | int) -> list[str]:
    return [row.kind for row in notifications_of(ctx, user)]


def meeting_row(ctx: ServiceContext, booking_id: int) -> Meeting | None:
    with ctx.unit_of_work(write=False) as uow:
        row = uow.session.scalar(select(Meeting).where(Meeting.booking_id == booking_id))
        uow.session.expunge_all()
        return row


@dataclass
class SmtpPeer:
    inbox: Inbox
    settings: SmtpSettings
    controller: Controller = field(repr=False)


def start_smtp() -> SmtpPeer:
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    return SmtpPeer(inbox, SmtpSettings(host="127.0.0.1", port=port, security="plain"), controller)


def smtp_peer() -> Iterator[SmtpPeer]:
    peer = start_smtp()
    yield peer
    peer.controller.stop()
