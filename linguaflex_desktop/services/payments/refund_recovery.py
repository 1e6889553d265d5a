"""Refunds whose Stripe call got no answer: found at Stripe and adopted, or sent once.

A refund row is ``creating`` from its insert until Stripe's answer is recorded. When the call
to Stripe got no answer (timeout, connection lost) nobody knows whether Stripe made it. Such a
refund is resumed when an admin repeats the same request (``payment_refunds``, after
``REFUND_RETRY_AFTER``) and by the periodic payment reconcile (``settle_unanswered_refunds``,
after its grace period), in the same way (``find_or_send``):

1. list the PaymentIntent's refunds at Stripe; one whose metadata names our refund id
   (``create_refund`` always sends it) was made by an earlier call: it is ADOPTED (its id and
   status recorded), never made again;
2. a live refund at Stripe that we did not record and that names none of this payment's
   refunds (made in the Dashboard, or by a version that did not send our id) may be this very
   refund: nothing is sent; it is audited ``refund.needs_attention`` (once) for an admin;
3. otherwise the refund is sent again with the SAME idempotency key and our id in metadata
   (real Stripe answers a key it has seen with the refund it made; localstripe ignores keys,
   which is why step 1 comes first);
4. Stripe refusing it (``StripeRequestRefused``: it made nothing) records it as failed, which
   gives its amount back; Stripe not answering leaves it ``creating`` for the next pass.

Exactly once: a lease under the booking lock (``updated_at`` moved to now) lets only one
reconcile pass (thread or process) work on a refund per grace period, and a refund is recorded
only while still ``creating`` (the first answer wins; a later one is a no-op). What a recorded
refund causes (counting, cancelling the booking, "refunded" / "partially_refunded"
notifications) is ``refund_settle.record_refund_outcome``. Blocks on the network: call it from
a worker thread.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from linguaflex_desktop.adapters.stripe.gateway import PaymentsGateway, RefundInfo
from linguaflex_desktop.errors import (
    Conflict,
    ExternalServiceError,
    StripeRequestRefused,
    UserFacingError,
)
from linguaflex_desktop.models import (
    AuditAction,
    AuditEvent,
    Payment,
    Refund,
    RefundStatus,
    SessionBooking,
)
from linguaflex_desktop.services.booking.state import load_booking
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.payments.refund_settle import (
    ENTITY,
    audit_refund,
    record_refund_outcome,
    refund_status_of,
)
from linguaflex_desktop.texts import tx

log = logging.getLogger(__name__)

METADATA_KEY = "refund_id"
DEAD = ("failed", "canceled")  # refunds at Stripe that moved no money
ATTENTION_ACTION = AuditAction.REFUND_NEEDS_ATTENTION
UNKNOWN_AT_STRIPE = "Stripe holds a refund for this payment that LinguaFlex did not record"
NOT_RESENT_MESSAGE = tx(
    "Stripe holds a refund for this payment that LinguaFlex did not record, so this refund "
    "was not sent again (it may be the same money). Check the payment in the Stripe Dashboard."
)


def refund_metadata(refund_id: int, booking_id: int) -> dict[str, str]:
    """What ``create_refund`` sends so that a lost answer can be found again."""
    return {METADATA_KEY: str(refund_id), "booking_id": str(booking_id)}


@dataclass(frozen=True)
class Lease:
    """One ``creating`` refund taken for resuming, with what the Stripe lookup needs."""

    refund_id: int
    booking_id: int
    payment_intent_id: str
    amount_minor: int
    idempotency_key: str
    recorded_ids: frozenset[str]  # Stripe ids already on this payment's refunds
    our_ids: frozenset[str]  # this payment's refund ids, as sent in metadata


@dataclass(frozen=True)
class Found:
    """Where a resumed refund stands at Stripe: ``info`` to record (adopted or just made),
    or ``refused`` (Stripe's message; nothing made), or ``unknown`` Stripe refund ids that
    could be this refund (nothing sent)."""

    info: RefundInfo | None = None
    adopted: bool = False
    refused: str | None = None
    unknown: tuple[str, ...] = ()


def refusal_of(found: Found) -> UserFacingError | None:
    """The error to show the admin when ``found`` made no refund (None when it did)."""
    if found.refused is not None:
        return StripeRequestRefused(
            tx(
                "Stripe refused the refund: {stripe}. Nothing was refunded; it can be made again.",
                stripe=found.refused.rstrip("."),
            ),
            found.refused,
        )
    if found.unknown:
        return Conflict(NOT_RESENT_MESSAGE)
    return None


def find_or_send(gateway: PaymentsGateway, lease: Lease) -> Found:
    """Steps 1-4 of the module docstring. Raises ExternalServiceError when Stripe does not
    answer (nothing is known then)."""
    at_stripe = gateway.list_refunds(lease.payment_intent_id)
    mine = [info for info in at_stripe if info.metadata.get(METADATA_KEY) == str(lease.refund_id)]
    if mine:
        if len(mine) > 1:
            log.warning("refund %d has %d refunds at Stripe", lease.refund_id, len(mine))
        live = [info for info in mine if info.status not in DEAD]
        return Found(info=(live or mine)[0], adopted=True)
    unknown = tuple(
        info.id
        for info in at_stripe
        if info.status not in DEAD
        and info.id not in lease.recorded_ids
        and info.metadata.get(METADATA_KEY) not in lease.our_ids
    )
    if unknown:
        return Found(unknown=unknown)
    try:
        made = gateway.create_refund(
            payment_intent_id=lease.payment_intent_id,
            amount_minor=lease.amount_minor,
            idempotency_key=lease.idempotency_key,
            metadata=refund_metadata(lease.refund_id, lease.booking_id),
        )
    except StripeRequestRefused as refused:
        return Found(refused=refused.stripe_message)
    return Found(info=made)


def take_lease(session: Session, refund: Refund, payment: Payment, at: datetime) -> Lease:
    """Mark ``refund`` as being resumed now (caller holds the booking lock) and read what
    the lookup needs."""
    refund.updated_at = at
    rows = session.execute(
        select(Refund.id, Refund.stripe_refund_id).where(Refund.payment_id == payment.id)
    ).all()
    assert payment.stripe_payment_intent_id is not None
    return Lease(
        refund_id=refund.id,
        booking_id=payment.booking_id,
        payment_intent_id=payment.stripe_payment_intent_id,
        amount_minor=refund.amount_minor,
        idempotency_key=refund.idempotency_key,
        recorded_ids=frozenset(str(stripe_id) for _id, stripe_id in rows if stripe_id),
        our_ids=frozenset(str(refund_id) for refund_id, _stripe_id in rows),
    )


def record_found(
    session: Session,
    booking: SessionBooking,
    payment: Payment,
    refund: Refund,
    found: Found,
    *,
    actor_id: int | None,
    at: datetime,
) -> bool | None:
    """Record ``found`` for a refund still ``creating`` (caller holds the booking lock).
    Returns None when nothing was recorded (already settled, or unknown refunds at Stripe:
    audited for an admin once), else whether an admin must look at the payment."""
    if refund.status is not RefundStatus.CREATING:
        return None
    if found.unknown:
        _flag_unknown(session, refund, found.unknown, actor_id=actor_id, at=at)
        return None
    if found.info is None:
        to = RefundStatus.FAILED
        audit_refund(session, refund, AuditAction.REFUND_REFUSED, actor_id, at, found.refused or "")
    else:
        refund.stripe_refund_id = found.info.id
        to = refund_status_of(found.info.status)
        if found.adopted:
            audit_refund(session, refund, AuditAction.REFUND_ADOPTED, actor_id, at, found.info.id)
    return record_refund_outcome(session, booking, payment, refund, to, actor_id=actor_id, at=at)


def settle_unanswered_refunds(
    ctx: ServiceContext, gateway: PaymentsGateway, *, grace: timedelta, limit: int = 100
) -> tuple[int, tuple[int, ...]]:
    """Resume every refund left ``creating`` for at least ``grace`` (oldest first, up to
    ``limit``; module docstring). Returns (how many were recorded, payment ids that need an
    admin). Safe to run from several threads or processes at once."""
    with ctx.unit_of_work(write=False) as uow:
        refund_ids = uow.session.scalars(
            select(Refund.id)
            .where(Refund.status == RefundStatus.CREATING, Refund.updated_at <= ctx.now() - grace)
            .order_by(Refund.id)
            .limit(limit)
        ).all()
    settled, attention = 0, []
    for refund_id in refund_ids:
        lease = _lease(ctx, refund_id, grace)
        if lease is None:
            continue
        try:
            found = find_or_send(gateway, lease)
        except ExternalServiceError as error:
            log.warning("refund %d not resumed: %s", refund_id, error)
            continue
        outcome, payment_id = _record(ctx, refund_id, found)
        settled += outcome is not None
        if outcome or found.unknown:
            attention.append(payment_id)
    return settled, tuple(attention)


def _lease(ctx: ServiceContext, refund_id: int, grace: timedelta) -> Lease | None:
    """Take the refund if it is still ``creating`` and nobody touched it for ``grace``."""
    now = ctx.now()
    with ctx.unit_of_work() as uow:
        refund, payment, _booking = lock_refund(uow.session, refund_id)
        if refund.status is not RefundStatus.CREATING or now - refund.updated_at < grace:
            return None
        if payment.stripe_payment_intent_id is None:
            return None
        lease = take_lease(uow.session, refund, payment, now)
        uow.commit()
    return lease


def resume_refund(
    ctx: ServiceContext, gateway: PaymentsGateway, refund_id: int, *, actor_id: int | None
) -> Found | None:
    """Resume one refund still ``creating`` now, whatever its age (an admin asked: the
    needs-attention fix); None when it is no longer ``creating``. Raises
    ExternalServiceError when Stripe does not answer (the refund stays as it was)."""
    lease = _lease(ctx, refund_id, timedelta(0))
    if lease is None:
        return None
    found = find_or_send(gateway, lease)
    _record(ctx, refund_id, found, actor_id=actor_id)
    return found


def _record(
    ctx: ServiceContext, refund_id: int, found: Found, *, actor_id: int | None = None
) -> tuple[bool | None, int]:
    with ctx.unit_of_work() as uow:
        refund, payment, booking = lock_refund(uow.session, refund_id)
        outcome = record_found(
            uow.session, booking, payment, refund, found, actor_id=actor_id, at=ctx.now()
        )
        payment_id = payment.id
        uow.commit()
    return outcome, payment_id


def lock_refund(session: Session, refund_id: int) -> tuple[Refund, Payment, SessionBooking]:
    """The refund, its payment and its booking (row locked), freshly read."""
    payment_id = session.scalar(select(Refund.payment_id).where(Refund.id == refund_id))
    booking_id = session.scalar(select(Payment.booking_id).where(Payment.id == payment_id))
    assert booking_id is not None
    booking = load_booking(session, booking_id, for_update=True)
    refund = session.get(Refund, refund_id, populate_existing=True)
    payment = session.get(Payment, payment_id, populate_existing=True)
    assert refund is not None and payment is not None
    return refund, payment, booking


def _flag_unknown(
    session: Session,
    refund: Refund,
    unknown: tuple[str, ...],
    *,
    actor_id: int | None,
    at: datetime,
) -> None:
    """Audit ``refund.needs_attention`` for the refund, once."""
    already = session.scalar(
        select(func.count()).where(
            AuditEvent.entity_type == ENTITY,
            AuditEvent.entity_id == refund.id,
            AuditEvent.action == ATTENTION_ACTION,
        )
    )
    log.warning("refund %d not resent: unrecorded refunds %s at Stripe", refund.id, unknown)
    if not already:
        reason = f"{UNKNOWN_AT_STRIPE} ({', '.join(unknown)}): not sent again."
        audit_refund(session, refund, ATTENTION_ACTION, actor_id, at, reason)
