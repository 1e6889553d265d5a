"""A booking paid 52.50 USD through the scripted ``FakePaymentsGateway`` (no localstripe),
with the cancellation services on it, and readers of what they wrote."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select

from linguaflex_desktop.models import AuditEvent, Notification, Refund, SessionBooking
from linguaflex_desktop.services.booking.service import BookingService
from linguaflex_desktop.services.cards.service import CardService
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.payments.cancellation_requests import CancellationRequests
from linguaflex_desktop.services.payments.cancellations import Cancellations
from linguaflex_desktop.services.payments.refunds import Refunds
from linguaflex_desktop.services.payments.service import PaymentService
from tests.conftest import FakeClock
from tests.fakes import FakePaymentsGateway
from tests.integration.booking_helpers import SLOT, World, confirmed, make_world

PAID = 5250  # 60 minutes at 50.00 USD/h (the teacher's 5000) + the 2.50 platform fee
NOTICE = timedelta(hours=24)


@dataclass
class CancelKit:
    ctx: ServiceContext
    clock: FakeClock
    gateway: FakePaymentsGateway
    world: World
    bookings: BookingService
    refunds: Refunds
    cancellations: Cancellations
    requests: CancellationRequests
    booking_id: int
    closers: tuple[CardService, PaymentService]

    def close(self) -> None:
        for each in self.closers:
            each.close()

    def hours_before_start(self, delta: timedelta) -> None:
        """Move the clock to ``delta`` before the session starts."""
        self.clock.set(SLOT - delta)

    def refund_rows(self) -> list[tuple[int, str, str, str, int]]:
        """(amount, status, internal reason, message to the student, made by) per refund."""
        with self.ctx.unit_of_work(write=False) as uow:
            rows = uow.session.scalars(select(Refund).order_by(Refund.id))
            return [
                (r.amount_minor, r.status.value, r.reason, r.student_message, r.created_by_id)
                for r in rows
            ]

    def booking_row(self) -> tuple[str, str, int, str | None]:
        with self.ctx.unit_of_work(write=False) as uow:
            row = uow.session.get(SessionBooking, self.booking_id)
            assert row is not None
            return row.status.value, row.payment_status.value, row.refunded_minor, row.status_reason

    def notices(self, user_id: int) -> list[tuple[str, str]]:
        """(kind, body) of the user's inbox rows, oldest first."""
        with self.ctx.unit_of_work(write=False) as uow:
            rows = uow.session.scalars(
                select(Notification)
                .where(Notification.user_id == user_id)
                .order_by(Notification.id)
            )
            return [(row.kind, row.body_text) for row in rows]

    def audit_actions(self, entity_type: str) -> list[tuple[str, int | None, str]]:
        with self.ctx.unit_of_work(write=False) as uow:
            rows = uow.session.scalars(
                select(AuditEvent)
                .where(AuditEvent.entity_type == entity_type)
                .order_by(AuditEvent.id)
            )
            return [(row.action, row.actor_id, row.reason) for row in rows]


def make_kit(ctx: ServiceContext, clock: FakeClock) -> CancelKit:
    gateway = FakePaymentsGateway()
    world = make_world(ctx)
    bookings = BookingService(ctx)
    booking = confirmed(bookings, world)
    cards = CardService(ctx, gateway)
    payments = PaymentService(ctx, gateway)
    cards.save_test_card(world.student)
    payments.pay_booking(world.student, booking.id)
    refunds = Refunds(ctx, gateway)
    return CancelKit(
        ctx=ctx,
        clock=clock,
        gateway=gateway,
        world=world,
        bookings=bookings,
        refunds=refunds,
        cancellations=Cancellations(ctx, refunds),
        requests=CancellationRequests(ctx, lambda: refunds),
        booking_id=booking.id,
        closers=(cards, payments),
    )
