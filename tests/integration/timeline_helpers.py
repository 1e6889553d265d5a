"""Helpers of the booking timeline tests: a booking taken through request, confirm, pay (the
fake payments gateway), meeting (Jitsi), a partial refund and an admin's cancel, with the
clock moved between the steps so that every step has its own instant."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

from linguaflex_desktop.services.cards.service import CardService
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.services.payments.read_again import StripeRereads
from linguaflex_desktop.services.payments.refunds import Refunds
from linguaflex_desktop.services.payments.service import PaymentService
from linguaflex_desktop.services.reports.timeline import BookingTimelines
from linguaflex_desktop.services.reports.timeline_dto import BookingTimeline
from tests.conftest import FakeClock
from tests.fakes import FakeMailer, FakeMeetingProvider, FakePaymentsGateway
from tests.integration.booking_follow_up_helpers import Glue, drain, make_glue
from tests.integration.booking_helpers import make_world, request

T0 = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)  # the FakeClock's start


@dataclass
class TimelineKit:
    ctx: ServiceContext
    clock: FakeClock
    gateway: FakePaymentsGateway
    provider: FakeMeetingProvider
    mailer: FakeMailer
    glue: Glue
    cards: CardService
    payments: PaymentService
    refunds: Refunds
    timelines: BookingTimelines
    rereads: StripeRereads

    @property
    def admin(self) -> Actor:
        return self.glue.world.admin

    def timeline(self, booking_id: int) -> BookingTimeline:
        return self.timelines.booking_timeline(self.admin, booking_id)

    def close(self) -> None:
        self.cards.close()
        self.payments.close()


def timeline_kit(ctx: ServiceContext, clock: FakeClock) -> Iterator[TimelineKit]:
    gateway, provider, mailer = FakePaymentsGateway(), FakeMeetingProvider(), FakeMailer()
    glue = make_glue(ctx, provider=provider, mailer=mailer, world=make_world(ctx))
    kit = TimelineKit(
        ctx=ctx,
        clock=clock,
        gateway=gateway,
        provider=provider,
        mailer=mailer,
        glue=glue,
        cards=CardService(ctx, gateway),
        payments=PaymentService(ctx, gateway),
        refunds=Refunds(ctx, gateway),
        timelines=BookingTimelines(ctx),
        rereads=StripeRereads(ctx, gateway),
    )
    yield kit
    kit.close()


def confirmed_with_card(kit: TimelineKit) -> int:
    """Requested at 09:00, confirmed 09:10, the student's card saved at 09:20 (UTC)."""
    world = kit.glue.world
    booking = request(kit.glue.bookings, world)
    kit.clock.advance(minutes=10)
    kit.glue.bookings.confirm_booking(world.teacher, booking.id)
    kit.clock.advance(minutes=10)
    kit.cards.save_test_card(world.student)
    return booking.id


def paid_booking(kit: TimelineKit) -> int:
    """``confirmed_with_card``, paid at 09:20, the meeting made at 09:21 (UTC)."""
    booking_id = confirmed_with_card(kit)
    outcome = kit.payments.pay_booking(kit.glue.world.student, booking_id)
    assert outcome.state == "succeeded"
    kit.clock.advance(minutes=1)
    drain(kit.glue.worker)
    return booking_id


def refunded_then_cancelled(kit: TimelineKit) -> int:
    """``paid_booking``, then 10.00 USD refunded at 10:21 and cancelled at 11:21 (the rest
    refunded), the meeting deleted at 11:22."""
    booking_id = paid_booking(kit)
    kit.clock.advance(hours=1)
    kit.refunds.refund(
        kit.admin, booking_id, amount_minor=1000, reason="Started late", request_key="partial"
    )
    kit.clock.advance(hours=1)
    kit.refunds.cancel_paid_booking(
        kit.admin, booking_id, reason="Teacher ill", request_key="cancel"
    )
    kit.clock.advance(minutes=1)
    drain(kit.glue.worker)
    return booking_id
