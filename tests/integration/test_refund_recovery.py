"""Refunds whose Stripe call got no answer (left ``creating``), against the real localstripe on
SQLite and Postgres: after the grace period the payment reconcile adopts the refund Stripe
made (found by our refund id in its metadata) instead of making it again, sends once a refund
Stripe never saw, records a refusal as failed, and never re-sends while Stripe holds a refund
we cannot attribute. Notifications follow the refund rules (told once, on success)."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping
from typing import Any

import pytest
from sqlalchemy import func, select

from linguaflex_desktop.adapters.stripe.gateway import RefundInfo, StripeGateway
from linguaflex_desktop.adapters.stripe.sandbox import StripeSandbox
from linguaflex_desktop.errors import Conflict, ExternalServiceError, StripeRequestRefused
from linguaflex_desktop.models import (
    AuditEvent,
    BookingStatus,
    Payment,
    PaymentStatus,
    Refund,
    RefundStatus,
)
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.payments.reconcile import DEFAULT_CREATING_GRACE, Reconciler
from linguaflex_desktop.services.payments.refund_recovery import refund_metadata
from linguaflex_desktop.services.payments.refunds import Refunds
from linguaflex_desktop.worker.runtime import has_unsettled_payments
from tests.conftest import FakeClock
from tests.integration.booking_follow_up_helpers import kinds_of
from tests.integration.payment_helpers import booking_state, dead_gateway, sandbox_client
from tests.integration.refund_notice_helpers import (
    PRICE,
    PaidBooking,
    paid_booking_by_card,
    rows_of_kind,
    stripe_side_with,
)

S, P, R = BookingStatus, PaymentStatus, RefundStatus
PARTIAL = "partially_refunded"
GRACE = DEFAULT_CREATING_GRACE  # the Reconciler's default creating_grace


class RefundAnswerLost(StripeGateway):
    """The sandbox gateway, except that the answer to a refund is lost (Stripe made it)."""

    def create_refund(
        self,
        *,
        payment_intent_id: str,
        amount_minor: int,
        idempotency_key: str,
        metadata: Mapping[str, str] | None = None,
    ) -> RefundInfo:
        super().create_refund(
            payment_intent_id=payment_intent_id,
            amount_minor=amount_minor,
            idempotency_key=idempotency_key,
            metadata=metadata,
        )
        raise ExternalServiceError("Stripe could not be reached (test: answer lost).")


class RefundsSendARejectedParameter(StripeGateway):
    """The sandbox gateway, except that a refund also sends ``reason``, which localstripe
    refuses with HTTP 400 "Unexpected reason" (Stripe answered and made nothing)."""

    def _call(self, method: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
        if method == self._v1.refunds.create:
            kwargs["params"] = {**kwargs["params"], "reason": "requested_by_customer"}
        return super()._call(method, *args, **kwargs)


@pytest.fixture
def paid(
    ctx: ServiceContext, stripe_gateway: StripeGateway, stripe_sandbox: StripeSandbox
) -> Iterator[PaidBooking]:
    booking = paid_booking_by_card(ctx, stripe_gateway, stripe_sandbox)
    yield booking
    booking.close()


def intent_id(paid: PaidBooking) -> str:
    with paid.kit.ctx.unit_of_work(write=False) as uow:
        query = select(Payment.stripe_payment_intent_id).where(
            Payment.booking_id == paid.booking_id
        )
        found = uow.session.scalar(query)
    assert found is not None
    return found


def at_stripe(paid: PaidBooking) -> list[RefundInfo]:
    return list(paid.kit.gateway.list_refunds(intent_id(paid)))


def our_refunds(ctx: ServiceContext) -> list[tuple[RefundStatus, str | None]]:
    with ctx.unit_of_work(write=False) as uow:
        rows = uow.session.scalars(select(Refund).order_by(Refund.id))
        return [(row.status, row.stripe_refund_id) for row in rows]


def audit_count(ctx: ServiceContext, action: str) -> int:
    with ctx.unit_of_work(write=False) as uow:
        query = select(func.count()).where(AuditEvent.action == action)
        return int(uow.session.scalar(query) or 0)


def lost_partial_refund(paid: PaidBooking) -> int:
    """A 20.00 refund whose call never reached Stripe: our row stays ``creating``."""
    offline = Refunds(paid.kit.ctx, dead_gateway())
    with pytest.raises(ExternalServiceError, match="will not be made twice"):
        offline.refund(
            paid.admin, paid.booking_id, amount_minor=2000, reason="Late", request_key="r-1"
        )
    with paid.kit.ctx.unit_of_work(write=False) as uow:
        refund_id = uow.session.scalar(select(Refund.id))
    assert refund_id is not None
    return refund_id


def test_a_full_refund_whose_answer_was_lost_is_adopted_not_made_again(
    ctx: ServiceContext, paid: PaidBooking, stripe_sandbox: StripeSandbox, clock: FakeClock
) -> None:
    lossy = stripe_side_with(RefundAnswerLost, stripe_sandbox, ctx)
    with pytest.raises(ExternalServiceError, match="will not be made twice"):
        lossy.refunds.cancel_paid_booking(
            paid.admin, paid.booking_id, reason="Ill", request_key="c-1"
        )
    [made] = at_stripe(paid)
    assert our_refunds(ctx) == [(R.CREATING, None)]
    assert has_unsettled_payments(ctx)  # so the worker's periodic reconcile runs

    early = paid.kit.reconciler.reconcile_pending()  # within the grace: the call may still run
    clock.advance(seconds=GRACE.total_seconds())
    report = paid.kit.reconciler.reconcile_pending()
    again = paid.kit.reconciler.reconcile_pending()

    assert (early.refunds_resumed, report.refunds_resumed, again.refunds_resumed) == (0, 1, 0)
    assert [info.id for info in at_stripe(paid)] == [made.id]  # not refunded twice
    assert paid.kit.gateway.amount_refunded(intent_id(paid)) == PRICE
    assert our_refunds(ctx) == [(R.SUCCEEDED, made.id)]
    assert booking_state(ctx, paid.booking_id) == (S.CANCELLED, P.REFUNDED)
    assert audit_count(ctx, "refund.adopted") == 1
    for user in paid.parties:
        assert kinds_of(ctx, user).count("refunded") == 1
    assert not has_unsettled_payments(ctx)


def test_a_partial_refund_made_at_stripe_by_an_earlier_call_is_adopted_and_told_once(
    ctx: ServiceContext, paid: PaidBooking, clock: FakeClock
) -> None:
    refund_id = lost_partial_refund(paid)
    made = paid.kit.gateway.create_refund(  # the first call DID reach Stripe
        payment_intent_id=intent_id(paid),
        amount_minor=2000,
        idempotency_key="r-1",
        metadata=refund_metadata(refund_id, paid.booking_id),
    )
    clock.advance(seconds=GRACE.total_seconds())

    report = paid.kit.reconciler.reconcile_pending()

    assert report.refunds_resumed == 1 and report.needs_attention == ()
    assert [info.id for info in at_stripe(paid)] == [made.id]
    assert our_refunds(ctx) == [(R.SUCCEEDED, made.id)]
    assert booking_state(ctx, paid.booking_id) == (S.CONFIRMED, P.PAID)
    for user in paid.parties:
        [told] = rows_of_kind(ctx, user, PARTIAL)
        assert "20.00 USD" in told.body_text and "32.50 USD" in told.body_text
    paid.kit.reconciler.reconcile_pending()
    assert all(len(rows_of_kind(ctx, user, PARTIAL)) == 1 for user in paid.parties)


def test_a_refund_that_never_reached_stripe_is_sent_once_by_the_reconcile(
    ctx: ServiceContext, paid: PaidBooking, clock: FakeClock
) -> None:
    refund_id = lost_partial_refund(paid)
    paid.kit.reconciler.reconcile_pending()
    assert at_stripe(paid) == []  # not within the grace period
    clock.advance(seconds=GRACE.total_seconds())

    report = paid.kit.reconciler.reconcile_pending()
    paid.kit.reconciler.reconcile_pending()
    repeat = paid.kit.refunds.refund(
        paid.admin, paid.booking_id, amount_minor=2000, reason="Late", request_key="r-1"
    )

    assert report.refunds_resumed == 1
    [sent] = at_stripe(paid)
    assert (sent.amount, sent.metadata.get("refund_id")) == (2000, str(refund_id))
    assert our_refunds(ctx) == [(R.SUCCEEDED, sent.id)]
    assert repeat.duplicate and repeat.refund.stripe_refund_id == sent.id
    assert paid.kit.gateway.amount_refunded(intent_id(paid)) == 2000
    assert all(len(rows_of_kind(ctx, user, PARTIAL)) == 1 for user in paid.parties)


def test_an_admin_repeating_a_refund_whose_answer_was_lost_adopts_it(
    ctx: ServiceContext, paid: PaidBooking, stripe_sandbox: StripeSandbox, clock: FakeClock
) -> None:
    lossy = stripe_side_with(RefundAnswerLost, stripe_sandbox, ctx)
    with pytest.raises(ExternalServiceError):
        lossy.refunds.refund(
            paid.admin, paid.booking_id, amount_minor=2000, reason="Late", request_key="r-1"
        )
    [made] = at_stripe(paid)
    clock.advance(seconds=30)  # REFUND_RETRY_AFTER: the admin may repeat it

    repeat = paid.kit.refunds.refund(
        paid.admin, paid.booking_id, amount_minor=2000, reason="Late", request_key="r-1"
    )

    assert not repeat.duplicate
    assert (repeat.refund.status, repeat.refund.stripe_refund_id) == (R.SUCCEEDED, made.id)
    assert [info.id for info in at_stripe(paid)] == [made.id]
    assert paid.kit.gateway.amount_refunded(intent_id(paid)) == 2000


def test_stripe_refusing_the_resent_refund_fails_it_and_gives_the_amount_back(
    ctx: ServiceContext, paid: PaidBooking, stripe_sandbox: StripeSandbox, clock: FakeClock
) -> None:
    lost_partial_refund(paid)
    refusing = stripe_side_with(RefundsSendARejectedParameter, stripe_sandbox, ctx)
    clock.advance(seconds=GRACE.total_seconds())

    report = refusing.reconciler.reconcile_pending()

    assert report.refunds_resumed == 1
    assert our_refunds(ctx) == [(R.FAILED, None)] and at_stripe(paid) == []
    assert refusing.refunds.preview_refund(paid.admin, paid.booking_id).amount_minor == PRICE
    assert booking_state(ctx, paid.booking_id) == (S.CONFIRMED, P.PAID)
    assert audit_count(ctx, "refund.refused") == 1
    assert all(rows_of_kind(ctx, user, PARTIAL) == [] for user in paid.parties)


def test_a_refund_stripe_refuses_at_once_is_failed_and_can_be_made_again(
    ctx: ServiceContext, paid: PaidBooking, stripe_sandbox: StripeSandbox
) -> None:
    refusing = stripe_side_with(RefundsSendARejectedParameter, stripe_sandbox, ctx)

    with pytest.raises(StripeRequestRefused, match=r"Unexpected reason\. Nothing was refunded"):
        refusing.refunds.refund(
            paid.admin, paid.booking_id, amount_minor=2000, reason="Late", request_key="r-1"
        )

    assert our_refunds(ctx) == [(R.FAILED, None)]
    made = paid.kit.refunds.refund(paid.admin, paid.booking_id, reason="x", request_key="r-2")
    assert (made.refund.amount_minor, made.refund.status) == (PRICE, R.SUCCEEDED)


def test_a_refund_at_stripe_we_cannot_attribute_stops_the_resend_and_is_flagged_once(
    ctx: ServiceContext, paid: PaidBooking, clock: FakeClock
) -> None:
    lost_partial_refund(paid)
    # e.g. made in the Stripe Dashboard, or by a version that did not send our refund id
    sandbox_client(paid.kit.sandbox).v1.refunds.create(
        params={"payment_intent": intent_id(paid), "amount": 2000}
    )
    clock.advance(seconds=GRACE.total_seconds())

    report = paid.kit.reconciler.reconcile_pending()
    clock.advance(seconds=GRACE.total_seconds())
    again = paid.kit.reconciler.reconcile_pending()

    [payment_id] = report.needs_attention
    assert again.needs_attention == (payment_id,)
    assert (report.refunds_resumed, again.refunds_resumed) == (0, 0)
    assert len(at_stripe(paid)) == 1  # nothing sent
    assert our_refunds(ctx) == [(R.CREATING, None)]
    assert audit_count(ctx, "refund.needs_attention") == 1
    clock.advance(seconds=30)  # the admin repeating it is not sent either
    with pytest.raises(Conflict, match="did not record"):
        paid.kit.refunds.refund(
            paid.admin, paid.booking_id, amount_minor=2000, reason="Late", request_key="r-1"
        )
    assert len(at_stripe(paid)) == 1


def test_concurrent_reconciles_send_a_lost_refund_once(
    ctx: ServiceContext, paid: PaidBooking, stripe_gateway: StripeGateway, clock: FakeClock
) -> None:
    lost_partial_refund(paid)
    clock.advance(seconds=GRACE.total_seconds())
    reconcilers = [Reconciler(ctx, stripe_gateway) for _ in range(4)]
    barrier = threading.Barrier(len(reconcilers))
    resumed: list[int] = []
    errors: list[BaseException] = []

    def run(reconciler: Reconciler) -> None:
        try:
            barrier.wait(timeout=30)
            resumed.append(reconciler.reconcile_pending().refunds_resumed)
        except BaseException as error:  # reported below
            errors.append(error)

    threads = [threading.Thread(target=run, args=(reconciler,)) for reconciler in reconcilers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == [] and sorted(resumed) == [0, 0, 0, 1]
    assert len(at_stripe(paid)) == 1
    assert [status for status, _ in our_refunds(ctx)] == [R.SUCCEEDED]
