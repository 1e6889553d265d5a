"""How much of a paid booking a refund may return, and what it would do (the preview).

Fee treatment (``refunds`` module docstring): counted cumulatively per payment; a refund
reaching the whole amount paid returns everything, the platform fee included; anything less
comes out of the teacher's share first. ``split_after_refunds`` is the one place that computes
it; the earnings view and the revenue report use it too. Caller's session; no I/O.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from linguaflex_desktop.errors import Conflict, InvalidTransition, NotFound, ValidationError
from linguaflex_desktop.models import (
    BookingStatus,
    Payment,
    PaymentAttemptStatus,
    PaymentStatus,
    Refund,
    RefundStatus,
    SessionBooking,
)
from linguaflex_desktop.services.common.pricing import money
from linguaflex_desktop.services.payments.dto import RefundPreview
from linguaflex_desktop.texts import tx

RESERVING = (
    RefundStatus.CREATING,
    RefundStatus.PENDING,
    RefundStatus.REQUIRES_ACTION,
    RefundStatus.SUCCEEDED,
)


def split_after_refunds(
    *, paid_minor: int, share_minor: int, refunded_minor: int
) -> tuple[int, int]:
    """(teacher share, platform fee) left after ``refunded_minor`` was refunded in total
    (module docstring: from the teacher's share first; everything when fully refunded)."""
    if refunded_minor >= paid_minor:
        return 0, 0
    teacher = max(share_minor - refunded_minor, 0)
    return teacher, paid_minor - refunded_minor - teacher


def paid_payment(session: Session, booking: SessionBooking) -> Payment:
    """The booking's successful payment; only a PAID booking can be refunded."""
    if booking.payment_status is PaymentStatus.REFUNDED:
        raise Conflict(tx("This booking has already been refunded in full."))
    if booking.payment_status is not PaymentStatus.PAID:
        raise InvalidTransition(tx("Only a paid booking can be refunded."))
    payment = session.scalars(
        select(Payment)
        .where(
            Payment.booking_id == booking.id,
            Payment.status == PaymentAttemptStatus.SUCCEEDED,
        )
        .execution_options(populate_existing=True)
    ).first()
    if payment is None:
        raise NotFound(tx("No successful payment was found for this booking."))
    return payment


def reserved_total(session: Session, payment_id: int) -> int:
    """Refunded or in flight: every refund that is not failed or canceled."""
    total = session.scalar(
        select(func.coalesce(func.sum(Refund.amount_minor), 0)).where(
            Refund.payment_id == payment_id, Refund.status.in_(RESERVING)
        )
    )
    return int(total or 0)


def preview_of(
    booking: SessionBooking, payment: Payment, reserved: int, amount_minor: int | None
) -> RefundPreview:
    paid, share = payment.amount_minor, payment.teacher_share_minor
    remaining = paid - reserved
    if remaining <= 0:
        raise Conflict(tx("Nothing is left to refund on this booking."))
    amount = remaining if amount_minor is None else amount_minor
    if not isinstance(amount, int) or isinstance(amount, bool) or amount <= 0:
        raise ValidationError(tx("The refund must be a positive whole number of minor units."))
    if amount > remaining:
        raise ValidationError(
            tx(
                "At most {remaining} can be refunded ({refunded} of {paid} is already refunded).",
                remaining=money(remaining, payment.currency),
                refunded=money(reserved, payment.currency),
                paid=money(paid, payment.currency),
            )
        )
    share_before, fee_before = split_after_refunds(
        paid_minor=paid, share_minor=share, refunded_minor=reserved
    )
    share_after, fee_after = split_after_refunds(
        paid_minor=paid, share_minor=share, refunded_minor=reserved + amount
    )
    full = reserved + amount >= paid
    after = (
        BookingStatus.REFUNDED
        if booking.status is BookingStatus.COMPLETED
        else (BookingStatus.CANCELLED)
    )
    return RefundPreview(
        booking_id=booking.id,
        payment_id=payment.id,
        currency=payment.currency,
        amount_minor=amount,
        paid_minor=paid,
        already_refunded_minor=reserved,
        remaining_after_minor=remaining - amount,
        is_full=full,
        teacher_share_before_minor=share_before,
        teacher_share_after_minor=share_after,
        fee_before_minor=fee_before,
        fee_after_minor=fee_after,
        booking_status_after=after if full else booking.status,
        payment_status_after=PaymentStatus.REFUNDED if full else PaymentStatus.PAID,
    )


def intent_of(payment: Payment) -> str:
    if payment.stripe_payment_intent_id is None:
        raise NotFound(tx("This payment has no Stripe PaymentIntent."))
    return payment.stripe_payment_intent_id
