"""The message of a partial refund: both parties are told once Stripe says it succeeded.

A full refund changes the booking (``booking_state.cancel_for_refund``) and is told as
"refunded" by ``booking_events``. A partial refund leaves the booking PAID and its meeting in
place, so it is no status change: ``announce_partial_refund`` writes its "partially_refunded"
notifications (and send-email jobs when e-mail delivery is on) in the caller's transaction,
the one that records the refund's success (``refund_settle.record_refund_outcome``). Its
Message-ID names the refund (``<booking-{id}-partially_refunded-refund-{refund id}-{user}@...>``),
so a repeat writes nothing. Caller's thread; no I/O.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from linguaflex_desktop.models import (
    Payment,
    PaymentStatus,
    Refund,
    RefundStatus,
    SessionBooking,
)
from linguaflex_desktop.services.booking.events import booking_facts, notify, reschedule_count
from linguaflex_desktop.services.payments.refund_messages import student_message_of

KIND = "partially_refunded"


def announce_partial_refund(
    session: Session, booking: SessionBooking, payment: Payment, refund: Refund, *, at: datetime
) -> list[int]:
    """Tell the student and the teacher that ``refund`` (succeeded at Stripe) returned part
    of the payment: the amount, what remains paid, when (each in their own zone) and the
    message written for the student.
    Nothing when the booking is no longer PAID (a full refund: "refunded" tells it) or when
    the refund has not succeeded. Returns the ids of the rows written (none on a repeat)."""
    if refund.status is not RefundStatus.SUCCEEDED:
        return []
    if booking.payment_status is not PaymentStatus.PAID:
        return []
    facts = replace(
        booking_facts(booking),
        reason=student_message_of(refund),  # never the internal reason
        refund_minor=refund.amount_minor,
        refunded_at=at,
        remaining_paid_minor=payment.amount_minor - _succeeded_total(session, payment.id),
    )
    return notify(
        session,
        facts,
        KIND,
        at=at,
        sequence=reschedule_count(session, booking.id),
        key=f"refund-{refund.id}",
    )


def _succeeded_total(session: Session, payment_id: int) -> int:
    """What Stripe has confirmed refunded on the payment so far (not what is in flight)."""
    total = session.scalar(
        select(func.coalesce(func.sum(Refund.amount_minor), 0)).where(
            Refund.payment_id == payment_id, Refund.status == RefundStatus.SUCCEEDED
        )
    )
    return int(total or 0)
