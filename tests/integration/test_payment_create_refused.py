"""Stripe REFUSING to create a PaymentIntent (HTTP 4xx) is not "unreachable", against the real
localstripe on SQLite and Postgres: the attempt is closed at once (payment FAILED with
Stripe's message, booking payment FAILED, audited) and the student may pay again straight
away, while Stripe not answering still leaves the attempt open for reconciliation."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import select

from linguaflex_desktop.adapters.stripe.gateway import StripeGateway
from linguaflex_desktop.adapters.stripe.sandbox import StripeSandbox
from linguaflex_desktop.errors import Conflict, ExternalServiceError, StripeRequestRefused
from linguaflex_desktop.models import (
    AuditEvent,
    BookingStatus,
    Payment,
    PaymentAttemptStatus,
    PaymentStatus,
    StripeCustomer,
)
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.payments.service import PaymentService
from tests.integration.payment_helpers import (
    PayKit,
    booking_state,
    dead_gateway,
    gateway_like,
    intents_at_stripe,
    kit_fixture,
    payment_rows,
    sandbox_client,
    succeeded_charges,
)

S, P, A = BookingStatus, PaymentStatus, PaymentAttemptStatus


class CreateSendsARejectedParameter(StripeGateway):
    """The sandbox gateway, except that PaymentIntent create also sends ``description``,
    which localstripe refuses with HTTP 400 "Unexpected description" (a real refusal:
    Stripe answered and made nothing)."""

    def _call(self, method: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
        if method == self._v1.payment_intents.create:
            kwargs["params"] = {**kwargs["params"], "description": "LinguaFlex session"}
        return super()._call(method, *args, **kwargs)


@pytest.fixture
def kit(
    ctx: ServiceContext, stripe_gateway: StripeGateway, stripe_sandbox: StripeSandbox
) -> Iterator[PayKit]:
    kits = kit_fixture(ctx, stripe_gateway, stripe_sandbox)
    kit = next(kits)
    kit.cards.save_test_card(kit.world.student)
    yield kit
    next(kits, None)


def failure_of(ctx: ServiceContext, booking_id: int) -> list[str | None]:
    with ctx.unit_of_work(write=False) as uow:
        rows = uow.session.scalars(
            select(Payment).where(Payment.booking_id == booking_id).order_by(Payment.id)
        )
        return [row.failure_message for row in rows]


def audited(ctx: ServiceContext, action: str) -> list[str]:
    with ctx.unit_of_work(write=False) as uow:
        query = select(AuditEvent.reason).where(AuditEvent.action == action)
        return list(uow.session.scalars(query.order_by(AuditEvent.id)))


def test_a_400_at_create_fails_the_attempt_at_once_and_the_student_pays_again_straight_away(
    kit: PayKit,
) -> None:
    refusing = PaymentService(kit.ctx, gateway_like(CreateSendsARejectedParameter, kit.sandbox))

    with pytest.raises(StripeRequestRefused, match="Unexpected description") as refused:
        refusing.pay_booking(kit.world.student, kit.booking_id)

    assert "pay again now" in refused.value.message
    assert refused.value.stripe_message == "Unexpected description"
    assert payment_rows(kit.ctx, kit.booking_id) == [(A.FAILED, None)]
    [message] = failure_of(kit.ctx, kit.booking_id)
    assert message == "Stripe refused to start the payment: Unexpected description."
    assert booking_state(kit.ctx, kit.booking_id) == (S.CONFIRMED, P.FAILED)
    assert audited(kit.ctx, "payment.failed") == [message]
    assert intents_at_stripe(kit, kit.world.student) == []

    outcome = kit.payments.pay_booking(kit.world.student, kit.booking_id)  # no grace to wait

    assert outcome.state == "succeeded"
    assert [s for s, _ in payment_rows(kit.ctx, kit.booking_id)] == [A.FAILED, A.SUCCEEDED]
    assert succeeded_charges(kit, kit.world.student) == 1
    assert kit.reconciler.reconcile_pending().checked == 0  # nothing was left open
    refusing.close()


def test_a_customer_deleted_at_stripe_is_refused_at_once_and_each_retry_is_a_new_attempt(
    kit: PayKit,
) -> None:
    with kit.ctx.unit_of_work(write=False) as uow:
        customer = uow.session.get(StripeCustomer, kit.world.student.id)
        assert customer is not None
        customer_id = customer.stripe_customer_id
    sandbox_client(kit.sandbox).v1.customers.delete(customer_id)  # 404 at create from now on

    for _ in range(2):
        with pytest.raises(StripeRequestRefused, match="refused to start the payment"):
            kit.payments.pay_booking(kit.world.student, kit.booking_id)

    assert payment_rows(kit.ctx, kit.booking_id) == [(A.FAILED, None), (A.FAILED, None)]
    assert booking_state(kit.ctx, kit.booking_id) == (S.CONFIRMED, P.FAILED)


def test_stripe_not_answering_at_create_still_keeps_the_attempt_open(kit: PayKit) -> None:
    with pytest.raises(ExternalServiceError, match="did not answer") as unreachable:
        PaymentService(kit.ctx, dead_gateway()).pay_booking(kit.world.student, kit.booking_id)

    assert not isinstance(unreachable.value, StripeRequestRefused)
    assert payment_rows(kit.ctx, kit.booking_id) == [(A.CREATING, None)]
    assert booking_state(kit.ctx, kit.booking_id) == (S.CONFIRMED, P.PENDING)
    with pytest.raises(Conflict, match="already in progress"):
        kit.payments.pay_booking(kit.world.student, kit.booking_id)
