"""An admin's "Read again now" on a booking's PaymentIntent or Refund: Stripe is asked once and
what it says is applied the way the poller and reconciliation apply it, then audited.

- A PaymentIntent of an attempt still open (``creating``/``pending``) is settled through
  ``settle.settle`` under the booking lock: succeeded -> PAID (amount, currency and booking id
  checked first), a decline -> FAILED, canceled -> canceled; still unfinished: nothing moves.
- A Refund Stripe left ``pending``/``requires_action`` that has finished is recorded through
  ``refund_settle.record_refund_outcome`` (what it causes: counting, cancelling, notices).
- A settled object is only compared: a difference is reported (and audited), never changed
  here; money is corrected by a refund, not by a read.

Every read is audited (``payment.read_again`` / ``refund.read_again``, with our status before
and after and Stripe's), whether or not it changed anything. Admins only. Blocks on Stripe:
call it from a worker thread.
"""

from __future__ import annotations

import logging
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from linguaflex_desktop.adapters.stripe.gateway import PaymentIntentInfo, PaymentsGateway
from linguaflex_desktop.errors import ValidationError
from linguaflex_desktop.models import AuditAction, Payment, Refund, Role
from linguaflex_desktop.services.booking.events import REFUND_IN_FLIGHT
from linguaflex_desktop.services.booking.state import load_booking
from linguaflex_desktop.services.common.audit import record_audit
from linguaflex_desktop.services.common.authorization import load_acting_user
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.services.common.validation import clean_line
from linguaflex_desktop.services.payments import settle as settling
from linguaflex_desktop.services.payments.read_again_dto import ReadAgainResult, RereadType
from linguaflex_desktop.services.payments.reconcile import UNFINISHED
from linguaflex_desktop.services.payments.refund_recovery import lock_refund
from linguaflex_desktop.services.payments.refund_settle import ENTITY as REFUND_ENTITY
from linguaflex_desktop.services.payments.refund_settle import (
    record_refund_outcome,
    refund_status_of,
)
from linguaflex_desktop.texts import tx

log = logging.getLogger(__name__)

NOT_OF_BOOKING = tx("That Stripe object is not one of this booking's payments or refunds.")


_ACTIONS: dict[RereadType, AuditAction] = {
    "payment_intent": AuditAction.PAYMENT_READ_AGAIN,
    "refund": AuditAction.REFUND_READ_AGAIN,
}
_ENTITIES: dict[RereadType, str] = {"payment_intent": settling.ENTITY, "refund": REFUND_ENTITY}
# Stripe's statuses our settled attempt agrees with (a failed attempt is cancelled at Stripe)
_AGREEING = {
    "succeeded": frozenset({"succeeded"}),
    "failed": frozenset({"requires_payment_method", "canceled"}),
    "canceled": frozenset({"canceled"}),
}


class StripeRereads:
    """Reads a booking's PaymentIntent or Refund again and applies it (module docstring).
    Thread-safe; each call is a read, one Stripe call (no transaction open meanwhile) and
    one write transaction."""

    def __init__(self, ctx: ServiceContext, gateway: PaymentsGateway) -> None:
        self._ctx = ctx
        self._gateway = gateway

    def read_again(self, actor: Actor, booking_id: int, stripe_id: str) -> ReadAgainResult:
        """Ask Stripe about ``stripe_id`` (a PaymentIntent or Refund id of the booking), apply
        what follows and audit it. PermissionDenied for non-admins; ValidationError when the
        id is not one of the booking's; ExternalServiceError when Stripe does not answer
        (nothing changed, nothing audited)."""
        stripe_id = clean_line(stripe_id, what="Stripe id", limit=255) or ""
        with self._ctx.unit_of_work(write=False) as uow:
            load_acting_user(uow.session, actor, Role.ADMIN)
            object_type, row_id = _find(uow.session, booking_id, stripe_id)
        intent = None
        if object_type == "payment_intent":
            intent = self._gateway.retrieve_payment_intent(stripe_id)
        stripe = intent.status if intent else self._gateway.retrieve_refund(stripe_id).status
        with self._ctx.unit_of_work() as uow:
            admin, now = load_acting_user(uow.session, actor, Role.ADMIN), self._ctx.now()
            if intent is not None:
                before, after = _apply_intent(uow.session, row_id, intent, admin.id, now)
            else:
                before, after = _apply_refund(uow.session, row_id, stripe, admin.id, now)
            message = _message(object_type, before, after, stripe)
            record_audit(
                uow.session,
                actor_id=admin.id,
                action=_ACTIONS[object_type],
                entity_type=_ENTITIES[object_type],
                entity_id=row_id,
                at=now,
                before={"status": before},
                after={"status": after, "stripe_status": stripe},
                reason=message,
            )
            uow.commit()
        log.info("booking %d: %s read again: %s", booking_id, stripe_id, message)
        return ReadAgainResult(
            booking_id=booking_id,
            object_type=object_type,
            object_id=stripe_id,
            stripe_status=stripe,
            held_before=before,
            held_after=after,
            changed=before != after,
            message=message,
        )


