"""Booking transitions inside a caller's transaction: state machine, version, audit trail.

These functions take an open Session and the ORM booking. The booking service uses them, and
the payment service calls them inside ITS transaction (``apply_payment_status`` for
UNPAID -> PENDING -> PAID/FAILED, FAILED -> PENDING; ``cancel_for_refund`` for a full refund).
Each change marks the row dirty, so the mapper's ``version_id_col`` bumps ``version`` on flush
and a concurrent writer holding the old version gets ``StaleDataError``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session, joinedload, object_session

from linguaflex_desktop.errors import InvalidTransition, NotFound
from linguaflex_desktop.models import (
    AuditAction,
    BookingEventKind,
    BookingStatus,
    PaymentStatus,
    RescheduleProposal,
    RescheduleStatus,
    SessionBooking,
)
from linguaflex_desktop.services.booking import rules
from linguaflex_desktop.services.booking.dto import BookingDTO
from linguaflex_desktop.services.booking.events import on_booking_transition, status_event_kind
from linguaflex_desktop.services.booking.row_extras import RowExtras, load_row_extras
from linguaflex_desktop.services.common.audit import record_audit
from linguaflex_desktop.services.common.validation import check_id
from linguaflex_desktop.texts import tx

ENTITY = "booking"


def state_snapshot(booking: SessionBooking) -> dict[str, Any]:
    return {"status": booking.status.value, "payment_status": booking.payment_status.value}


def load_booking(session: Session, booking_id: int, *, for_update: bool = False) -> SessionBooking:
    """The booking with its parties and gig; ``for_update`` locks the row on Postgres so
    concurrent transitions serialise (SQLite already holds the write lock: BEGIN IMMEDIATE).
    Every use case that takes a booking number comes here, so this is where it is checked."""
    query = (
        select(SessionBooking)
        .where(SessionBooking.id == check_id(booking_id, what=tx("booking")))
        .options(
            joinedload(SessionBooking.student),
            joinedload(SessionBooking.teacher),
            joinedload(SessionBooking.gig),
        )
        .execution_options(populate_existing=True)
    )
    if for_update:
        query = query.with_for_update(of=SessionBooking)
    booking = session.scalars(query).first()
    if booking is None:
        raise NotFound(tx("That booking does not exist."))
    return booking


def booking_to_dto(booking: SessionBooking, extras: RowExtras | None = None) -> BookingDTO:
    """The DTO of ``booking``; ``extras`` from the list query, else looked up (one query)."""
    if extras is None:
        session = object_session(booking)
        extras = RowExtras() if session is None else load_row_extras(session, booking)
    return BookingDTO(
        id=booking.id,
        student_id=booking.student_id,
        student_name=booking.student.display_name,
        teacher_id=booking.teacher_id,
        teacher_name=booking.teacher.display_name,
        gig_id=booking.gig_id,
        gig_title=booking.gig.title,
        start_at=booking.start_at,
        end_at=booking.end_at,
        duration_minutes=booking.duration_minutes,
        status=booking.status,
        payment_status=booking.payment_status,
        currency=booking.currency,
        hourly_rate_minor=booking.hourly_rate_minor,
        base_amount_minor=booking.base_amount_minor,
        fee_minor=booking.fee_minor,
        total_minor=booking.total_minor,
        teacher_share_minor=booking.teacher_share_minor,
        refunded_minor=booking.refunded_minor,
        version=booking.version,
        respond_by=booking.respond_by,
        payment_due_by=booking.payment_due_by,
        status_reason=rules.shown_reason(booking.status_reason),
        created_at=booking.created_at,
        meeting_status=extras.meeting_status,
        meeting_reason=extras.meeting_reason,
        has_open_proposal=extras.has_open_proposal,
        has_review=extras.has_review,
    )


# the audit action of a status change when the caller names none (no move ever goes to PENDING)
STATUS_ACTIONS = {
    BookingStatus.CONFIRMED: AuditAction.BOOKING_CONFIRMED,
    BookingStatus.CANCELLED: AuditAction.BOOKING_CANCELLED,
    BookingStatus.COMPLETED: AuditAction.BOOKING_COMPLETED,
    BookingStatus.REFUNDED: AuditAction.BOOKING_REFUNDED,
}
# the audit action of a payment status change (no move ever goes back to UNPAID)
PAYMENT_ACTIONS = {
    PaymentStatus.PENDING: AuditAction.BOOKING_PAYMENT_PENDING,
    PaymentStatus.PAID: AuditAction.BOOKING_PAYMENT_PAID,
    PaymentStatus.FAILED: AuditAction.BOOKING_PAYMENT_FAILED,
    PaymentStatus.REFUNDED: AuditAction.BOOKING_PAYMENT_REFUNDED,
}


def apply_booking_status(
    session: Session,
    booking: SessionBooking,
    to: BookingStatus,
    *,
    actor_id: int | None,
    reason: str,
    at: datetime,
    action: AuditAction | None = None,
) -> None:
    """Move ``booking.status`` to ``to`` if DESIGN.md section 4 allows it; record the audit event.

    Raises InvalidTransition for a transition not in the machine, or one that would leave an
    impossible (status, payment) pair: COMPLETED needs PAID; a paid booking is never CANCELLED
    unless its payment was REFUNDED first (see ``cancel_for_refund``).
    """
    frm = booking.status
    rules.check_status_transition(frm, to)
    if to is BookingStatus.COMPLETED and booking.payment_status is not PaymentStatus.PAID:
        raise InvalidTransition(tx("A session can only be completed once it has been paid."))
    if to is BookingStatus.CANCELLED and booking.payment_status is PaymentStatus.PAID:
        raise InvalidTransition(tx("This booking is paid: it can only be cancelled with a refund."))
    if to is BookingStatus.CANCELLED and booking.payment_status is PaymentStatus.PENDING:
        raise InvalidTransition(
            tx("A payment is in progress for this booking; wait until it finishes.")
        )
    rules.check_state_pair(to, booking.payment_status)
    before = state_snapshot(booking)
    booking.status = to
    if to is BookingStatus.CONFIRMED:
        booking.confirmed_at = at
        booking.payment_due_by = rules.payment_due_by(confirmed_at=at, start_at=booking.start_at)
    elif to is BookingStatus.CANCELLED:
        booking.cancelled_at = at
    elif to is BookingStatus.COMPLETED:
        booking.completed_at = at
    if reason:
        booking.status_reason = reason
    if to not in rules.RESCHEDULABLE_STATUSES:
        withdraw_open_proposals(session, booking.id, at=at)
    record_audit(
        session,
        actor_id=actor_id,
        action=action or STATUS_ACTIONS[to],
        entity_type=ENTITY,
        entity_id=booking.id,
        at=at,
        before=before,
        after=state_snapshot(booking),
        reason=reason,
    )
    on_booking_transition(session, booking, kind=status_event_kind(to, action), at=at)


def apply_payment_status(
    session: Session,
    booking: SessionBooking,
    to: PaymentStatus,
    *,
    actor_id: int | None,
    reason: str,
    at: datetime,
) -> None:
    """Move ``booking.payment_status`` to ``to`` (UNPAID -> PENDING -> PAID/FAILED,
    FAILED -> PENDING, PAID -> REFUNDED); record the audit event.

    Payment happens only on a CONFIRMED booking. A full refund (PAID -> REFUNDED) is allowed on
    a CONFIRMED or COMPLETED booking and must be followed, in the same transaction, by the
    booking's own move (CONFIRMED -> CANCELLED or COMPLETED -> REFUNDED): ``cancel_for_refund``
    does both.
    """
    frm = booking.payment_status
    rules.check_payment_transition(frm, to)
    if to is PaymentStatus.REFUNDED:
        if booking.status not in (BookingStatus.CONFIRMED, BookingStatus.COMPLETED):
            raise InvalidTransition(tx("Only a confirmed or completed booking can be refunded."))
    elif booking.status is not BookingStatus.CONFIRMED:
        raise InvalidTransition(
            tx(
                "The booking is {status}: payment is only possible once the teacher has "
                "confirmed it.",
                status=rules.describe_status(booking.status),
            )
        )
    before = state_snapshot(booking)
    booking.payment_status = to
    if to is PaymentStatus.PAID:
        booking.paid_at = at
    record_audit(
        session,
        actor_id=actor_id,
        action=PAYMENT_ACTIONS[to],
        entity_type=ENTITY,
        entity_id=booking.id,
        at=at,
        before=before,
        after=state_snapshot(booking),
        reason=reason,
    )
    if to is PaymentStatus.PAID:
        on_booking_transition(session, booking, kind=BookingEventKind.PAID, at=at)


def cancel_for_refund(
    session: Session,
    booking: SessionBooking,
    *,
    actor_id: int | None,
    reason: str,
    at: datetime,
) -> None:
    """The booking side of a full refund (the payment service calls it after Stripe refunded):
    payment PAID -> REFUNDED, and CONFIRMED -> CANCELLED (frees the slot) or
    COMPLETED -> REFUNDED. Authorization (admin) is the caller's job."""
    apply_payment_status(
        session, booking, PaymentStatus.REFUNDED, actor_id=actor_id, reason=reason, at=at
    )
    target = (
        BookingStatus.REFUNDED
        if booking.status is BookingStatus.COMPLETED
        else BookingStatus.CANCELLED
    )
    apply_booking_status(
        session,
        booking,
        target,
        actor_id=actor_id,
        reason=reason,
        at=at,
        action=AuditAction.BOOKING_REFUNDED,
    )


def withdraw_open_proposals(session: Session, booking_id: int, *, at: datetime) -> None:
    session.execute(
        update(RescheduleProposal)
        .where(
            RescheduleProposal.booking_id == booking_id,
            RescheduleProposal.status == RescheduleStatus.PROPOSED,
        )
        .values(status=RescheduleStatus.WITHDRAWN, decided_at=at)
        .execution_options(synchronize_session=False)
    )
