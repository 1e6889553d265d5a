"""Ledger verification on ``FakePaymentsGateway`` (no localstripe), on SQLite and Postgres:
the differences the sandbox cannot produce (a PaymentIntent naming another booking, a
refund whose amount or status Stripe holds otherwise, one of ours Stripe lost), a
cancelled run, and what is not a difference (a refund of ours Stripe never received)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import replace

import pytest
from sqlalchemy import update

from linguaflex_desktop.models import Refund, RefundStatus
from linguaflex_desktop.services.booking.service import BookingService
from linguaflex_desktop.services.cards.service import CardService
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.payments.refunds import Refunds
from linguaflex_desktop.services.payments.service import PaymentService
from linguaflex_desktop.services.payments.verify import LedgerVerifier
from tests.fakes import FakePaymentsGateway
from tests.integration.booking_helpers import SLOT, World, confirmed, make_world


class Paid:
    """Two paid bookings of one student on the fake gateway, and a verifier."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx, self.gateway = ctx, FakePaymentsGateway()
        self.world: World = make_world(ctx)
        bookings = BookingService(ctx)
        self.cards = CardService(
            ctx,
            self.gateway,
        )
        self.payments = PaymentService(ctx, self.gateway)
        self.refunds = Refunds(ctx, self.gateway)
        self.cards.save_test_card(self.world.student)
        self.booking_ids = []
        for day in range(2):
            booking = confirmed(bookings, self.world, start_at=SLOT.replace(day=3 + day))
            self.payments.pay_booking(self.world.student, booking.id)
            self.booking_ids.append(booking.id)
        self.verifier = LedgerVerifier(ctx, self.gateway)

    def intent(self, index: int) -> str:
        return list(self.gateway.intents)[index]

    def close(self) -> None:
        self.cards.close()
        self.payments.close()


@pytest.fixture
def paid(ctx: ServiceContext) -> Iterator[Paid]:
    kit = Paid(ctx)
    yield kit
    kit.close()


def test_a_payment_intent_naming_another_booking_is_reported(paid: Paid) -> None:
    intent = paid.intent(0)
    info = paid.gateway.intents[intent]
    paid.gateway.intents[intent] = replace(info, metadata={**info.metadata, "booking_id": "999"})

    result = paid.verifier.verify(paid.world.admin)

    (difference,) = result.differences
    assert difference.kind == "booking"
    assert (difference.ours, difference.stripe) == (f"#{paid.booking_ids[0]}", "#999")


def test_refund_amount_and_status_held_otherwise_at_stripe_are_reported(paid: Paid) -> None:
    made = paid.refunds.refund(
        paid.world.admin, paid.booking_ids[1], amount_minor=1000, reason="x", request_key="k"
    )
    stripe_id = made.refund.stripe_refund_id
    assert stripe_id is not None
    intent, refund = paid.gateway.refunds[stripe_id]
    paid.gateway.refunds[stripe_id] = (intent, replace(refund, amount=900, status="failed"))

    result = paid.verifier.verify(paid.world.admin)

    assert [(d.kind, d.ours, d.stripe, d.refund) for d in result.differences] == [
        ("refund_amount", 1000, 900, stripe_id),
        ("refund_status", "succeeded", "failed", stripe_id),
    ]
    usd_ours, usd_stripe = result.ours[0], result.stripe[0]
    assert (usd_ours.refunded_minor, usd_stripe.refunded_minor) == (1000, 0)


def test_a_refund_stripe_lost_is_reported_but_one_never_sent_is_not(paid: Paid) -> None:
    made = paid.refunds.refund(
        paid.world.admin, paid.booking_ids[0], amount_minor=500, reason="x", request_key="k"
    )
    stripe_id = made.refund.stripe_refund_id
    assert stripe_id is not None
    del paid.gateway.refunds[stripe_id]
    with paid.ctx.unit_of_work() as uow:  # a second one, still waiting for Stripe's answer
        uow.session.add(
            Refund(
                payment_id=made.refund.payment_id,
                idempotency_key="never-sent",
                amount_minor=100,
                currency="USD",
                status=RefundStatus.CREATING,
                created_by_id=paid.world.admin.id,
            )
        )
        uow.commit()

    result = paid.verifier.verify(paid.world.admin)

    assert [(d.kind, d.ours, d.stripe, d.refund) for d in result.differences] == [
        ("refund_missing_at_stripe", 500, None, stripe_id)
    ]


def test_a_refund_without_stripes_id_is_matched_by_our_metadata(paid: Paid) -> None:
    made = paid.refunds.refund(
        paid.world.admin, paid.booking_ids[0], amount_minor=500, reason="x", request_key="k"
    )
    with paid.ctx.unit_of_work() as uow:  # the answer was lost: no Stripe id, still creating
        uow.session.execute(
            update(Refund)
            .where(Refund.id == made.refund.id)
            .values(stripe_refund_id=None, status=RefundStatus.CREATING)
        )
        uow.commit()

    result = paid.verifier.verify(paid.world.admin)

    assert [(d.kind, d.ours, d.stripe) for d in result.differences] == [
        ("refund_status", "creating", "succeeded")
    ]


def test_a_cancelled_run_stops_before_the_next_payment(paid: Paid) -> None:
    stop = threading.Event()

    result = paid.verifier.verify(
        paid.world.admin, on_progress=lambda done, total: stop.set(), should_cancel=stop.is_set
    )

    assert result.cancelled and result.checked == 1 and not result.agrees
    assert len(paid.gateway.calls_to("retrieve_payment_intent")) == 1
