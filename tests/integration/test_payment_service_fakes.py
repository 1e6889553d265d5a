"""The payment service against ``FakePaymentsGateway`` (no localstripe), on SQLite and
Postgres: what the service does with each answer Stripe can give at create and confirm (a
decline, no answer, 3-D Secure required, an answer lost after Stripe acted, a PaymentIntent that
does not match the booking). What Stripe itself does with these requests is proven against
localstripe in test_payment_service.py and test_payments_gateway.py."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from sqlalchemy import select

from linguaflex_desktop.adapters.stripe.gateway import PaymentIntentInfo
from linguaflex_desktop.errors import ExternalServiceError, PaymentDeclined
from linguaflex_desktop.models import (
    AuditEvent,
    BookingStatus,
    Payment,
    PaymentAttemptStatus,
    PaymentStatus,
)
from linguaflex_desktop.services.booking.service import BookingService
from linguaflex_desktop.services.cards.service import CardService
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.payments.service import PaymentService
from tests.fakes import FakePaymentsGateway
from tests.integration.booking_helpers import World, confirmed, make_world
from tests.integration.payment_helpers import booking_state, payment_rows

S, P, A = BookingStatus, PaymentStatus, PaymentAttemptStatus


@dataclass
class FakeKit:
    """The card and payment services on one fake gateway; a confirmed booking whose student
    has a saved card."""

    ctx: ServiceContext
    gateway: FakePaymentsGateway
    world: World
    cards: CardService
    payments: PaymentService
    booking_id: int


@pytest.fixture
def kit(ctx: ServiceContext) -> Iterator[FakeKit]:
    gateway = FakePaymentsGateway()
    world = make_world(ctx)
    booking = confirmed(BookingService(ctx), world)
    cards = CardService(ctx, gateway)
    payments = PaymentService(ctx, gateway)
    cards.save_test_card(world.student)
    yield FakeKit(ctx, gateway, world, cards, payments, booking.id)
    cards.close()
    payments.close()


def only_payment_id(ctx: ServiceContext) -> int:
    with ctx.unit_of_work(write=False) as uow:
        (payment_id,) = uow.session.scalars(select(Payment.id)).all()
    return payment_id


def test_a_declined_card_fails_the_booking_payment_and_cancels_the_intent(kit: FakeKit) -> None:
    kit.gateway.script(
        "confirm_payment_intent",
        lambda intent_id, **_: kit.gateway.declined(
            intent_id,
            "The card has insufficient funds to complete the purchase.",
            decline_code="insufficient_funds",
        ),
    )

    with pytest.raises(PaymentDeclined, match=r"^Your card has insufficient funds\. Use another"):
        kit.payments.pay_booking(kit.world.student, kit.booking_id)

    assert booking_state(kit.ctx, kit.booking_id) == (S.CONFIRMED, P.FAILED)
    assert [status for status, _ in payment_rows(kit.ctx, kit.booking_id)] == [A.FAILED]
    [cancel] = kit.gateway.calls_to("cancel_payment_intent")
    assert cancel.args == (kit.gateway.only_intent().id,)


def test_stripe_unreachable_at_create_keeps_the_attempt_open_and_confirms_nothing(
    kit: FakeKit,
) -> None:
    kit.gateway.script("create_payment_intent", kit.gateway.unreachable())

    with pytest.raises(ExternalServiceError, match="nothing was charged"):
        kit.payments.pay_booking(kit.world.student, kit.booking_id)

    assert payment_rows(kit.ctx, kit.booking_id) == [(A.CREATING, None)]
    assert booking_state(kit.ctx, kit.booking_id) == (S.CONFIRMED, P.PENDING)
    assert kit.gateway.calls_to("confirm_payment_intent") == []


def test_3ds_required_hands_off_to_the_browser_and_the_poller_settles_it_paid(
    kit: FakeKit,
) -> None:
    kit.gateway.script(
        "confirm_payment_intent",
        lambda intent_id, **_: kit.gateway.needs_3ds(intent_id),
    )

    outcome = kit.payments.pay_booking(kit.world.student, kit.booking_id)

    assert outcome.state == "requires_action"
    assert outcome.handoff_url == kit.gateway.only_intent().next_action_url  # Stripe's page
    [confirm] = kit.gateway.calls_to("confirm_payment_intent")
    assert str(confirm.kwargs["return_url"]).startswith("http://127.0.0.1:")
    assert booking_state(kit.ctx, kit.booking_id) == (S.CONFIRMED, P.PENDING)
    kit.gateway.with_status(kit.gateway.only_intent().id, "succeeded")  # the user passed 3DS
    assert kit.payments.poll_payment(kit.world.student, outcome.payment_id).state == "succeeded"
    assert booking_state(kit.ctx, kit.booking_id) == (S.CONFIRMED, P.PAID)


def test_confirm_lost_on_the_way_leaves_the_payment_pending_with_its_intent(
    kit: FakeKit,
) -> None:
    kit.gateway.script("confirm_payment_intent", kit.gateway.unreachable())

    with pytest.raises(ExternalServiceError, match="not known yet"):
        kit.payments.pay_booking(kit.world.student, kit.booking_id)

    intent = kit.gateway.only_intent()
    assert payment_rows(kit.ctx, kit.booking_id) == [(A.PENDING, intent.id)]
    assert intent.status == "requires_confirmation"
    assert booking_state(kit.ctx, kit.booking_id) == (S.CONFIRMED, P.PENDING)


def test_confirm_answer_lost_is_found_paid_by_the_poller(kit: FakeKit) -> None:
    def confirmed_then_lost(intent_id: str, **_: object) -> PaymentIntentInfo:
        kit.gateway.with_status(intent_id, "succeeded")  # Stripe charged the card ...
        raise kit.gateway.unreachable()  # ... and its answer never arrived

    kit.gateway.script("confirm_payment_intent", confirmed_then_lost)
    with pytest.raises(ExternalServiceError):
        kit.payments.pay_booking(kit.world.student, kit.booking_id)

    outcome = kit.payments.poll_payment(kit.world.student, only_payment_id(kit.ctx))

    assert outcome.state == "succeeded"
    assert booking_state(kit.ctx, kit.booking_id) == (S.CONFIRMED, P.PAID)
    assert len(kit.gateway.calls_to("confirm_payment_intent")) == 1


@pytest.mark.parametrize("field", ["amount", "amount_over", "currency", "booking_id", "payment_id"])
def test_an_intent_that_does_not_match_the_booking_is_never_paid(kit: FakeKit, field: str) -> None:
    def tampered(**params: object) -> PaymentIntentInfo:
        metadata = dict(params["metadata"])  # type: ignore[call-overload]
        if field == "amount":
            params["amount_minor"] = 100
        elif field == "amount_over":  # MORE than the booking's total is not paid either
            params["amount_minor"] = int(params["amount_minor"]) + 1  # type: ignore[call-overload]
        elif field == "currency":
            params["currency"] = "eur"
        elif field == "payment_id":  # the right booking, but another attempt's intent
            metadata["payment_id"] = "999999"
            params["metadata"] = metadata
        else:
            params["metadata"] = {"booking_id": "999999"}
        return FakePaymentsGateway.create_payment_intent(kit.gateway, **params)  # type: ignore[arg-type]

    kit.gateway.script("create_payment_intent", tampered)

    with pytest.raises(ExternalServiceError, match="does not match the booking"):
        kit.payments.pay_booking(kit.world.student, kit.booking_id)

    assert booking_state(kit.ctx, kit.booking_id) == (S.CONFIRMED, P.FAILED)
    assert [status for status, _ in payment_rows(kit.ctx, kit.booking_id)] == [A.FAILED]
    with kit.ctx.unit_of_work(write=False) as uow:
        actions = uow.session.scalars(select(AuditEvent.action)).all()
    assert "payment.mismatch" in actions


def test_the_payment_intent_is_created_and_confirmed_with_the_stored_idempotency_key(
    kit: FakeKit,
) -> None:
    kit.gateway.script(
        "confirm_payment_intent",
        lambda intent_id, **_: kit.gateway.declined(intent_id, "Your card was declined."),
    )
    with pytest.raises(PaymentDeclined):
        kit.payments.pay_booking(kit.world.student, kit.booking_id)
    kit.payments.pay_booking(kit.world.student, kit.booking_id)  # the second attempt succeeds

    with kit.ctx.unit_of_work(write=False) as uow:
        stored = uow.session.scalars(
            select(Payment.idempotency_key)
            .where(Payment.booking_id == kit.booking_id)
            .order_by(Payment.id)
        ).all()
    creates = [
        call.kwargs["idempotency_key"] for call in kit.gateway.calls_to("create_payment_intent")
    ]
    confirms = [
        call.kwargs["idempotency_key"] for call in kit.gateway.calls_to("confirm_payment_intent")
    ]
    # the key stored on the attempt is the one Stripe gets: a repeated create (a retry, the
    # reconcile's replay) then returns the same PaymentIntent instead of making a second one
    assert creates == list(stored)
    assert confirms == [f"{key}-confirm" for key in stored]
    # each attempt has its own key, naming its booking
    assert len(set(stored)) == 2
    assert all(key.startswith(f"linguaflex-pay-{kit.booking_id}-") for key in stored)
    assert booking_state(kit.ctx, kit.booking_id) == (S.CONFIRMED, P.PAID)