def _apply_intent(
    session: Session, payment_id: int, info: PaymentIntentInfo, admin_id: int, now: datetime
) -> tuple[str, str]:
    """Settle an attempt still open with Stripe's answer (under the booking lock)."""
    payment, booking = settling.lock_payment(session, payment_id)
    before = payment.status.value
    if payment.status in settling.ACTIVE:
        settling.settle(session, payment, booking, info, at=now, actor_id=admin_id)
    return before, payment.status.value


def _apply_refund(
    session: Session, refund_id: int, stripe: str, admin_id: int, now: datetime
) -> tuple[str, str]:
    """Record a refund Stripe finished since it was left in flight (under the booking lock)."""
    refund, payment, booking = lock_refund(session, refund_id)
    before, to = refund.status.value, refund_status_of(stripe)
    if refund.status in REFUND_IN_FLIGHT and to is not refund.status:
        record_refund_outcome(session, booking, payment, refund, to, actor_id=admin_id, at=now)
    return before, refund.status.value


def _find(session: Session, booking_id: int, stripe_id: str) -> tuple[RereadType, int]:
    """Which of the booking's payments or refunds ``stripe_id`` names, and its row id."""
    booking = load_booking(session, booking_id)
    payment_id = session.scalar(
        select(Payment.id).where(
            Payment.booking_id == booking.id, Payment.stripe_payment_intent_id == stripe_id
        )
    )
    if payment_id is not None:
        return "payment_intent", int(payment_id)
    refund_id = session.scalar(
        select(Refund.id)
        .join(Payment, Payment.id == Refund.payment_id)
        .where(Payment.booking_id == booking.id, Refund.stripe_refund_id == stripe_id)
    )
    if refund_id is None:
        raise ValidationError(NOT_OF_BOOKING)
    return "refund", int(refund_id)


def _message(object_type: RereadType, before: str, after: str, stripe: str) -> str:
    """One sentence for the admin: what Stripe says and what became of our record."""
    if before != after:
        return tx(
            "Stripe says {stripe}; our record moved from {before} to {after}.",
            stripe=_words(stripe),
            before=_words(before),
            after=_words(after),
        )
    if object_type == "payment_intent" and after == "pending" and stripe in UNFINISHED:
        return tx(
            "Stripe says {stripe}; the payment is not finished yet, so nothing changed.",
            stripe=_words(stripe),
        )
    agreeing = _AGREEING.get(after) if object_type == "payment_intent" else None
    if stripe in (agreeing or frozenset({after})):
        return tx("Stripe says {stripe}; our record agrees.", stripe=_words(stripe))
    return tx(
        "Stripe says {stripe} but our record says {held}; nothing was changed. "
        "Use Verify with Stripe, or refund, to settle the difference.",
        stripe=_words(stripe),
        held=_words(after),
    )


def _words(status: str) -> str:
    # Stripe's status names (and ours, which are Stripe's), as Stripe writes them
    return status.replace("_", " ").replace("canceled", "cancelled")
