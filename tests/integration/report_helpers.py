"""Report test data through the ORM: audit events (``record_audit``) and payments, each on a
booking of its own in a free slot. Shared by the integration and UI tests of the reports."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, select

from linguaflex_desktop.models import (
    BookingStatus,
    Payment,
    PaymentAttemptStatus,
    PaymentStatus,
    SessionBooking,
)
from linguaflex_desktop.services.common.audit import record_audit
from linguaflex_desktop.services.common.context import ServiceContext

T0 = datetime(2027, 2, 1, 12, 0, tzinfo=UTC)
FIRST_SLOT = datetime(2027, 3, 3, 10, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Parties:
    """Who a test payment's booking belongs to."""

    student_id: int
    teacher_id: int
    gig_id: int


def add_event(
    ctx: ServiceContext,
    *,
    action: str,
    entity_type: str = "booking",
    entity_id: int | None = 1,
    actor_id: int | None = None,
    at: datetime = T0,
    before: dict[str, str] | None = None,
    after: dict[str, str] | None = None,
    reason: str = "",
) -> int:
    with ctx.unit_of_work() as uow:
        event = record_audit(
            uow.session,
            actor_id=actor_id,
            action=action,
            entity_type=entity_type,
            entity_id=entity_id,
            at=at,
            before=before,
            after=after,
            reason=reason,
        )
        uow.session.flush()
        event_id = event.id
        uow.commit()
    return event_id


def add_booking(
    ctx: ServiceContext,
    world: Parties,
    *,
    status: BookingStatus = BookingStatus.CONFIRMED,
    payment_status: PaymentStatus = PaymentStatus.PAID,
    amount: int = 5250,
    fee: int = 250,
    currency: str = "USD",
    refunded: int = 0,
    start_at: datetime | None = None,
    **fields: Any,
) -> int:
    """A one-hour booking of ``amount`` (``fee`` of it the platform's) at ``start_at``, else
    in the next free two-hour slot from ``FIRST_SLOT``; ``fields`` set other columns."""
    with ctx.unit_of_work() as uow:
        taken = uow.session.scalar(select(func.count()).select_from(SessionBooking)) or 0
        start = start_at or FIRST_SLOT + timedelta(hours=2 * taken)
        booking = SessionBooking(
            student_id=world.student_id,
            teacher_id=world.teacher_id,
            gig_id=world.gig_id,
            start_at=start,
            end_at=start + timedelta(hours=1),
            duration_minutes=60,
            status=status,
            payment_status=payment_status,
            currency=currency,
            hourly_rate_minor=amount - fee,
            base_amount_minor=amount - fee,
            fee_minor=fee,
            total_minor=amount,
            teacher_share_minor=amount - fee,
            refunded_minor=refunded,
            version=1,
            **fields,
        )
        uow.session.add(booking)
        uow.session.flush()
        booking_id = booking.id
        uow.commit()
    return booking_id


def add_payment(
    ctx: ServiceContext,
    world: Parties,
    *,
    at: datetime,
    amount: int = 5250,
    fee: int = 250,
    currency: str = "USD",
    status: PaymentAttemptStatus = PaymentAttemptStatus.SUCCEEDED,
    refunded: int = 0,
    start_at: datetime | None = None,
) -> int:
    """A booking of its own (``start_at``, else a free slot) and one payment attempt for it;
    a succeeded payment refunded in full leaves the booking REFUNDED, else PAID."""
    succeeded = status is PaymentAttemptStatus.SUCCEEDED
    booking_id = add_booking(
        ctx,
        world,
        payment_status=_payment_status(succeeded, fully_refunded=refunded >= amount),
        amount=amount,
        fee=fee,
        currency=currency,
        refunded=refunded,
        start_at=start_at,
    )
    with ctx.unit_of_work() as uow:
        payment = Payment(
            booking_id=booking_id,
            idempotency_key=uuid.uuid4().hex,
            amount_minor=amount,
            fee_minor=fee,
            teacher_share_minor=amount - fee,
            currency=currency,
            status=status,
            refunded_minor=refunded,
            created_at=at,
            succeeded_at=at if succeeded else None,
        )
        uow.session.add(payment)
        uow.session.flush()
        payment_id = payment.id
        uow.commit()
    return payment_id


def _payment_status(succeeded: bool, *, fully_refunded: bool) -> PaymentStatus:
    if not succeeded:
        return PaymentStatus.FAILED
    return PaymentStatus.REFUNDED if fully_refunded else PaymentStatus.PAID
