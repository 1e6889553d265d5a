"""A refund Stripe answers "pending" announces no success, on SQLite and Postgres: nobody is
told of a pending partial refund until the payment reconcile finds it succeeded (then both,
once); a pending refund that fails gives its amount back and tells nobody; a pending FULL
refund cancels the booking but says the money is still on its way, and if it then fails the
payment is flagged for an admin (a cancelled booking is not reopened)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select

from linguaflex_desktop.adapters.stripe.gateway import StripeGateway
from linguaflex_desktop.adapters.stripe.sandbox import StripeSandbox
from linguaflex_desktop.models import AuditEvent, BookingStatus, PaymentStatus, RefundStatus
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.worker.runtime import has_unsettled_payments
from tests.integration.booking_follow_up_helpers import kinds_of
from tests.integration.payment_helpers import booking_state
from tests.integration.refund_notice_helpers import (
    PRICE,
    PaidBooking,
    PendingRefundsFail,
    RefundsAnswerPending,
    paid_booking_by_card,
    rows_of_kind,
    stripe_side_with,
)

PARTIAL = "partially_refunded"


@pytest.fixture
def paid(
    ctx: ServiceContext, stripe_gateway: StripeGateway, stripe_sandbox: StripeSandbox
) -> Iterator[PaidBooking]:
    booking = paid_booking_by_card(ctx, stripe_gateway, stripe_sandbox)
    yield booking
    booking.close()


def test_pending_partial_refund_is_told_only_once_stripe_says_it_succeeded(
    ctx: ServiceContext, paid: PaidBooking, stripe_sandbox: StripeSandbox
) -> None:
    side = stripe_side_with(RefundsAnswerPending, stripe_sandbox, ctx)
    result = side.refunds.refund(
        paid.admin, paid.booking_id, amount_minor=2000, reason="Late", request_key="r-1"
    )

    assert result.refund.status is RefundStatus.PENDING
    assert all(rows_of_kind(ctx, user, PARTIAL) == [] for user in paid.parties)
    assert has_unsettled_payments(ctx)  # so the periodic reconcile will ask Stripe

    report = side.reconciler.reconcile_pending()
    again = side.reconciler.reconcile_pending()

    assert (report.refunds_settled, again.refunds_settled) == (1, 0)
    assert not has_unsettled_payments(ctx)
    for user in paid.parties:
        [row] = rows_of_kind(ctx, user, PARTIAL)
        assert "20.00 USD" in row.body_text and "32.50 USD" in row.body_text
    receipt = paid.kit.payment_views.payment_for_booking(paid.admin, paid.booking_id)
    assert [r.status for r in receipt.refunds] == [RefundStatus.SUCCEEDED]
    assert receipt.refunded_minor == 2000


def test_pending_refund_that_fails_gives_the_amount_back_and_tells_nobody(
    ctx: ServiceContext, paid: PaidBooking, stripe_sandbox: StripeSandbox
) -> None:
    side = stripe_side_with(PendingRefundsFail, stripe_sandbox, ctx)
    side.refunds.refund(
        paid.admin, paid.booking_id, amount_minor=2000, reason="Late", request_key="r-1"
    )
    assert side.refunds.preview_refund(paid.admin, paid.booking_id).amount_minor == PRICE - 2000

    report = side.reconciler.reconcile_pending()

    assert report.refunds_settled == 1 and report.needs_attention == ()
    assert side.refunds.preview_refund(paid.admin, paid.booking_id).amount_minor == PRICE
    receipt = paid.kit.payment_views.payment_for_booking(paid.admin, paid.booking_id)
    assert [r.status for r in receipt.refunds] == [RefundStatus.FAILED]
    assert receipt.refunded_minor == 0
    assert all(rows_of_kind(ctx, user, PARTIAL) == [] for user in paid.parties)
    assert booking_state(ctx, paid.booking_id) == (BookingStatus.CONFIRMED, PaymentStatus.PAID)


def test_pending_full_refund_cancels_but_says_the_money_is_still_on_its_way(
    ctx: ServiceContext, paid: PaidBooking, stripe_sandbox: StripeSandbox
) -> None:
    side = stripe_side_with(RefundsAnswerPending, stripe_sandbox, ctx)
    side.refunds.cancel_paid_booking(
        paid.admin, paid.booking_id, reason="Teacher ill", request_key="c-1"
    )

    assert booking_state(ctx, paid.booking_id) == (BookingStatus.CANCELLED, PaymentStatus.REFUNDED)
    student, teacher = paid.parties
    [to_student] = rows_of_kind(ctx, student, "refunded")
    assert "Your payment of 52.50 USD is being refunded." in to_student.body_text
    assert "Stripe is still processing the refund" in to_student.body_text
    assert "is refunded" not in to_student.body_text
    [to_teacher] = rows_of_kind(ctx, teacher, "refunded")
    assert "The payment is being refunded to Sam." in to_teacher.body_text

    assert (
        side.reconciler.reconcile_pending().refunds_settled == 1
    )  # it succeeded: no second message
    for user in paid.parties:
        assert kinds_of(ctx, user).count("refunded") == 1
        assert rows_of_kind(ctx, user, PARTIAL) == []


def test_pending_full_refund_that_fails_is_flagged_for_an_admin_not_reopened(
    ctx: ServiceContext, paid: PaidBooking, stripe_sandbox: StripeSandbox
) -> None:
    side = stripe_side_with(PendingRefundsFail, stripe_sandbox, ctx)
    result = side.refunds.cancel_paid_booking(
        paid.admin, paid.booking_id, reason="Teacher ill", request_key="c-1"
    )

    report = side.reconciler.reconcile_pending()

    assert report.refunds_settled == 1
    assert report.needs_attention == (result.refund.payment_id,)
    assert booking_state(ctx, paid.booking_id) == (BookingStatus.CANCELLED, PaymentStatus.REFUNDED)
    receipt = paid.kit.payment_views.payment_for_booking(paid.admin, paid.booking_id)
    assert [r.status for r in receipt.refunds] == [RefundStatus.FAILED]
    with ctx.unit_of_work(write=False) as uow:
        flagged = uow.session.scalar(
            select(AuditEvent.id).where(
                AuditEvent.action == "refund.needs_attention",
                AuditEvent.entity_id == result.refund.id,
            )
        )
    assert flagged is not None
    for user in paid.parties:  # nobody is told anything new
        assert kinds_of(ctx, user).count("refunded") == 1
