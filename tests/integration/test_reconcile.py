"""Reconciliation against the real localstripe, on SQLite and Postgres: attempts left
``creating``/``pending`` (Stripe unreachable, answers lost, 3-D Secure abandoned) are settled
exactly once; abandoned PaymentIntents are cancelled at Stripe."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select, update

from linguaflex_desktop.adapters.stripe.gateway import StripeGateway
from linguaflex_desktop.adapters.stripe.sandbox import StripeSandbox
from linguaflex_desktop.errors import ExternalServiceError, ValidationError
from linguaflex_desktop.models import (
    AuditEvent,
    BookingStatus,
    Payment,
    PaymentAttemptStatus,
    PaymentStatus,
    SessionBooking,
    StripeCustomer,
)
from linguaflex_desktop.services.booking.due import DueTransitions
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.payments.dto import ReconcileReport
from linguaflex_desktop.services.payments.reconcile import Reconciler
from linguaflex_desktop.services.payments.service import PaymentService
from tests.conftest import FakeClock
from tests.integration.payment_helpers import (
    THREE_D_SECURE_CARD,
    ConfirmAnswerLost,
    ConfirmNeverAnswers,
    PayKit,
    booking_state,
    dead_gateway,
    gateway_like,
    intents_at_stripe,
    kit_fixture,
    payment_rows,
    save_raw_card,
    succeeded_charges,
)

S, P, A = BookingStatus, PaymentStatus, PaymentAttemptStatus


@pytest.fixture
def kit(
    ctx: ServiceContext, stripe_gateway: StripeGateway, stripe_sandbox: StripeSandbox
) -> Iterator[PayKit]:
    yield from kit_fixture(ctx, stripe_gateway, stripe_sandbox)


def only_payment_id(kit: PayKit) -> int:
    with kit.ctx.unit_of_work(write=False) as uow:
        ids = uow.session.scalars(select(Payment.id).where(Payment.booking_id == kit.booking_id))
        [payment_id] = ids.all()
        return payment_id


def audit_count(ctx: ServiceContext, action: str) -> int:
    with ctx.unit_of_work(write=False) as uow:
        query = select(func.count()).where(AuditEvent.action == action)
        return int(uow.session.scalar(query) or 0)


def pay_while_stripe_is_down(kit: PayKit) -> int:
    kit.cards.save_test_card(kit.world.student)
    with pytest.raises(ExternalServiceError, match="did not answer"):
        PaymentService(kit.ctx, dead_gateway()).pay_booking(kit.world.student, kit.booking_id)
    return only_payment_id(kit)


def test_a_payment_that_succeeded_at_stripe_while_we_were_away_becomes_paid_once(
    kit: PayKit,
) -> None:
    payment_id = pay_while_stripe_is_down(kit)
    assert payment_rows(kit.ctx, kit.booking_id) == [(A.CREATING, None)]
    # Stripe did get a PaymentIntent for this attempt, and it succeeded; we stored its id.
    with kit.ctx.unit_of_work(write=False) as uow:
        payment = uow.session.get(Payment, payment_id)
        customer = uow.session.get(StripeCustomer, kit.world.student.id)
        assert payment is not None and customer is not None
        method, key = payment.stripe_payment_method_id or "", payment.idempotency_key
        customer_id = customer.stripe_customer_id
    intent = kit.gateway.create_payment_intent(
        amount_minor=5250,
        currency="USD",
        customer_id=customer_id,
        payment_method_id=method,
        metadata={"booking_id": str(kit.booking_id), "payment_id": str(payment_id)},
        idempotency_key=key,
    )
    kit.gateway.confirm_payment_intent(intent.id, idempotency_key=f"{key}-confirm")
    with kit.ctx.unit_of_work() as uow:
        uow.session.execute(
            update(Payment)
            .where(Payment.id == payment_id)
            .values(stripe_payment_intent_id=intent.id, status=A.PENDING)
        )
        uow.commit()

    first = kit.reconciler.reconcile_pending()
    second = kit.reconciler.reconcile_pending()

    assert first == ReconcileReport(checked=1, paid=1)
    assert second == ReconcileReport()
    assert booking_state(kit.ctx, kit.booking_id) == (S.CONFIRMED, P.PAID)
    assert audit_count(kit.ctx, "booking.payment_paid") == 1
    assert succeeded_charges(kit, kit.world.student) == 1


def test_an_attempt_stripe_never_saw_is_closed_after_the_grace_period_and_can_be_retried(
    kit: PayKit, clock: FakeClock
) -> None:
    pay_while_stripe_is_down(kit)

    early = kit.reconciler.reconcile_pending()
    assert early == ReconcileReport(checked=1, still_pending=1)
    assert payment_rows(kit.ctx, kit.booking_id) == [(A.CREATING, None)]

    clock.advance(minutes=5)
    late = kit.reconciler.reconcile_pending()

    assert late == ReconcileReport(checked=1, canceled=1)
    assert payment_rows(kit.ctx, kit.booking_id) == [(A.CANCELED, None)]
    assert booking_state(kit.ctx, kit.booking_id) == (S.CONFIRMED, P.FAILED)
    assert intents_at_stripe(kit, kit.world.student) == []  # the sandbox: no replay
    assert kit.payments.pay_booking(kit.world.student, kit.booking_id).state == "succeeded"


def test_a_confirm_that_never_reached_stripe_is_cancelled_after_the_grace_period(
    kit: PayKit, clock: FakeClock
) -> None:
    kit.cards.save_test_card(kit.world.student)
    flaky = PaymentService(kit.ctx, gateway_like(ConfirmNeverAnswers, kit.sandbox))
    with pytest.raises(ExternalServiceError):
        flaky.pay_booking(kit.world.student, kit.booking_id)

    assert kit.reconciler.reconcile_pending() == ReconcileReport(checked=1, still_pending=1)
    clock.advance(minutes=6)
    report = kit.reconciler.reconcile_pending()

    assert report == ReconcileReport(checked=1, canceled=1)
    assert [i["status"] for i in intents_at_stripe(kit, kit.world.student)] == ["canceled"]
    assert booking_state(kit.ctx, kit.booking_id) == (S.CONFIRMED, P.FAILED)


def test_a_decline_whose_answer_was_lost_is_settled_failed_with_stripes_message(
    kit: PayKit,
) -> None:
    kit.cards.save_test_card(kit.world.student, "pm_card_chargeCustomerFail")
    flaky = PaymentService(kit.ctx, gateway_like(ConfirmAnswerLost, kit.sandbox))
    with pytest.raises(ExternalServiceError):
        flaky.pay_booking(kit.world.student, kit.booking_id)

    report = kit.reconciler.reconcile_pending()

    assert report == ReconcileReport(checked=1, failed=1)
    receipt = kit.payment_views.payment_for_booking(kit.world.student, kit.booking_id)
    assert receipt.attempts[0].failure_message == "Your card was declined."
    assert booking_state(kit.ctx, kit.booking_id) == (S.CONFIRMED, P.FAILED)


def test_three_d_secure_in_progress_is_left_alone_until_the_deadline_then_cancelled(
    kit: PayKit, clock: FakeClock
) -> None:
    card_id = save_raw_card(kit, kit.world.student, THREE_D_SECURE_CARD)
    kit.payments.pay_booking(kit.world.student, kit.booking_id, card_id=card_id)

    assert kit.reconciler.reconcile_pending() == ReconcileReport(checked=1, still_pending=1)
    clock.advance(hours=24)  # past payment_due_by
    report = kit.reconciler.reconcile_pending()

    assert report == ReconcileReport(checked=1, canceled=1)
    assert [i["status"] for i in intents_at_stripe(kit, kit.world.student)] == ["canceled"]
    assert booking_state(kit.ctx, kit.booking_id) == (S.CONFIRMED, P.FAILED)
    DueTransitions(kit.ctx).run_due_transitions()
    assert booking_state(kit.ctx, kit.booking_id) == (S.CANCELLED, P.FAILED)


def test_an_unpaid_intent_of_a_booking_cancelled_meanwhile_is_cancelled_at_stripe(
    kit: PayKit,
) -> None:
    card_id = save_raw_card(kit, kit.world.student, THREE_D_SECURE_CARD)
    kit.payments.pay_booking(kit.world.student, kit.booking_id, card_id=card_id)
    with kit.ctx.unit_of_work() as uow:  # e.g. an older app version cancelled it
        uow.session.execute(
            update(SessionBooking)
            .where(SessionBooking.id == kit.booking_id)
            .values(status=S.CANCELLED, payment_status=P.FAILED, version=99)
        )
        uow.commit()

    report = kit.reconciler.reconcile_pending()

    assert report == ReconcileReport(checked=1, canceled=1)
    assert [i["status"] for i in intents_at_stripe(kit, kit.world.student)] == ["canceled"]
    assert payment_rows(kit.ctx, kit.booking_id)[0][0] is A.CANCELED


def test_stripe_unreachable_during_reconcile_changes_nothing(kit: PayKit) -> None:
    card_id = save_raw_card(kit, kit.world.student, THREE_D_SECURE_CARD)
    kit.payments.pay_booking(kit.world.student, kit.booking_id, card_id=card_id)
    offline = Reconciler(kit.ctx, dead_gateway())

    report = offline.reconcile_pending()

    assert report == ReconcileReport(checked=1, unreachable=1)
    assert payment_rows(kit.ctx, kit.booking_id)[0][0] is A.PENDING
    assert booking_state(kit.ctx, kit.booking_id) == (S.CONFIRMED, P.PENDING)


def test_concurrent_reconciles_and_the_poller_mark_paid_exactly_once(kit: PayKit) -> None:
    kit.cards.save_test_card(kit.world.student)
    flaky = PaymentService(kit.ctx, gateway_like(ConfirmAnswerLost, kit.sandbox))
    with pytest.raises(ExternalServiceError):
        flaky.pay_booking(kit.world.student, kit.booking_id)
    payment_id = only_payment_id(kit)
    barrier = threading.Barrier(3)
    reports: list[ReconcileReport] = []
    polls: list[str] = []

    def reconcile() -> None:
        barrier.wait(timeout=30)
        reports.append(kit.reconciler.reconcile_pending())

    def poll() -> None:
        barrier.wait(timeout=30)
        polls.append(kit.payments.poll_payment(kit.world.student, payment_id).state)

    threads = [threading.Thread(target=t) for t in (reconcile, reconcile, poll)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert polls == ["succeeded"]
    assert sum(report.paid for report in reports) <= 1
    assert audit_count(kit.ctx, "payment.succeeded") == 1
    assert audit_count(kit.ctx, "booking.payment_paid") == 1
    assert booking_state(kit.ctx, kit.booking_id) == (S.CONFIRMED, P.PAID)


def test_reconcile_respects_its_limit_oldest_first(kit: PayKit, clock: FakeClock) -> None:
    pay_while_stripe_is_down(kit)
    clock.advance(minutes=10)
    with pytest.raises(ValidationError, match="cannot be negative"):
        kit.reconciler.reconcile_pending(limit=-5)  # Postgres would refuse, SQLite read "all"
    assert kit.reconciler.reconcile_pending(limit=0) == ReconcileReport()
    assert kit.reconciler.reconcile_pending(limit=1).checked == 1


def test_a_pass_asked_to_stop_leaves_the_attempts_to_the_next_pass(
    kit: PayKit, clock: FakeClock
) -> None:
    """The app quits before the pass reached the attempt: nothing is asked of Stripe, and the
    next pass settles it as usual."""
    pay_while_stripe_is_down(kit)
    clock.advance(minutes=5)

    assert kit.reconciler.reconcile_pending(should_stop=lambda: True) == ReconcileReport()
    assert payment_rows(kit.ctx, kit.booking_id) == [(A.CREATING, None)]

    assert kit.reconciler.reconcile_pending() == ReconcileReport(checked=1, canceled=1)
    assert payment_rows(kit.ctx, kit.booking_id) == [(A.CANCELED, None)]
