"""A refund's outcome at Stripe, recorded with what it causes, in the caller's transaction.

``record_refund_outcome`` is the one place a refund's status changes after Stripe answered:
right after ``create_refund`` (``payment_refunds``) and when a refund Stripe left ``pending`` or
``requires_action`` finishes (``settle_pending_refunds``, run by the payment reconcile). In the
same transaction it

- adds an accepted refund (``pending`` or ``succeeded``) to ``refunded_minor`` on the payment
  and the booking; a refund reaching the whole amount paid cancels or refunds the booking
  (``booking_state.cancel_for_refund``, which tells both parties "refunded");
- gives back the amount of an accepted refund that later failed or was canceled, as long as
  the booking is still PAID (a failed FULL refund cannot reopen a cancelled booking: it is
  audited as ``refund.needs_attention`` for an admin);
- tells both parties about a PARTIAL refund only once Stripe says ``succeeded``
  (``refund_events.announce_partial_refund``), never while it is only pending.

The booking row must be locked by the caller (``load_booking(for_update=True)``). No I/O.
"""

from __future__ import annotations

import logging
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from linguaflex_desktop.adapters.stripe.gateway import PaymentsGateway
from linguaflex_desktop.errors import ExternalServiceError
from linguaflex_desktop.models import (
    AuditAction,
    CancellationAnswer,
    CancellationRequest,
    CancellationRequestState,
    Payment,
    PaymentStatus,
    Refund,
    RefundStatus,
    SessionBooking,
)
from linguaflex_desktop.services.booking.events import REFUND_IN_FLIGHT
from linguaflex_desktop.services.booking.state import cancel_for_refund, load_booking
from linguaflex_desktop.services.common.audit import record_audit
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.payments.refund_messages import student_message_of
from linguaflex_desktop.services.payments.refund_notices import announce_partial_refund

log = logging.getLogger(__name__)

ENTITY = "refund"
ACCEPTED = (RefundStatus.PENDING, RefundStatus.SUCCEEDED)
UNSETTLED = (RefundStatus.CREATING, *REFUND_IN_FLIGHT)
# the audit action of each status Stripe can report for a refund
SETTLED_ACTIONS = {
    RefundStatus.PENDING: AuditAction.REFUND_PENDING,
    RefundStatus.REQUIRES_ACTION: AuditAction.REFUND_REQUIRES_ACTION,
    RefundStatus.SUCCEEDED: AuditAction.REFUND_SUCCEEDED,
    RefundStatus.FAILED: AuditAction.REFUND_FAILED,
    RefundStatus.CANCELED: AuditAction.REFUND_CANCELED,
}


def refund_status_of(value: str) -> RefundStatus:
    """Stripe's refund status as ours; an unknown one counts as pending (not yet done)."""
    try:
        return RefundStatus(value)
    except ValueError:
        log.warning("unknown Stripe refund status %r: recorded as pending", value)
        return RefundStatus.PENDING


def record_refund_outcome(
    session: Session,
    booking: SessionBooking,
    payment: Payment,
    refund: Refund,
    to: RefundStatus,
    *,
    actor_id: int | None,
    at: datetime,
) -> bool:
    """Record that Stripe says ``to`` for an unsettled ``refund`` (module docstring).
    Returns True when an admin must look at the payment (a full refund failed after the
    booking was cancelled)."""
    if refund.status not in UNSETTLED:
        raise ValueError(f"refund {refund.id} is already {refund.status.value}")
    counted = refund.status in ACCEPTED
    refund.status = to
    refund.updated_at = at
    attention = False
    if to in ACCEPTED and not counted:
        _count_refund(session, booking, payment, refund, actor_id=actor_id, at=at)
    elif to not in ACCEPTED and to not in UNSETTLED and counted:
        attention = not _uncount_refund(booking, payment, refund)
    audit_refund(session, refund, SETTLED_ACTIONS[to], actor_id, at, "")
    if attention:
        log.warning("refund %d failed after booking %d was cancelled", refund.id, booking.id)
        audit_refund(
            session, refund, AuditAction.REFUND_NEEDS_ATTENTION, actor_id, at, "failed at Stripe"
        )
    if to is RefundStatus.SUCCEEDED:
        announce_partial_refund(session, booking, payment, refund, at=at)
    return attention


