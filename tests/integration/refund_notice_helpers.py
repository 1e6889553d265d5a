"""Helpers of the refund-notification tests: a booking paid by card through the real payment
service on localstripe (Berlin teacher, New York student, Jitsi meeting made), and gateways
whose refund answers say "pending" / "failed" where localstripe always says "succeeded"."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from linguaflex_desktop.adapters.stripe.gateway import RefundInfo, StripeGateway
from linguaflex_desktop.adapters.stripe.sandbox import StripeSandbox
from linguaflex_desktop.models import Notification
from linguaflex_desktop.services.booking.service import BookingService
from linguaflex_desktop.services.cards.service import CardService
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.services.payments.reconcile import Reconciler
from linguaflex_desktop.services.payments.refunds import Refunds
from linguaflex_desktop.services.payments.service import PaymentService
from tests.integration.booking_follow_up_helpers import (
    AFTER_EU_DST,
    BERLIN,
    NEW_YORK,
    Glue,
    drain,
    make_glue,
    notifications_of,
)
from tests.integration.booking_helpers import confirmed, make_world
from tests.integration.payment_helpers import PayKit, gateway_like

PRICE = 5250  # 60 minutes at 50.00 USD/h + 2.50 fee


@dataclass
class PaidBooking:
    kit: PayKit
    glue: Glue

    @property
    def admin(self) -> Actor:
        return self.kit.world.admin

    @property
    def parties(self) -> tuple[Actor, Actor]:
        return self.kit.world.student, self.kit.world.teacher

    @property
    def booking_id(self) -> int:
        return self.kit.booking_id

    def close(self) -> None:
        self.kit.close()


def paid_booking_by_card(
    ctx: ServiceContext,
    gateway: StripeGateway,
    sandbox: StripeSandbox,
    *,
    mailer: object = None,
) -> PaidBooking:
    """A booking on 29 Mar 2027 paid with Stripe's test visa; the meeting job has run."""
    world = make_world(ctx, teacher_zone=BERLIN, student_zone=NEW_YORK)
    bookings = BookingService(ctx)
    booking = confirmed(bookings, world, start_at=AFTER_EU_DST)
    kit = PayKit(
        ctx=ctx,
        gateway=gateway,
        sandbox=sandbox,
        world=world,
        bookings=bookings,
        cards=CardService(ctx, gateway),
        payments=PaymentService(ctx, gateway),
        booking_id=booking.id,
    )
    glue = make_glue(ctx, world=world, mailer=mailer)
    card = kit.cards.save_test_card(world.student)
    outcome = kit.payments.pay_booking(world.student, booking.id, card_id=card.id)
    assert outcome.state == "succeeded"
    drain(glue.worker)
    return PaidBooking(kit, glue)


def rows_of_kind(ctx: ServiceContext, user: Actor, kind: str) -> list[Notification]:
    return [row for row in notifications_of(ctx, user) if row.kind == kind]


class RefundsAnswerPending(StripeGateway):
    """The sandbox gateway, except that Stripe answers a new refund with "pending" (as it
    does for some payment methods); retrieving it later gives localstripe's real status."""

    def create_refund(
        self,
        *,
        payment_intent_id: str,
        amount_minor: int,
        idempotency_key: str,
        metadata: Mapping[str, str] | None = None,
    ) -> RefundInfo:
        made = super().create_refund(
            payment_intent_id=payment_intent_id,
            amount_minor=amount_minor,
            idempotency_key=idempotency_key,
            metadata=metadata,
        )
        return replace(made, status="pending")


class PendingRefundsFail(RefundsAnswerPending):
    """As ``RefundsAnswerPending``, and the pending refund later turns out failed."""

    def retrieve_refund(self, refund_id: str) -> RefundInfo:
        found = super().retrieve_refund(refund_id)
        return replace(found, status="failed")


@dataclass
class StripeSide:
    """The refund and reconcile collaborators on one (odd) gateway."""

    refunds: Refunds
    reconciler: Reconciler


def stripe_side_with(
    cls: type[StripeGateway], sandbox: StripeSandbox, ctx: ServiceContext
) -> StripeSide:
    gateway = gateway_like(cls, sandbox)
    return StripeSide(Refunds(ctx, gateway), Reconciler(ctx, gateway))
