"""The needs-attention fixes that ask Stripe (``reports.attention.service.StripeFixes``).

- ``reread_payment``: a payment attempt pending too long is reconciled now
  (``Reconciler.reconcile_booking``: settled from Stripe's answer, or cancelled there when
  nobody will finish it).
- ``reread_refund``: a refund held back because Stripe holds one we cannot attribute is
  looked up again (``refund_recovery.resume_refund``): adopted, sent, or still held back.
- ``refund_closed_payment``: Stripe took a payment after its booking had closed here. The
  PaymentIntent is re-read; when Stripe still says ``succeeded``, refunds Stripe holds that we
  never recorded (made in the Dashboard) are recorded, and what remains is refunded at Stripe,
  the refund row written (``creating``, its id in Stripe's metadata) before Stripe is called,
  as every refund here. The booking is already closed, so only the payment's refunded amount
  changes. Each refund is audited with the admin as actor.
- ``reverify_payment``: a payment the last ledger verification found differing from Stripe
  is compared again (``LedgerVerifier.verify_payment``, which keeps the new findings); when a
  refund still differs only because Stripe finished it meanwhile, the refunds Stripe left
  pending are settled (``settle_pending_refunds``) and the payment compared once more.

Every method blocks on Stripe: call it from a worker thread.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from linguaflex_desktop.adapters.stripe.gateway import PaymentsGateway, RefundInfo
from linguaflex_desktop.errors import StripeRequestRefused
from linguaflex_desktop.models import (
    AuditAction,
    Payment,
    PaymentAttemptStatus,
    PaymentStatus,
    Refund,
    RefundStatus,
)
from linguaflex_desktop.services.booking.state import load_booking
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.pricing import money
from linguaflex_desktop.services.common.stored_texts import recall
from linguaflex_desktop.services.payments.reconcile import Reconciler
from linguaflex_desktop.services.payments.refund_recovery import (
    DEAD,
    refund_metadata,
    resume_refund,
)
from linguaflex_desktop.services.payments.refund_settle import (
    ACCEPTED,
    SETTLED_ACTIONS,
    audit_refund,
    refund_status_of,
    settle_pending_refunds,
)
from linguaflex_desktop.services.payments.stripe_dto import DIFFERENCE_IN_SENTENCE, value_param
from linguaflex_desktop.services.payments.verify import LedgerVerifier
from linguaflex_desktop.texts import tx

CLOSED_REASON = tx("Stripe took the payment after the booking had closed.")
IN_FLIGHT_MESSAGE = tx(
    "A refund of this payment is already waiting for Stripe's answer; the payment reconcile "
    "finishes it."
)
_SETTLED_HERE = (PaymentStatus.PAID, PaymentStatus.REFUNDED)
UNSETTLED_HERE = ("pending", "requires_action")  # our refund statuses Stripe may have ended


@dataclass(frozen=True)
class _Held:
    """A succeeded payment on a closed booking, as read before asking Stripe."""

    payment_id: int
    booking_id: int
    payment_intent_id: str
    currency: str
    recorded: frozenset[str]  # Stripe refund ids we hold for it
    in_flight: bool  # one of our refunds is still waiting for Stripe's answer


class StripeAttentionFixes:
    """See the module docstring. Thread-safe: each step opens its own Session."""

    def __init__(
        self,
        ctx: ServiceContext,
        gateway: PaymentsGateway,
        reconciler: Reconciler,
        verifier: LedgerVerifier,
    ) -> None:
        self._ctx = ctx
        self._gateway = gateway
        self._reconciler = reconciler
        self._verifier = verifier

    def reverify_payment(self, payment_id: int) -> str:
        differences = self._verifier.verify_payment(payment_id)
        if any(d.kind == "refund_status" and d.ours in UNSETTLED_HERE for d in differences):
            settle_pending_refunds(self._ctx, self._gateway)
            differences = self._verifier.verify_payment(payment_id)
        if not differences:
            return tx("Stripe and LinguaFlex agree on this payment now.")
        first = differences[0]
        return tx(
            "It still differs: {what} (here {ours}, at Stripe {stripe}); check the payment in "
            "the Stripe Dashboard.",
            what=DIFFERENCE_IN_SENTENCE[first.kind],
            ours=value_param(first, first.ours),
            stripe=value_param(first, first.stripe),
        )

    def reread_payment(self, payment_id: int) -> str:
        with self._ctx.unit_of_work(write=False) as uow:
            booking_id = uow.session.scalar(
                select(Payment.booking_id).where(Payment.id == payment_id)
            )
        if booking_id is None:
            return tx("That payment no longer exists.")
        self._reconciler.reconcile_booking(booking_id)
        with self._ctx.unit_of_work(write=False) as uow:
            payment = uow.session.get(Payment, payment_id)
            assert payment is not None
            status, reason = payment.status, payment.failure_message
        if status is PaymentAttemptStatus.SUCCEEDED:
            return tx("Stripe confirmed the payment; it is recorded as paid.")
        if status in (PaymentAttemptStatus.FAILED, PaymentAttemptStatus.CANCELED):
            return tx(
                "Stripe's answer closed the attempt: {reason}",
                reason=recall(reason or "") or status.value,
            )
        return tx("Stripe still has this payment in progress; it was left as it is.")

    def reread_refund(self, refund_id: int, *, actor_id: int) -> str:
        found = resume_refund(self._ctx, self._gateway, refund_id, actor_id=actor_id)
        if found is None:
            return tx("The refund is no longer waiting: it was recorded meanwhile.")
        if found.unknown:
            return tx(
                "Stripe still holds {refunds} on this payment, which LinguaFlex cannot "
                "attribute, so the refund was not sent; check the payment in the Stripe "
                "Dashboard.",
                refunds=", ".join(found.unknown),
            )
        if found.refused is not None:
            return tx(
                "Stripe refused the refund ({stripe}); it is recorded as failed.",
                stripe=found.refused,
            )
        assert found.info is not None
        if found.adopted:
            return tx(
                "The refund was found at Stripe and recorded: Stripe says {status}.",
                status=found.info.status,
            )
        return tx("The refund was sent to Stripe: Stripe says {status}.", status=found.info.status)

    def refund_closed_payment(self, payment_id: int, *, actor_id: int) -> str:
        held = self._held(payment_id)
        if held is None:
            return tx("The payment no longer needs a refund here.")
        if held.in_flight:
            return IN_FLIGHT_MESSAGE
        info = self._gateway.retrieve_payment_intent(held.payment_intent_id)
        if info.status != "succeeded":
            return tx(
                "Stripe now says this payment is {status}, so nothing was refunded; check it in "
                "the Stripe Dashboard.",
                status=info.status,
            )
        unrecorded = [
            refund
            for refund in self._gateway.list_refunds(held.payment_intent_id)
            if refund.status not in DEAD and refund.id not in held.recorded
        ]
        try:
            remaining, refund_id, key = self._adopt_and_claim(held, unrecorded, actor_id)
        except IntegrityError:  # another admin's fix claimed the same refund a moment ago
            return IN_FLIGHT_MESSAGE
        if refund_id is None:
            return tx(
                "Stripe had refunded it already; {count} refund(s) recorded.",
                count=len(unrecorded),
            )
        try:
            made = self._gateway.create_refund(
                payment_intent_id=held.payment_intent_id,
                amount_minor=remaining,
                idempotency_key=key,
                metadata=refund_metadata(refund_id, held.booking_id),
            )
        except StripeRequestRefused as refused:
            self._record(refund_id, None, actor_id, refused.stripe_message)
            raise
        self._record(refund_id, made, actor_id, CLOSED_REASON)
        return tx(
            "{amount} was refunded at Stripe ({status}).",
            amount=money(remaining, held.currency),
            status=made.status,
        )

    def _held(self, payment_id: int) -> _Held | None:
        with self._ctx.unit_of_work(write=False) as uow:
            payment = uow.session.get(Payment, payment_id)
            if payment is None or payment.stripe_payment_intent_id is None:
                return None
            booking = load_booking(uow.session, payment.booking_id)
            if (
                payment.status is not PaymentAttemptStatus.SUCCEEDED
                or booking.payment_status in _SETTLED_HERE
                or payment.refunded_minor >= payment.amount_minor
            ):
                return None
            refunds = uow.session.execute(
                select(Refund.stripe_refund_id, Refund.status).where(
                    Refund.payment_id == payment_id
                )
            ).all()
            return _Held(
                payment_id=payment.id,
                booking_id=booking.id,
                payment_intent_id=payment.stripe_payment_intent_id,
                currency=payment.currency,
                recorded=frozenset(str(stripe_id) for stripe_id, _ in refunds if stripe_id),
                in_flight=any(status is RefundStatus.CREATING for _, status in refunds),
            )

    def _adopt_and_claim(
        self, held: _Held, unrecorded: list[RefundInfo], actor_id: int
    ) -> tuple[int, int | None, str]:
        """Record Stripe's unrecorded refunds, then (when money remains) our refund row
        ``creating``: (what remains, the new refund's id or None, its idempotency key)."""
        with self._ctx.unit_of_work() as uow:
            session, now = uow.session, self._ctx.now()
            load_booking(session, held.booking_id, for_update=True)
            payment = session.get(Payment, held.payment_id, populate_existing=True)
            assert payment is not None
            for info in unrecorded:
                refund = self._new_refund(payment, info.amount, f"adopted-{info.id}", actor_id)
                refund.stripe_refund_id = info.id
                session.add(refund)
                session.flush()
                self._count(
                    session, payment, refund, refund_status_of(info.status), actor_id, info.id
                )
            remaining = payment.amount_minor - payment.refunded_minor
            key = f"closed-booking-refund-{payment.id}-{payment.refunded_minor}"
            refund_id = None
            if remaining > 0:
                refund = self._new_refund(payment, remaining, key, actor_id)
                session.add(refund)
                session.flush()
                audit_refund(session, refund, AuditAction.REFUND_REQUESTED, actor_id, now,
                             CLOSED_REASON)  # fmt: skip
                refund_id = refund.id
            uow.commit()
        return remaining, refund_id, key

    def _new_refund(self, payment: Payment, amount: int, key: str, actor_id: int) -> Refund:
        now = self._ctx.now()
        return Refund(
            payment_id=payment.id,
            idempotency_key=key,
            amount_minor=amount,
            currency=payment.currency,
            status=RefundStatus.CREATING,
            reason=CLOSED_REASON,
            created_by_id=actor_id,
            created_at=now,
            updated_at=now,
        )

    def _count(
        self,
        session: Session,
        payment: Payment,
        refund: Refund,
        to: RefundStatus,
        actor_id: int,
        reason: str,
    ) -> None:
        """Record Stripe's status for ``refund``; an accepted one adds to the payment's
        refunded amount (the booking, already closed, is left as it is)."""
        refund.status = to
        refund.updated_at = self._ctx.now()
        if to in ACCEPTED:
            payment.refunded_minor += refund.amount_minor
        audit_refund(session, refund, SETTLED_ACTIONS[to], actor_id, self._ctx.now(), reason)

    def _record(self, refund_id: int, made: RefundInfo | None, actor_id: int, reason: str) -> None:
        with self._ctx.unit_of_work() as uow:
            refund = uow.session.get(Refund, refund_id)
            assert refund is not None
            payment = uow.session.get(Payment, refund.payment_id)
            assert payment is not None
            load_booking(uow.session, payment.booking_id, for_update=True)
            uow.session.refresh(payment)
            if made is None:
                self._count(uow.session, payment, refund, RefundStatus.FAILED, actor_id, reason)
            else:
                refund.stripe_refund_id = made.id
                self._count(
                    uow.session, payment, refund, refund_status_of(made.status), actor_id, reason
                )
            uow.commit()