def _count_refund(
    session: Session,
    booking: SessionBooking,
    payment: Payment,
    refund: Refund,
    *,
    actor_id: int | None,
    at: datetime,
) -> None:
    payment.refunded_minor += refund.amount_minor
    booking.refunded_minor += refund.amount_minor
    if payment.refunded_minor >= payment.amount_minor:
        # the booking's reason is read by the student: the message for them, never the
        # internal reason (that stays on the refund's own audit events)
        message = student_message_of(refund)
        cancel_for_refund(session, booking, actor_id=actor_id, reason=message, at=at)
        _answer_open_requests(session, booking, refund, actor_id=actor_id, at=at)


def _answer_open_requests(
    session: Session, booking: SessionBooking, refund: Refund, *, actor_id: int | None, at: datetime
) -> None:
    """A full refund made any other way (an admin, the teacher cancelling) answers the
    student's open cancellation request too: it is settled, with this refund."""
    session.execute(
        update(CancellationRequest)
        .where(
            CancellationRequest.booking_id == booking.id,
            CancellationRequest.state == CancellationRequestState.OPEN,
        )
        .values(
            state=CancellationRequestState.ANSWERED,
            answer=CancellationAnswer.FULL,
            amount_minor=refund.amount_minor,
            refund_id=refund.id,
            answered_by_id=actor_id,
            answered_at=at,
        )
        .execution_options(synchronize_session=False)
    )


def _uncount_refund(booking: SessionBooking, payment: Payment, refund: Refund) -> bool:
    """Give a failed refund's amount back (it may be refunded again); False when the booking
    was already cancelled by it and cannot be given back."""
    if booking.payment_status is not PaymentStatus.PAID:
        return False
    payment.refunded_minor -= refund.amount_minor
    booking.refunded_minor -= refund.amount_minor
    return True


def settle_pending_refunds(
    ctx: ServiceContext, gateway: PaymentsGateway, *, limit: int = 100
) -> tuple[int, tuple[int, ...]]:
    """Ask Stripe about every refund it left ``pending`` / ``requires_action`` (oldest first,
    up to ``limit``) and record those that finished. Returns (how many finished, payment
    ids that need an admin). Stripe unreachable for one refund: it is asked again next time.
    Blocks on the network: call it from a worker thread."""
    with ctx.unit_of_work(write=False) as uow:
        rows = uow.session.execute(
            select(Refund.id, Refund.stripe_refund_id)
            .where(Refund.status.in_(REFUND_IN_FLIGHT), Refund.stripe_refund_id.is_not(None))
            .order_by(Refund.id)
            .limit(limit)
        ).all()
    settled, attention = 0, []
    for refund_id, stripe_refund_id in rows:
        try:
            to = refund_status_of(gateway.retrieve_refund(str(stripe_refund_id)).status)
        except ExternalServiceError as error:
            log.warning("refund %d not checked: %s", refund_id, error)
            continue
        if to in REFUND_IN_FLIGHT:
            continue
        done, payment_id = _settle_one(ctx, refund_id, to)
        settled += done
        if payment_id is not None:
            attention.append(payment_id)
    return settled, tuple(attention)


def _settle_one(ctx: ServiceContext, refund_id: int, to: RefundStatus) -> tuple[bool, int | None]:
    """Record one finished refund under the booking lock: (recorded here — False if another
    pass did it first, the payment id if it needs an admin)."""
    with ctx.unit_of_work() as uow:
        session = uow.session
        found = session.get(Refund, refund_id)
        payment_id = found.payment_id if found is not None else None
        payment = session.get(Payment, payment_id) if payment_id is not None else None
        if payment is None:
            return False, None
        booking = load_booking(session, payment.booking_id, for_update=True)
        refund = session.get(Refund, refund_id, populate_existing=True)
        payment = session.get(Payment, payment_id, populate_existing=True)
        assert refund is not None and payment is not None
        if refund.status not in REFUND_IN_FLIGHT:
            return False, None
        attention = record_refund_outcome(
            session, booking, payment, refund, to, actor_id=None, at=ctx.now()
        )
        uow.commit()
    return True, payment_id if attention else None


def audit_refund(
    session: Session,
    refund: Refund,
    action: AuditAction,
    actor_id: int | None,
    at: datetime,
    reason: str,
) -> None:
    record_audit(
        session,
        actor_id=actor_id,
        action=action,
        entity_type=ENTITY,
        entity_id=refund.id,
        at=at,
        # the currency beside the amount, so the audit trail reads "Amount: 20.00 USD"
        after={
            "amount_minor": refund.amount_minor,
            "currency": refund.currency,
            "status": refund.status.value,
        },
        reason=reason,
    )
