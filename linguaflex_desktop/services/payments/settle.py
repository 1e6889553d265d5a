"""Settling one payment attempt from what Stripe says about its PaymentIntent.

Shared by the pay step, the 3-D Secure poller and reconciliation. Everything here runs inside
the CALLER's write transaction, after ``lock_payment`` has locked the booking row (Postgres:
SELECT ... FOR UPDATE; SQLite: the unit of work already holds the write lock) and re-read the
payment. A payment that is already settled is never settled again, and the partial unique
index "one succeeded payment per booking" backs that up: a booking becomes PAID exactly once.

Before PAID, the PaymentIntent's amount, currency and ``metadata.booking_id`` (and
``metadata.payment_id`` when present) must match our row; a mismatch marks the attempt failed
with an audit event and is never PAID.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from linguaflex_desktop.adapters.stripe.types import PaymentIntentInfo
from linguaflex_desktop.errors import NotFound
from linguaflex_desktop.models import (
    AuditAction,
    BookingStatus,
    Payment,
    PaymentAttemptStatus,
    PaymentStatus,
    SessionBooking,
)
from linguaflex_desktop.services.booking.state import apply_payment_status, load_booking
from linguaflex_desktop.services.common.audit import record_audit
from linguaflex_desktop.services.common.pricing import money
from linguaflex_desktop.services.common.stored_texts import keep, recall
from linguaflex_desktop.services.payments import decline_text
from linguaflex_desktop.services.payments.dto import PayState
from linguaflex_desktop.texts import tx

# The booking's status reason when Stripe confirms a payment (stored in English, read back
# in the reader's language through stored_texts.recall).
CONFIRMED_REASON = tx("Stripe confirmed the payment.")
keep(CONFIRMED_REASON)

log = logging.getLogger(__name__)

ENTITY = "payment"
ACTIVE = (PaymentAttemptStatus.CREATING, PaymentAttemptStatus.PENDING)
# the audit action of an attempt that ended without a charge (``close_attempt``)
ENDED_ACTIONS = {
    PaymentAttemptStatus.FAILED: AuditAction.PAYMENT_FAILED,
    PaymentAttemptStatus.CANCELED: AuditAction.PAYMENT_CANCELED,
}
MISMATCH_CODE = "intent_mismatch"
MISMATCH_MESSAGE = tx(
    "Stripe's record of this payment does not match the booking, so it was not accepted. "
    "An administrator has been alerted; please contact support."
)
CANCELED_MESSAGE = tx("The payment was cancelled; nothing was charged. You can pay again.")
ACTION_MESSAGE = tx("Your bank asks you to confirm this payment in the browser (3-D Secure).")
PENDING_MESSAGE = tx("Waiting for Stripe to confirm the payment…")
NO_CARD_MESSAGE = decline_text.NOT_COMPLETED
ATTENTION_MESSAGE = tx(
    "The payment went through at Stripe after the booking was closed; an administrator "
    "will refund it."
)

keep(MISMATCH_MESSAGE, CANCELED_MESSAGE)


@dataclass(frozen=True)
class Settled:
    """The outcome of one settle: ``changed`` is True when this call changed our records."""

    state: PayState
    message: str
    changed: bool = False
    needs_attention: bool = False


def lock_payment(session: Session, payment_id: int) -> tuple[Payment, SessionBooking]:
    """The payment and its booking, the booking row locked, both freshly read."""
    booking_id = session.scalar(select(Payment.booking_id).where(Payment.id == payment_id))
    if booking_id is None:
        raise NotFound(tx("That payment does not exist."))
    booking = load_booking(session, booking_id, for_update=True)
    payment = session.scalars(
        select(Payment).where(Payment.id == payment_id).execution_options(populate_existing=True)
    ).one()
    return payment, booking


def outcome_of(payment: Payment) -> Settled:
    """What an already-settled (or still active) row means for the user."""
    if payment.status is PaymentAttemptStatus.SUCCEEDED:
        return Settled("succeeded", _paid_message(payment))
    if payment.status is PaymentAttemptStatus.FAILED:
        return Settled("failed", recall(payment.failure_message or "") or NO_CARD_MESSAGE)
    if payment.status is PaymentAttemptStatus.CANCELED:
        return Settled("canceled", recall(payment.failure_message or "") or CANCELED_MESSAGE)
    return Settled("pending", PENDING_MESSAGE)


def settle(
    session: Session,
    payment: Payment,
    booking: SessionBooking,
    info: PaymentIntentInfo,
    *,
    at: datetime,
    actor_id: int | None,
    canceled_message: str | None = None,
) -> Settled:
    """Apply the PaymentIntent's status to our rows (see the module docstring). A decline
    is recorded with a plain sentence (``decline_text``), never Stripe's wording; a cancel
    with ``canceled_message`` (default: ``CANCELED_MESSAGE``)."""
    if payment.status not in ACTIVE:
        return outcome_of(payment)
    if info.status == "succeeded":
        return _succeeded(session, payment, booking, info, at=at, actor_id=actor_id)
    if info.status == "canceled":
        message = canceled_message or recall(payment.failure_message or "") or CANCELED_MESSAGE
        close_attempt(
            session, payment, booking, PaymentAttemptStatus.CANCELED, None, message, at, actor_id
        )
        return Settled("canceled", message, changed=True)
    if info.status == "requires_payment_method":
        message = decline_text.decline_message(info.last_error_code, info.last_decline_code)
        close_attempt(
            session,
            payment,
            booking,
            PaymentAttemptStatus.FAILED,
            info.last_error_code,
            message,
            at,
            actor_id,
        )
        return Settled("failed", message, changed=True)
    if info.status == "requires_action":
        return Settled("requires_action", ACTION_MESSAGE)
    return Settled("pending", PENDING_MESSAGE)


def close_attempt(
    session: Session,
    payment: Payment,
    booking: SessionBooking,
    to: PaymentAttemptStatus,
    code: str | None,
    message: str,
    at: datetime,
    actor_id: int | None,
) -> None:
    """End an active attempt as failed or canceled; the booking's payment goes
    PENDING -> FAILED so that the student may pay again (until the deadline)."""
    before = _snapshot(payment)
    payment.status = to
    payment.failure_code = code
    payment.failure_message = message
    payment.updated_at = at
    if (
        booking.payment_status is PaymentStatus.PENDING
        and booking.status is BookingStatus.CONFIRMED
    ):
        apply_payment_status(
            session, booking, PaymentStatus.FAILED, actor_id=actor_id, reason=message, at=at
        )
    _audit(session, payment, ENDED_ACTIONS[to], before, at, actor_id, message)


def close_unstarted(
    session: Session,
    payment_id: int,
    *,
    to: PaymentAttemptStatus,
    code: str,
    message: str,
    at: datetime,
    actor_id: int | None,
) -> Settled:
    """Close an attempt still ``creating`` (no PaymentIntent of ours was ever confirmed);
    an attempt that moved on meanwhile is left as it is."""
    payment, booking = lock_payment(session, payment_id)
    if payment.status is not PaymentAttemptStatus.CREATING:
        return outcome_of(payment)
    close_attempt(session, payment, booking, to, code, message, at, actor_id)
    state: PayState = "failed" if to is PaymentAttemptStatus.FAILED else "canceled"
    return Settled(state, message, changed=True)


def record_created(session: Session, payment: Payment, *, at: datetime, actor_id: int) -> None:
    """Audit the start of an attempt (idempotency key stored, Stripe not called yet)."""
    _audit(session, payment, AuditAction.PAYMENT_CREATED, None, at, actor_id, "")


def mismatch_of(payment: Payment, booking: SessionBooking, info: PaymentIntentInfo) -> str | None:
    """Why the PaymentIntent is not the one we asked for, or None when it matches."""
    if info.amount != payment.amount_minor or payment.amount_minor != booking.total_minor:
        return f"amount {info.amount} != {payment.amount_minor}"
    if info.currency.lower() != payment.currency.lower():
        return f"currency {info.currency} != {payment.currency}"
    if info.metadata.get("booking_id") != str(booking.id):
        return f"booking_id {info.metadata.get('booking_id')!r} != {booking.id}"
    if info.metadata.get("payment_id", str(payment.id)) != str(payment.id):
        return f"payment_id {info.metadata.get('payment_id')!r} != {payment.id}"
    if payment.stripe_payment_intent_id not in (None, info.id):
        return f"payment intent {info.id} != {payment.stripe_payment_intent_id}"
    return None


def _succeeded(
    session: Session,
    payment: Payment,
    booking: SessionBooking,
    info: PaymentIntentInfo,
    *,
    at: datetime,
    actor_id: int | None,
) -> Settled:
    problem = mismatch_of(payment, booking, info)
    if problem is not None:
        log.error("payment %s: PaymentIntent %s does not match: %s", payment.id, info.id, problem)
        close_attempt(
            session,
            payment,
            booking,
            PaymentAttemptStatus.FAILED,
            MISMATCH_CODE,
            MISMATCH_MESSAGE,
            at,
            actor_id,
        )
        _audit(session, payment, AuditAction.PAYMENT_MISMATCH, None, at, actor_id, problem)
        return Settled("failed", MISMATCH_MESSAGE, changed=True, needs_attention=True)
    before = _snapshot(payment)
    payment.status = PaymentAttemptStatus.SUCCEEDED
    payment.succeeded_at = at
    payment.updated_at = at
    payment.failure_code = payment.failure_message = None
    attention = booking.status is not BookingStatus.CONFIRMED
    if attention:
        log.error("payment %s succeeded on booking %s, which is closed", payment.id, booking.id)
    else:
        if booking.payment_status is PaymentStatus.FAILED:  # a late success after a failure
            _to_booking(session, booking, PaymentStatus.PENDING, at, actor_id)
        _to_booking(session, booking, PaymentStatus.PAID, at, actor_id)
    session.flush()  # the unique index "one success per booking" speaks here
    action = AuditAction.PAYMENT_NEEDS_ATTENTION if attention else AuditAction.PAYMENT_SUCCEEDED
    _audit(session, payment, action, before, at, actor_id, "")
    message = ATTENTION_MESSAGE if attention else _paid_message(payment)
    return Settled("succeeded", message, changed=True, needs_attention=attention)


def _to_booking(
    session: Session,
    booking: SessionBooking,
    to: PaymentStatus,
    at: datetime,
    actor_id: int | None,
) -> None:
    apply_payment_status(session, booking, to, actor_id=actor_id, reason=CONFIRMED_REASON, at=at)


def _paid_message(payment: Payment) -> str:
    return tx("Payment received: {amount}.", amount=money(payment.amount_minor, payment.currency))


def _snapshot(payment: Payment) -> dict[str, object]:
    return {"status": payment.status.value, "payment_intent": payment.stripe_payment_intent_id}


def _audit(
    session: Session,
    payment: Payment,
    action: AuditAction,
    before: dict[str, object] | None,
    at: datetime,
    actor_id: int | None,
    reason: str,
) -> None:
    record_audit(
        session,
        actor_id=actor_id,
        action=action,
        entity_type=ENTITY,
        entity_id=payment.id,
        at=at,
        before=before,
        after=_snapshot(payment),
        reason=reason,
    )
