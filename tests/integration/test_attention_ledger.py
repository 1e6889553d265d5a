"""Needs attention from what the last ledger verification found (it stores nothing in the
database), on SQLite and Postgres: a payment whose refund Stripe finished meanwhile is listed
until its fix compares it again and settles the refund; a refund made in the Stripe
Dashboard is listed and stays so after a re-read; a payment that agrees with Stripe is never
listed, and nothing is listed before a verification ran."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import update

from linguaflex_desktop.models import (
    Payment,
    Refund,
    RefundStatus,
    SessionBooking,
)
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.payments.verify import LedgerVerifier
from linguaflex_desktop.services.reports.attention.dto import AttentionRow
from linguaflex_desktop.services.reports.attention.service import AttentionService
from tests.conftest import FakeClock
from tests.fakes.payments import FakePaymentsGateway
from tests.integration.attention_helpers import attention_on, audit_trail, charged
from tests.integration.booking_helpers import World, make_world
from tests.integration.report_helpers import Parties


@pytest.fixture
def world(ctx: ServiceContext) -> World:
    return make_world(ctx)


@pytest.fixture
def parties(world: World) -> Parties:
    return Parties(world.student.id, world.teacher.id, world.gig_id)


@pytest.fixture
def gateway() -> FakePaymentsGateway:
    return FakePaymentsGateway()


@pytest.fixture
def kit(
    ctx: ServiceContext, gateway: FakePaymentsGateway
) -> tuple[AttentionService, LedgerVerifier]:
    return attention_on(ctx, gateway)


def rows_of(attention: AttentionService, world: World, rule: str) -> list[AttentionRow]:
    return [row for row in attention.list_attention(world.admin).rows if row.rule.id == rule]


def paid_payment(
    ctx: ServiceContext, clock: FakeClock, parties: Parties, gateway: FakePaymentsGateway
) -> tuple[int, int, str]:
    made = charged(ctx, gateway, parties, at=clock(), paid_at=clock())
    return made.booking_id, made.payment_id, made.intent_id


def test_a_refund_stripe_finished_is_listed_until_the_fix_settles_it(
    ctx: ServiceContext,
    clock: FakeClock,
    world: World,
    parties: Parties,
    gateway: FakePaymentsGateway,
    kit: tuple[AttentionService, LedgerVerifier],
) -> None:
    attention, verifier = kit
    booking, payment, intent = paid_payment(ctx, clock, parties, gateway)
    paid_payment(ctx, clock, parties, gateway)  # agrees with Stripe: never listed
    at_stripe = gateway.create_refund(
        payment_intent_id=intent,
        amount_minor=1000,
        idempotency_key="r1",
        metadata={"refund_id": "1"},
    )
    with ctx.unit_of_work() as uow:  # recorded while Stripe still said pending
        uow.session.add(
            Refund(
                payment_id=payment,
                idempotency_key="r1",
                stripe_refund_id=at_stripe.id,
                amount_minor=1000,
                currency="USD",
                status=RefundStatus.PENDING,
                created_by_id=world.admin.id,
                created_at=clock(),
                updated_at=clock(),
            )
        )
        uow.session.execute(
            update(Payment).where(Payment.id == payment).values(refunded_minor=1000)
        )
        uow.session.execute(
            update(SessionBooking).where(SessionBooking.id == booking).values(refunded_minor=1000)
        )
        uow.commit()
    assert rows_of(attention, world, "ledger_differs") == []  # no verification yet

    verified_at = clock()
    assert len(verifier.verify(world.admin).differences) == 1
    clock.advance(minutes=5)
    (row,) = rows_of(attention, world, "ledger_differs")
    assert (row.subject_id, row.booking_id, row.since) == (payment, booking, verified_at)
    assert row.problem == (
        f"The last check with Stripe found payment #{payment} (refund {at_stripe.id}) "
        "differing: a refund's status differs (here pending, at Stripe succeeded)."
    )
    outcome = attention.fix(world.admin, "ledger_differs", payment)
    message = "Stripe and LinguaFlex agree on this payment now."
    assert (outcome.resolved, outcome.message) == (True, message)
    assert rows_of(attention, world, "ledger_differs") == []
    with ctx.unit_of_work(write=False) as uow:
        refund = uow.session.query(Refund).filter(Refund.payment_id == payment).one()
        assert refund.status is RefundStatus.SUCCEEDED
        refund_id = refund.id
    assert [entry[0] for entry in audit_trail(ctx, entity_type="refund", entity_id=refund_id)] == [
        "refund.succeeded"
    ]
    trail = audit_trail(ctx, entity_type="payment", entity_id=payment)
    assert trail[-1] == ("attention.fix", str(world.admin.id), "resolved", message)


def test_a_refund_made_in_the_stripe_dashboard_is_listed_and_a_re_read_keeps_it_listed(
    ctx: ServiceContext,
    clock: FakeClock,
    world: World,
    parties: Parties,
    gateway: FakePaymentsGateway,
    kit: tuple[AttentionService, LedgerVerifier],
) -> None:
    attention, verifier = kit
    booking, payment, intent = paid_payment(ctx, clock, parties, gateway)
    paid_payment(ctx, clock, parties, gateway)
    dashboard = gateway.create_refund(
        payment_intent_id=intent, amount_minor=700, idempotency_key="dash"
    )
    verifier.verify(world.admin)

    assert rows_of(attention, world, "ledger_differs") == []
    (row,) = rows_of(attention, world, "stripe_refund_unrecorded")
    assert (row.subject_id, row.booking_id) == (payment, booking)
    assert row.problem == (
        f"The last check with Stripe found payment #{payment} (refund {dashboard.id}) "
        "differing: Stripe holds a refund on it that was never recorded here "
        "(here nothing, at Stripe 7.00 USD)."
    )
    clock.advance(minutes=1)
    outcome = attention.fix(world.admin, "stripe_refund_unrecorded", payment)
    message = (
        "It still differs: refund at Stripe not recorded here (here —, at Stripe 7.00 USD); "
        "check the payment in the Stripe Dashboard."
    )
    assert (outcome.resolved, outcome.message) == (False, message)
    (again,) = rows_of(attention, world, "stripe_refund_unrecorded")
    assert again.since == clock()  # what the re-read found, kept in place of the first
    trail = audit_trail(ctx, entity_type="payment", entity_id=payment)
    assert trail[-1] == ("attention.fix", str(world.admin.id), "still holds", message)
    assert timedelta(0) < again.since - row.since
