"""Refunds by admins (and, under the cancellation policy, by ``payments.cancellations``): full
or partial, with a preview, never more than what remains. A refund carries an internal
``reason`` (admins, the audit trail) and a ``student_message`` (what the student reads:
``refund_messages``).

Fee treatment (the rule the preview shows): refunds are counted cumulatively per payment. A
refund that brings the total refunded up to the whole amount paid returns everything, the
platform fee included (teacher share and fee both become 0). Anything less comes out of the
teacher's share first and only then out of the platform fee. ``split_after_refunds`` is the
one place that computes it; the earnings view uses it too.

Exactly once: the admin's dialog passes a ``request_key`` (one per refund the admin means to
make). It is the unique ``Refund.idempotency_key`` and the idempotency key sent to Stripe, so a
double click makes one refund. Steps, with no transaction held while Stripe is called:

1. (transaction, booking row locked) check what remains — amount paid minus every refund not
   failed or canceled, including ones still in flight — insert ``Refund(status=creating)``.
2. ``create_refund`` at Stripe with our refund id in its metadata (localstripe would accept
   an over-refund: our check is the guard). Stripe refusing it (4xx: nothing made) records it
   failed and raises ``StripeRequestRefused``. Stripe unreachable: the row stays ``creating``
   and keeps its amount reserved; repeating the same request (same key) after
   ``REFUND_RETRY_AFTER``, or the payment reconcile after its grace period, first looks for
   the refund at Stripe and adopts it, else sends it again with the same idempotency key
   (``refund_recovery``): never twice.
3. (transaction) record Stripe's refund id and status (``refund_settle``): an accepted
   refund adds to ``refunded_minor`` on the payment and the booking; a full refund moves the
   booking's payment to REFUNDED and the booking to CANCELLED (not yet held) or REFUNDED
   (COMPLETED), as DESIGN.md section 4 says (``booking_state.cancel_for_refund``), and both
   parties are told "refunded"; a partial refund that succeeded tells both
   "partially_refunded" in the same transaction. A refund Stripe leaves ``pending`` announces
   no success: the payment reconcile asks Stripe again later (``settle_pending_refunds``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from linguaflex_desktop import crashpoints
from linguaflex_desktop.adapters.stripe.gateway import PaymentsGateway
from linguaflex_desktop.errors import (
    Conflict,
    ExternalServiceError,
    InvalidTransition,
    PermissionDenied,
    StripeRequestRefused,
    ValidationError,
)
from linguaflex_desktop.models import (
    AuditAction,
    BookingStatus,
    Payment,
    Refund,
    RefundStatus,
    Role,
    SessionBooking,
    User,
)
from linguaflex_desktop.services.booking import rules
from linguaflex_desktop.services.booking.state import load_booking
from linguaflex_desktop.services.common.authorization import load_acting_user
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.services.common.validation import clean_line, clean_multiline
from linguaflex_desktop.services.payments.dto import RefundPreview, RefundResult
from linguaflex_desktop.services.payments.refund_amounts import (
    intent_of,
    paid_payment,
    preview_of,
    reserved_total,
    split_after_refunds,
)
from linguaflex_desktop.services.payments.refund_messages import (
    clean_student_message,
    refund_to_dto,
)
from linguaflex_desktop.services.payments.refund_recovery import (
    Found,
    Lease,
    find_or_send,
    record_found,
    refund_metadata,
    refusal_of,
    take_lease,
)
from linguaflex_desktop.services.payments.refund_settle import audit_refund
from linguaflex_desktop.texts import tx

log = logging.getLogger(__name__)

__all__ = ["REFUND_RETRY_AFTER", "Refunds", "refund_to_dto", "split_after_refunds"]

# Who may make a new refund of a booking (called under the booking lock; raises to refuse).
Authorize = Callable[[User, SessionBooking], None]

REFUND_RETRY_AFTER = timedelta(seconds=30)
MAX_KEY_LENGTH = 255
REFUND_UNREACHABLE = tx(
    "Stripe did not answer, so it is not known yet whether the refund was made. Try the same "
    "refund again in a minute: it will not be made twice."
)


@dataclass(frozen=True)
class _Claim:
    refund_id: int
    payment_intent_id: str
    amount_minor: int
    duplicate: RefundResult | None = None
    lease: Lease | None = None  # a repeat of a refund whose Stripe call got no answer
    admin: bool = True  # made by an admin: the result carries the internal reason


class Refunds:
    """Admins' refunds: preview, refund, cancel a paid booking (module docstring). Thread-safe:
    each call opens its own Sessions; every method that calls Stripe blocks, so call it from a
    worker thread."""

    def __init__(self, ctx: ServiceContext, gateway: PaymentsGateway) -> None:
        self._ctx = ctx
        self._gateway = gateway

    def preview_refund(
        self, actor: Actor, booking_id: int, *, amount_minor: int | None = None
    ) -> RefundPreview:
        """What refunding ``amount_minor`` (None: everything that remains) would do."""
        with self._ctx.unit_of_work(write=False) as uow:
            load_acting_user(uow.session, actor, Role.ADMIN)
            booking = load_booking(uow.session, booking_id)
            payment = paid_payment(uow.session, booking)
            return preview_of(
                booking, payment, reserved_total(uow.session, payment.id), amount_minor
            )

    def refund(
        self,
        actor: Actor,
        booking_id: int,
        *,
        amount_minor: int | None = None,
        reason: str,
        student_message: str = "",
        request_key: str,
    ) -> RefundResult:
        """Refund ``amount_minor`` (None: everything that remains) of a PAID booking at
        Stripe and record it (module docstring). Raises ValidationError for an amount over
        what remains, PermissionDenied for non-admins, StripeRequestRefused when Stripe
        refused it (recorded failed), Conflict when a repeat finds a refund at Stripe we did
        not record (left for an admin), ExternalServiceError when Stripe does not answer
        (retry with the same ``request_key``). ``reason`` is internal (admins, the audit
        trail); the student reads ``student_message`` (refund_messages)."""
        return self.refund_on_behalf(
            actor,
            booking_id,
            authorize=_admin_only,
            amount_minor=amount_minor,
            reason=reason,
            student_message=student_message,
            request_key=request_key,
        )

    def refund_on_behalf(
        self,
        actor: Actor,
        booking_id: int,
        *,
        authorize: Authorize,
        amount_minor: int | None,
        reason: str,
        student_message: str,
        request_key: str,
    ) -> RefundResult:
        """``refund`` for the collaborators that refund under a policy (a student's or a
        teacher's cancellation, an answered cancellation request): ``authorize`` decides,
        under the booking lock, whether ``actor`` may make this new refund."""
        student_message = clean_student_message(student_message)
        reason = clean_multiline(
            reason, what="reason", limit=rules.MAX_REASON_LENGTH, required=True
        )
        if not isinstance(request_key, str) or not request_key:
            raise ValidationError(tx("A refund needs a request key (at most 255 characters)."))
        request_key = clean_line(request_key, what="request key", limit=MAX_KEY_LENGTH)
        texts = (reason, student_message)
        try:
            claim = self._claim_refund(
                actor, booking_id, authorize, amount_minor, texts, request_key
            )
        except IntegrityError:  # the same key, inserted by a concurrent click
            claim = self._claim_refund(
                actor, booking_id, authorize, amount_minor, texts, request_key
            )
        if claim.duplicate is not None:
            return claim.duplicate
        crashpoints.reached("refund.row_committed")
        try:
            found = self._send_refund(booking_id, claim, request_key)
        except ExternalServiceError as error:
            log.warning("refund %s not confirmed by Stripe: %s", claim.refund_id, error)
            raise ExternalServiceError(REFUND_UNREACHABLE) from error
        crashpoints.reached("refund.stripe_answered")
        result = self._record_refund(actor, booking_id, claim, found)
        problem = None if result.duplicate else refusal_of(found)
        if problem is not None:
            raise problem
        return result

    def cancel_paid_booking(
        self,
        actor: Actor,
        booking_id: int,
        *,
        reason: str,
        student_message: str = "",
        request_key: str,
    ) -> RefundResult:
        """An admin cancels a PAID, CONFIRMED booking: a full refund and the cancellation, in
        one action. The same ``request_key`` again (a double click) returns the first result
        as a duplicate instead of refusing the now cancelled booking."""
        with self._ctx.unit_of_work(write=False) as uow:
            load_acting_user(uow.session, actor, Role.ADMIN)
            status = load_booking(uow.session, booking_id).status
            known = uow.session.scalar(
                select(Refund.id).where(Refund.idempotency_key == request_key)
            )
        if known is None and status is not BookingStatus.CONFIRMED:
            raise InvalidTransition(
                tx(
                    "Only a confirmed booking can be cancelled; this one is {status}.",
                    status=rules.describe_status(status),
                )
            )
        return self.refund(
            actor,
            booking_id,
            reason=reason,
            student_message=student_message,
            request_key=request_key,
        )

    # --- steps -------------------------------------------------------------------------------

    def _claim_refund(
        self,
        actor: Actor,
        booking_id: int,
        authorize: Authorize,
        amount_minor: int | None,
        texts: tuple[str, str],
        request_key: str,
    ) -> _Claim:
        """Step 1; a known ``request_key`` returns the refund already made (or resumes one
        whose Stripe call never answered, after ``REFUND_RETRY_AFTER``) to whoever made it,
        an admin, or another user ``authorize`` lets make it (two answerers of one request).
        ``texts``: (internal reason, message to the student)."""
        now = self._ctx.now()
        reason, student_message = texts
        with self._ctx.unit_of_work() as uow:
            session = uow.session
            user = load_acting_user(session, actor)
            booking = load_booking(session, booking_id, for_update=True)
            known = session.scalar(select(Refund).where(Refund.idempotency_key == request_key))
            if known is not None:
                if user.role is not Role.ADMIN and known.created_by_id != user.id:
                    authorize(user, booking)  # another may repeat it if they may make it
                admin = user.role is Role.ADMIN
                claim = self._known_claim(session, booking, known, admin=admin)
                uow.commit()
                return claim
            authorize(user, booking)
            payment = paid_payment(session, booking)
            preview = preview_of(
                booking, payment, reserved_total(session, payment.id), amount_minor
            )
            refund = Refund(
                payment_id=payment.id,
                idempotency_key=request_key,
                amount_minor=preview.amount_minor,
                currency=payment.currency,
                status=RefundStatus.CREATING,
                reason=reason,
                student_message=student_message,
                created_by_id=user.id,
                created_at=now,
                updated_at=now,
            )
            session.add(refund)
            session.flush()
            audit_refund(session, refund, AuditAction.REFUND_REQUESTED, actor.id, now, reason)
            admin = user.role is Role.ADMIN
            claim = _Claim(refund.id, intent_of(payment), refund.amount_minor, admin=admin)
            uow.commit()
            return claim

    def _known_claim(
        self, session: Session, booking: SessionBooking, known: Refund, *, admin: bool
    ) -> _Claim:
        payment = session.get(Payment, known.payment_id)
        if payment is None or payment.booking_id != booking.id:
            raise Conflict(tx("That refund request belongs to another booking."))
        now = self._ctx.now()
        if known.status is RefundStatus.CREATING and now - known.updated_at >= REFUND_RETRY_AFTER:
            intent_of(payment)
            # a lease: a concurrent repeat will not call Stripe too
            lease = take_lease(session, known, payment, now)
            return _Claim(
                known.id, lease.payment_intent_id, known.amount_minor, lease=lease, admin=admin
            )
        result = RefundResult(
            refund=refund_to_dto(known, admin=admin),
            booking_status=booking.status,
            payment_status=booking.payment_status,
            refunded_minor=booking.refunded_minor,
            duplicate=True,
        )
        return _Claim(
            known.id, intent_of(payment), known.amount_minor, duplicate=result, admin=admin
        )

    def _send_refund(self, booking_id: int, claim: _Claim, request_key: str) -> Found:
        """Step 2: a first request is sent; a repeat looks for it at Stripe first."""
        if claim.lease is not None:
            return find_or_send(self._gateway, claim.lease)
        try:
            info = self._gateway.create_refund(
                payment_intent_id=claim.payment_intent_id,
                amount_minor=claim.amount_minor,
                idempotency_key=request_key,
                metadata=refund_metadata(claim.refund_id, booking_id),
            )
        except StripeRequestRefused as refused:
            return Found(refused=refused.stripe_message)
        return Found(info=info)

    def _record_refund(
        self, actor: Actor, booking_id: int, claim: _Claim, found: Found
    ) -> RefundResult:
        """Step 3."""
        now = self._ctx.now()
        with self._ctx.unit_of_work() as uow:
            session = uow.session
            booking = load_booking(session, booking_id, for_update=True)
            refund = session.get(Refund, claim.refund_id, populate_existing=True)
            assert refund is not None
            payment = session.get(Payment, refund.payment_id, populate_existing=True)
            assert payment is not None
            duplicate = refund.status is not RefundStatus.CREATING
            record_found(session, booking, payment, refund, found, actor_id=actor.id, at=now)
            session.flush()
            result = RefundResult(
                refund=refund_to_dto(refund, admin=claim.admin),
                booking_status=booking.status,
                payment_status=booking.payment_status,
                refunded_minor=booking.refunded_minor,
                duplicate=duplicate,
            )
            uow.commit()
        return result


# --- helpers -----------------------------------------------------------------------------------


def _admin_only(user: User, booking: SessionBooking) -> None:
    if user.role is not Role.ADMIN:
        raise PermissionDenied(tx("Your role does not allow this."))
