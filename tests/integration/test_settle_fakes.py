"""``settle``'s bookkeeping on SQLite, with the fake gateway opening the attempts: what an
already settled row means for the user (``outcome_of``), closing an attempt Stripe never
started (``close_unstarted``: the row, the booking's payment status, the audit rows), and the
booking's payment moving to FAILED only for a CONFIRMED booking whose payment is PENDING."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

import pytest
from sqlalchemy import select

from linguaflex_desktop.errors import ExternalServiceError, PaymentDeclined
from linguaflex_desktop.models import (
    AuditEvent,
    BookingStatus,
    Payment,
    PaymentAttemptStatus,
    PaymentStatus,
    SessionBooking,
)
from linguaflex_desktop.services.booking.service import BookingService
from linguaflex_desktop.services.cards.service import CardService
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.payments import settle
from linguaflex_desktop.services.payments.service import PaymentService
from tests.conftest import FakeClock
from tests.fakes import FakePaymentsGateway
from tests.integration.booking_helpers import World, confirmed, make_world
from tests.integration.payment_helpers import booking_state

S, P, A = BookingStatus, PaymentStatus, PaymentAttemptStatus


@dataclass
class Unstarted:
    """A confirmed booking whose payment attempt is still ``creating`` (Stripe unreachable
    when the PaymentIntent was to be created)."""

    ctx: ServiceContext
    gateway: FakePaymentsGateway
    world: World
    payments: PaymentService
    booking_id: int
    payment_id: int


@pytest.fixture
def unstarted(ctx: ServiceContext) -> Iterator[Unstarted]:
    gateway = FakePaymentsGateway()
    world = make_world(ctx)
    booking = confirmed(BookingService(ctx), world)
    cards = CardService(ctx, gateway)
    payments = PaymentService(ctx, gateway)
    cards.save_test_card(world.student)
    gateway.script("create_payment_intent", gateway.unreachable())
    with pytest.raises(ExternalServiceError):
        payments.pay_booking(world.student, booking.id)
    with ctx.unit_of_work(write=False) as uow:
        (payment_id,) = uow.session.scalars(select(Payment.id)).all()
    yield Unstarted(ctx, gateway, world, payments, booking.id, payment_id)
    cards.close()
    payments.close()


def close(kit: Unstarted, to: PaymentAttemptStatus, *, actor_id: int | None) -> settle.Settled:
    with kit.ctx.unit_of_work() as uow:
        result = settle.close_unstarted(
            uow.session,
            kit.payment_id,
            to=to,
            code="create_refused",
            message="Card refused.",
            at=kit.ctx.now(),
            actor_id=actor_id,
        )
        uow.commit()
    return result


def payment_row(kit: Unstarted) -> Payment:
    with kit.ctx.unit_of_work(write=False) as uow:
        payment = uow.session.get(Payment, kit.payment_id)
        assert payment is not None
        uow.session.expunge(payment)
        return payment


def audit_since(kit: Unstarted, first_id: int) -> list[AuditEvent]:
    with kit.ctx.unit_of_work(write=False) as uow:
        rows = uow.session.scalars(
            select(AuditEvent).where(AuditEvent.id > first_id).order_by(AuditEvent.id)
        ).all()
        for row in rows:
            uow.session.expunge(row)
        return list(rows)


def last_audit_id(kit: Unstarted) -> int:
    with kit.ctx.unit_of_work(write=False) as uow:
        return int(uow.session.scalar(select(AuditEvent.id).order_by(AuditEvent.id.desc())) or 0)


def set_booking(kit: Unstarted, **values: object) -> None:
    with kit.ctx.unit_of_work() as uow:
        booking = uow.session.get(SessionBooking, kit.booking_id)
        assert booking is not None
        for name, value in values.items():
            setattr(booking, name, value)
        uow.commit()


# --- outcome_of: a settled row, told to the user ---------------------------------------------


def payment_with(status: PaymentAttemptStatus, message: str | None = None) -> Payment:
    return Payment(status=status, failure_message=message, amount_minor=5250, currency="USD")


def test_outcome_of_a_succeeded_payment_names_the_amount_received() -> None:
    assert settle.outcome_of(payment_with(A.SUCCEEDED)) == settle.Settled(
        "succeeded", "Payment received: 52.50 USD."
    )


@pytest.mark.parametrize(
    ("status", "state", "default"),
    [
        (A.FAILED, "failed", settle.NO_CARD_MESSAGE),
        (A.CANCELED, "canceled", settle.CANCELED_MESSAGE),
    ],
)
def test_outcome_of_an_ended_payment_gives_its_own_message_or_the_default(
    status: PaymentAttemptStatus, state: str, default: str
) -> None:
    assert settle.outcome_of(payment_with(status, "Declined.")) == settle.Settled(
        state,  # type: ignore[arg-type]
        "Declined.",
    )
    assert settle.outcome_of(payment_with(status)) == settle.Settled(state, default)  # type: ignore[arg-type]


@pytest.mark.parametrize("status", [A.CREATING, A.PENDING])
def test_outcome_of_an_active_payment_is_pending(status: PaymentAttemptStatus) -> None:
    assert settle.outcome_of(payment_with(status)) == settle.Settled(
        "pending", settle.PENDING_MESSAGE
    )


# --- close_unstarted -------------------------------------------------------------------------


def test_closing_an_unstarted_attempt_as_failed_records_why_and_lets_the_student_pay_again(
    unstarted: Unstarted, clock: FakeClock
) -> None:
    before = last_audit_id(unstarted)
    at = clock.advance(minutes=5)
    student = unstarted.world.student.id

    result = close(unstarted, A.FAILED, actor_id=student)

    assert result == settle.Settled("failed", "Card refused.", changed=True)
    row = payment_row(unstarted)
    assert (row.status, row.failure_code, row.failure_message) == (
        A.FAILED,
        "create_refused",
        "Card refused.",
    )
    assert row.updated_at.replace(tzinfo=at.tzinfo) == at
    assert booking_state(unstarted.ctx, unstarted.booking_id) == (S.CONFIRMED, P.FAILED)
    events = audit_since(unstarted, before)
    assert [(e.action, e.actor_id, e.reason) for e in events] == [
        ("booking.payment_failed", student, "Card refused."),
        ("payment.failed", student, "Card refused."),
    ]
    assert all(e.created_at.replace(tzinfo=at.tzinfo) == at for e in events)
    assert events[1].entity_id == unstarted.payment_id
    assert events[1].before == {"status": "creating", "payment_intent": None}
    assert events[1].after == {"status": "failed", "payment_intent": None}


def test_closing_an_unstarted_attempt_as_canceled_by_the_system(unstarted: Unstarted) -> None:
    before = last_audit_id(unstarted)

    result = close(unstarted, A.CANCELED, actor_id=None)

    assert result == settle.Settled("canceled", "Card refused.", changed=True)
    assert payment_row(unstarted).status is A.CANCELED
    events = audit_since(unstarted, before)
    assert [(e.action, e.actor_id) for e in events] == [
        ("booking.payment_failed", None),
        ("payment.canceled", None),
    ]


def test_an_attempt_that_moved_on_is_not_closed_again(unstarted: Unstarted) -> None:
    close(unstarted, A.FAILED, actor_id=None)
    before = last_audit_id(unstarted)

    again = close(unstarted, A.CANCELED, actor_id=None)

    assert again == settle.Settled("failed", "Card refused.", changed=False)
    assert payment_row(unstarted).status is A.FAILED
    assert audit_since(unstarted, before) == []


def test_a_closed_attempt_leaves_a_booking_that_is_no_longer_confirmed_alone(
    unstarted: Unstarted,
) -> None:
    set_booking(unstarted, status=S.CANCELLED)

    close(unstarted, A.FAILED, actor_id=None)

    assert payment_row(unstarted).status is A.FAILED
    assert booking_state(unstarted.ctx, unstarted.booking_id) == (S.CANCELLED, P.PENDING)


def test_a_closed_attempt_leaves_a_booking_payment_that_is_not_pending_alone(
    unstarted: Unstarted,
) -> None:
    set_booking(unstarted, payment_status=P.UNPAID)

    close(unstarted, A.FAILED, actor_id=None)

    assert booking_state(unstarted.ctx, unstarted.booking_id) == (S.CONFIRMED, P.UNPAID)


def test_a_payment_intent_refused_at_create_closes_the_attempt_as_failed(
    ctx: ServiceContext, clock: FakeClock
) -> None:
    gateway = FakePaymentsGateway()
    world = make_world(ctx)
    booking = confirmed(BookingService(ctx), world)
    cards = CardService(ctx, gateway)
    payments = PaymentService(ctx, gateway)
    cards.save_test_card(world.student)
    gateway.script("create_payment_intent", PaymentDeclined("Your card was declined."))
    try:
        with pytest.raises(PaymentDeclined):
            payments.pay_booking(world.student, booking.id)
        with ctx.unit_of_work(write=False) as uow:
            (row,) = uow.session.scalars(select(Payment)).all()
            assert (row.status, row.failure_code) == (A.FAILED, "create_refused")
        assert booking_state(ctx, booking.id) == (S.CONFIRMED, P.FAILED)
        clock.advance(seconds=1)
        assert payments.pay_booking(world.student, booking.id).state == "succeeded"
    finally:
        cards.close()
        payments.close()


def test_a_payment_poll_of_a_settled_attempt_tells_its_outcome(unstarted: Unstarted) -> None:
    close(unstarted, A.FAILED, actor_id=None)

    outcome = unstarted.payments.poll_payment(unstarted.world.student, unstarted.payment_id)

    assert (outcome.state, outcome.message) == ("failed", "Card refused.")


# --- settle: what Stripe says about a PaymentIntent, applied to our rows ----------------------


@pytest.fixture
def waiting(ctx: ServiceContext) -> Iterator[Unstarted]:
    """A payment attempt ``pending`` with its PaymentIntent: the confirm got no answer."""
    gateway = FakePaymentsGateway()
    world = make_world(ctx)
    booking = confirmed(BookingService(ctx), world)
    cards = CardService(ctx, gateway)
    payments = PaymentService(ctx, gateway)
    cards.save_test_card(world.student)
    gateway.script("confirm_payment_intent", gateway.unreachable())
    with pytest.raises(ExternalServiceError):
        payments.pay_booking(world.student, booking.id)
    with ctx.unit_of_work(write=False) as uow:
        (payment_id,) = uow.session.scalars(select(Payment.id)).all()
    yield Unstarted(ctx, gateway, world, payments, booking.id, payment_id)
    cards.close()
    payments.close()


def settle_with(
    kit: Unstarted,
    status: str,
    *,
    actor_id: int | None,
    canceled_message: str | None = None,
    **changes: Any,
) -> settle.Settled:
    info = replace(kit.gateway.with_status(kit.gateway.only_intent().id, status), **changes)
    with kit.ctx.unit_of_work() as uow:
        payment, booking = settle.lock_payment(uow.session, kit.payment_id)
        result = settle.settle(
            uow.session,
            payment,
            booking,
            info,
            at=kit.ctx.now(),
            actor_id=actor_id,
            canceled_message=canceled_message,
        )
        uow.commit()
    return result


def test_a_succeeded_intent_pays_the_booking_and_clears_an_earlier_failure(
    waiting: Unstarted, clock: FakeClock
) -> None:
    with waiting.ctx.unit_of_work() as uow:
        row = uow.session.get(Payment, waiting.payment_id)
        assert row is not None
        row.failure_code, row.failure_message = "old", "old"
        uow.commit()
    before = last_audit_id(waiting)
    at = clock.advance(minutes=2)
    student = waiting.world.student.id
    intent = waiting.gateway.only_intent().id

    result = settle_with(waiting, "succeeded", actor_id=student)

    assert result == settle.Settled(
        "succeeded", "Payment received: 52.50 USD.", changed=True, needs_attention=False
    )
    row = payment_row(waiting)
    assert (row.status, row.failure_code, row.failure_message) == (A.SUCCEEDED, None, None)
    assert row.succeeded_at is not None and row.succeeded_at.replace(tzinfo=at.tzinfo) == at
    assert booking_state(waiting.ctx, waiting.booking_id) == (S.CONFIRMED, P.PAID)
    events = audit_since(waiting, before)
    assert [(e.action, e.actor_id, e.reason) for e in events] == [
        ("booking.payment_paid", student, "Stripe confirmed the payment."),
        ("payment.succeeded", student, ""),
    ]
    assert all(e.created_at.replace(tzinfo=at.tzinfo) == at for e in events)
    assert events[1].before == {"status": "pending", "payment_intent": intent}
    assert events[1].after == {"status": "succeeded", "payment_intent": intent}


def test_a_late_success_after_a_failure_moves_the_booking_through_pending_to_paid(
    waiting: Unstarted,
) -> None:
    set_booking(waiting, payment_status=P.FAILED)
    before = last_audit_id(waiting)
    student = waiting.world.student.id
    at = waiting.ctx.now()

    result = settle_with(waiting, "succeeded", actor_id=student)

    assert result.state == "succeeded" and not result.needs_attention
    assert booking_state(waiting.ctx, waiting.booking_id) == (S.CONFIRMED, P.PAID)
    events = audit_since(waiting, before)[:2]
    assert [(e.action, e.actor_id, e.reason) for e in events] == [
        ("booking.payment_pending", student, "Stripe confirmed the payment."),
        ("booking.payment_paid", student, "Stripe confirmed the payment."),
    ]
    assert [e.created_at.replace(tzinfo=at.tzinfo) for e in events] == [at, at]


def test_a_success_on_a_closed_booking_needs_an_admin_and_leaves_the_booking(
    waiting: Unstarted,
) -> None:
    set_booking(waiting, status=S.CANCELLED)
    before = last_audit_id(waiting)

    result = settle_with(waiting, "succeeded", actor_id=None)

    assert result == settle.Settled(
        "succeeded", settle.ATTENTION_MESSAGE, changed=True, needs_attention=True
    )
    assert payment_row(waiting).status is A.SUCCEEDED
    assert booking_state(waiting.ctx, waiting.booking_id) == (S.CANCELLED, P.PENDING)
    assert [e.action for e in audit_since(waiting, before)] == ["payment.needs_attention"]


def test_a_mismatching_success_fails_the_attempt_with_its_reason_audited(
    waiting: Unstarted, clock: FakeClock
) -> None:
    before = last_audit_id(waiting)
    at = clock.advance(minutes=1)
    student = waiting.world.student.id

    result = settle_with(waiting, "succeeded", actor_id=student, amount=100)

    assert result == settle.Settled(
        "failed", settle.MISMATCH_MESSAGE, changed=True, needs_attention=True
    )
    row = payment_row(waiting)
    assert (row.status, row.failure_code, row.failure_message) == (
        A.FAILED,
        settle.MISMATCH_CODE,
        settle.MISMATCH_MESSAGE,
    )
    events = audit_since(waiting, before)
    assert [(e.action, e.actor_id, e.reason) for e in events] == [
        ("booking.payment_failed", student, settle.MISMATCH_MESSAGE),
        ("payment.failed", student, settle.MISMATCH_MESSAGE),
        ("payment.mismatch", student, "amount 100 != 5250"),
    ]
    assert all(e.created_at.replace(tzinfo=at.tzinfo) == at for e in events)


def test_a_declined_intent_fails_the_attempt_with_stripes_code_and_plain_words(
    waiting: Unstarted,
) -> None:
    before = last_audit_id(waiting)
    student = waiting.world.student.id

    result = settle_with(
        waiting,
        "requires_payment_method",
        actor_id=student,
        last_error_code="card_declined",
        last_error_message="The card has insufficient funds to complete the purchase.",
        last_decline_code="insufficient_funds",
    )

    plain = "Your card has insufficient funds. Use another card."
    assert result == settle.Settled("failed", plain, changed=True)
    assert [(e.action, e.actor_id) for e in audit_since(waiting, before)] == [
        ("booking.payment_failed", student),
        ("payment.failed", student),
    ]
    row = payment_row(waiting)
    assert (row.failure_code, row.failure_message) == ("card_declined", plain)


def test_a_declined_intent_without_words_gets_the_default_message(waiting: Unstarted) -> None:
    result = settle_with(waiting, "requires_payment_method", actor_id=None)

    assert result == settle.Settled("failed", settle.NO_CARD_MESSAGE, changed=True)


def test_a_canceled_intent_cancels_the_attempt(waiting: Unstarted) -> None:
    before = last_audit_id(waiting)
    student = waiting.world.student.id

    result = settle_with(waiting, "canceled", actor_id=student)

    assert result == settle.Settled("canceled", settle.CANCELED_MESSAGE, changed=True)
    row = payment_row(waiting)
    assert (row.status, row.failure_message) == (A.CANCELED, settle.CANCELED_MESSAGE)
    assert [(e.action, e.actor_id) for e in audit_since(waiting, before)] == [
        ("booking.payment_failed", student),
        ("payment.canceled", student),
    ]
    assert booking_state(waiting.ctx, waiting.booking_id) == (S.CONFIRMED, P.FAILED)


def test_a_failed_authentication_is_told_by_its_code_alone(waiting: Unstarted) -> None:
    result = settle_with(
        waiting,
        "requires_payment_method",
        actor_id=None,
        last_error_code="payment_intent_authentication_failure",
        last_error_message="The provided PaymentMethod has failed authentication.",
    )

    expected = "Your bank could not confirm it was you. Try again or use another card."
    assert result == settle.Settled("failed", expected, changed=True)
    assert payment_row(waiting).failure_message == expected


def test_a_cancel_with_a_reason_records_that_reason(waiting: Unstarted) -> None:
    why = "Cancelled: the bank's verification was left open for more than 30 minutes."

    result = settle_with(waiting, "canceled", actor_id=None, canceled_message=why)

    assert result == settle.Settled("canceled", why, changed=True)
    assert (payment_row(waiting).status, payment_row(waiting).failure_message) == (A.CANCELED, why)


@pytest.mark.parametrize(
    ("status", "state", "message"),
    [
        ("requires_action", "requires_action", settle.ACTION_MESSAGE),
        ("processing", "pending", settle.PENDING_MESSAGE),
    ],
)
def test_an_unfinished_intent_changes_nothing(
    waiting: Unstarted, status: str, state: str, message: str
) -> None:
    result = settle_with(waiting, status, actor_id=None)

    assert result == settle.Settled(state, message)  # type: ignore[arg-type]
    assert payment_row(waiting).status is A.PENDING
    assert booking_state(waiting.ctx, waiting.booking_id) == (S.CONFIRMED, P.PENDING)


def test_a_settled_attempt_is_never_settled_again(waiting: Unstarted) -> None:
    settle_with(waiting, "succeeded", actor_id=None)
    before = last_audit_id(waiting)

    again = settle_with(waiting, "canceled", actor_id=None)

    assert again == settle.Settled("succeeded", "Payment received: 52.50 USD.")
    assert audit_since(waiting, before) == []
