"""Reconciliation: every payment attempt still ``creating`` or ``pending`` is re-read from Stripe.

Called at start-up, by a periodic timer, and by ``linguaflex reconcile`` (system actor). For
each active attempt, oldest first:

- ``pending`` (its PaymentIntent id is stored): retrieve the PaymentIntent and settle it like
  the poller does (``payment_settle``): succeeded -> PAID exactly once (the state check under
  the booking lock and the "one success per booking" index make a second pass a no-op); a
  decline -> FAILED; canceled -> canceled. An unfinished PaymentIntent is CANCELLED at Stripe
  (then the attempt is closed, booking FAILED) when its booking is no longer CONFIRMED, when
  the booking's payment deadline has passed, or when it is still ``requires_confirmation``
  after the grace period (our confirm never reached Stripe: we do not confirm on the student's
  behalf later; they pay again). ``requires_action`` (3-D Secure) is left alone for
  ``AUTHENTICATION_WINDOW`` (30 minutes) after the attempt started: the student may still be
  on the bank's page; after that it is cancelled the same way (audited
  ``payment.canceled``), so the booking can be paid again.
- ``creating`` (Stripe never answered step 2): money cannot have moved, because we confirm
  only PaymentIntents whose id is stored. After the grace period the attempt is closed as
  canceled and the booking's payment becomes FAILED, so the student can pay again. Against
  real Stripe we first replay the create with the SAME stored idempotency key, which returns
  the PaymentIntent Stripe may have made, and cancel that. The sandbox (localstripe) ignores
  idempotency keys, so a replay would make a new PaymentIntent: there we only close the row.
  Stripe refusing the replay (4xx) means it made nothing under our key: the row is closed too.

A PaymentIntent that succeeded on a booking that is no longer CONFIRMED is recorded as
succeeded, audited as ``payment.needs_attention`` and listed in the report for an admin.

The same pass asks Stripe about refunds it left ``pending`` (``refund_settle``): a success
then tells both parties, a failure gives the amount back; and it resumes refunds whose Stripe
call got no answer (left ``creating`` for the grace period): found at Stripe by our refund id
and adopted, or sent once (``refund_recovery``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlalchemy import select

from linguaflex_desktop.adapters.stripe.gateway import PaymentIntentInfo, PaymentsGateway
from linguaflex_desktop.errors import (
    ExternalServiceError,
    StripeRequestRefused,
    ValidationError,
)
from linguaflex_desktop.models import (
    BookingStatus,
    Payment,
    PaymentAttemptStatus,
    SessionBooking,
    StripeCustomer,
)
from linguaflex_desktop.services.booking import rules
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.stored_texts import keep
from linguaflex_desktop.services.common.validation import check_int
from linguaflex_desktop.services.payments import settle as settling
from linguaflex_desktop.services.payments.dto import ReconcileReport
from linguaflex_desktop.services.payments.follow import AUTHENTICATION_WINDOW, cancel_key
from linguaflex_desktop.services.payments.refund_recovery import settle_unanswered_refunds
from linguaflex_desktop.services.payments.refund_settle import settle_pending_refunds
from linguaflex_desktop.texts import tx

log = logging.getLogger(__name__)

NOT_STARTED_CODE = "not_started"
NOT_STARTED_MESSAGE = tx(
    "The payment could not be started because Stripe did not answer; nothing was charged. "
    "You can pay again."
)
DEFAULT_CREATING_GRACE = timedelta(minutes=2)
UNFINISHED = ("requires_action", "requires_confirmation", "requires_payment_method", "processing")
AUTHENTICATION_ABANDONED = tx(
    "Your bank's verification was not finished within 30 minutes, so the payment attempt was "
    "cancelled; nothing was charged. You can pay again."
)
keep(NOT_STARTED_MESSAGE, AUTHENTICATION_ABANDONED)


@dataclass(frozen=True)
class _Row:  # one active attempt, as read before asking Stripe
    payment_id: int
    payment_intent_id: str | None
    created_at: datetime
    idempotency_key: str
    amount_minor: int
    currency: str
    booking_id: int
    customer_id: str | None
    payment_method_id: str | None
    booking_open: bool
    deadline_passed: bool


class Reconciler:
    """Settles unfinished payment attempts and refunds with Stripe (module docstring).

    ``creating_grace`` is how long an attempt or refund whose Stripe call got no answer is
    left alone (that call may still be running) before it is closed or resumed. Thread-safe
    and safe next to other processes; every method blocks on Stripe, so call it from a worker
    thread (the periodic-task thread, the CLI, or ``PaymentService.pay_booking``'s).
    """

    def __init__(
        self,
        ctx: ServiceContext,
        gateway: PaymentsGateway,
        *,
        creating_grace: timedelta = DEFAULT_CREATING_GRACE,
    ) -> None:
        self._ctx = ctx
        self._gateway = gateway
        self._creating_grace = creating_grace

    def reconcile_pending(
        self, *, limit: int = 100, should_stop: Callable[[], bool] | None = None
    ) -> ReconcileReport:
        """Settle up to ``limit`` active attempts with Stripe (module docstring). Stripe being
        unreachable for one attempt is counted and the pass goes on. Safe to run from several
        threads or processes at once. ValidationError for a ``limit`` that is not a whole number
        or is negative (Postgres
        refuses a negative LIMIT, SQLite would read it as "no limit"); 0 checks nothing.
        ``should_stop`` (the app quitting) is asked before each attempt: once it says so the
        pass ends there and the next pass takes up what is left (each attempt is settled
        on its own, so a pass may stop between any two)."""
        if isinstance(limit, int) and limit < 0:
            raise ValidationError(tx("The limit cannot be negative ({limit}).", limit=limit))
        limit = check_int(limit, what="limit", minimum=0)
        stopping = should_stop or _never
        report = ReconcileReport()
        for row in self._active_rows(limit):
            if stopping():
                log.info("reconcile: stopped; the next pass goes on (%s)", report)
                return report
            try:
                result = self._reconcile_one(row)
            except ExternalServiceError as error:
                log.warning("reconcile: payment %s not checked: %s", row.payment_id, error)
                report = replace(
                    report, checked=report.checked + 1, unreachable=report.unreachable + 1
                )
                continue
            report = _count(report, row.payment_id, result)
        if stopping():
            return report
        resumed, stuck = settle_unanswered_refunds(
            self._ctx, self._gateway, grace=self._creating_grace, limit=limit
        )
        refunds, attention = settle_pending_refunds(self._ctx, self._gateway, limit=limit)
        report = replace(
            report,
            refunds_settled=refunds,
            refunds_resumed=resumed,
            needs_attention=tuple(dict.fromkeys((*report.needs_attention, *stuck, *attention))),
        )
        log.info("reconcile: %s", report)
        return report

    def reconcile_booking(self, booking_id: int) -> ReconcileReport:
        """Reconcile the active attempts of one booking (same rules as ``reconcile_pending``);
        used before a new "Pay" that found an attempt left behind."""
        report = ReconcileReport()
        for row in self._active_rows(10, booking_id=booking_id):
            report = _count(report, row.payment_id, self._reconcile_one(row))
        return report

    def _active_rows(self, limit: int, *, booking_id: int | None = None) -> list[_Row]:
        now = self._ctx.now()
        with self._ctx.unit_of_work(write=False) as uow:
            query = (
                select(Payment, SessionBooking, StripeCustomer.stripe_customer_id)
                .join(SessionBooking, SessionBooking.id == Payment.booking_id)
                .outerjoin(StripeCustomer, StripeCustomer.user_id == SessionBooking.student_id)
                .where(Payment.status.in_(settling.ACTIVE))
                .order_by(Payment.created_at, Payment.id)
                .limit(limit)
            )
            if booking_id is not None:
                query = query.where(Payment.booking_id == booking_id)
            return [
                _Row(
                    payment_id=payment.id,
                    payment_intent_id=payment.stripe_payment_intent_id,
                    created_at=payment.created_at,
                    idempotency_key=payment.idempotency_key,
                    amount_minor=payment.amount_minor,
                    currency=payment.currency,
                    booking_id=booking.id,
                    customer_id=customer_id,
                    payment_method_id=payment.stripe_payment_method_id,
                    booking_open=booking.status is BookingStatus.CONFIRMED,
                    deadline_passed=rules.deadline_passed(booking.payment_due_by, now),
                )
                for payment, booking, customer_id in uow.session.execute(query)
            ]

    def _reconcile_one(self, row: _Row) -> settling.Settled:
        stale = self._ctx.now() - row.created_at >= self._creating_grace
        if row.payment_intent_id is None:
            if not stale:
                return settling.Settled("pending", settling.PENDING_MESSAGE)
            try:
                self._cancel_unstarted(row)
            except StripeRequestRefused as refused:  # Stripe made nothing under our key
                log.info("reconcile: payment %s replay refused: %s", row.payment_id, refused)
            return self._close_unstarted(row.payment_id)
        info = self._gateway.retrieve_payment_intent(row.payment_intent_id)
        message = None
        if info.status in UNFINISHED and _abandoned(row, info, stale):
            info = self._cancel_intent(info, row.idempotency_key)
        elif info.status == "requires_action" and self._waited_too_long(row):
            info = self._cancel_intent(info, row.idempotency_key)
            message = AUTHENTICATION_ABANDONED
        return self._settle_as_system(row.payment_id, info, message)

    def _waited_too_long(self, row: _Row) -> bool:
        """Waiting for 3-D Secure longer than ``AUTHENTICATION_WINDOW`` since it started."""
        return self._ctx.now() - row.created_at >= AUTHENTICATION_WINDOW

    def _cancel_unstarted(self, row: _Row) -> None:
        """Real Stripe only: learn the PaymentIntent Stripe may have made under our key, and
        cancel it (it was never confirmed, so nothing was charged)."""
        if self._gateway.is_sandbox or not (row.customer_id and row.payment_method_id):
            return
        info = self._gateway.create_payment_intent(
            amount_minor=row.amount_minor,
            currency=row.currency,
            customer_id=row.customer_id,
            payment_method_id=row.payment_method_id,
            metadata={"booking_id": str(row.booking_id), "payment_id": str(row.payment_id)},
            idempotency_key=row.idempotency_key,
        )
        self._cancel_intent(info, row.idempotency_key)

    def _cancel_intent(self, info: PaymentIntentInfo, idempotency_key: str) -> PaymentIntentInfo:
        """Cancel at Stripe; if it finished meanwhile (e.g. succeeded), return that state."""
        try:
            return self._gateway.cancel_payment_intent(
                info.id, idempotency_key=cancel_key(idempotency_key)
            )
        except ExternalServiceError:
            fresh = self._gateway.retrieve_payment_intent(info.id)
            if fresh.status in UNFINISHED:
                raise
            return fresh

    def _close_unstarted(self, payment_id: int) -> settling.Settled:
        with self._ctx.unit_of_work() as uow:
            result = settling.close_unstarted(
                uow.session,
                payment_id,
                to=PaymentAttemptStatus.CANCELED,
                code=NOT_STARTED_CODE,
                message=NOT_STARTED_MESSAGE,
                at=self._ctx.now(),
                actor_id=None,
            )
            uow.commit()
        return result

    def _settle_as_system(
        self, payment_id: int, info: PaymentIntentInfo, canceled_message: str | None = None
    ) -> settling.Settled:
        with self._ctx.unit_of_work() as uow:
            payment, booking = settling.lock_payment(uow.session, payment_id)
            result = settling.settle(
                uow.session,
                payment,
                booking,
                info,
                at=self._ctx.now(),
                actor_id=None,
                canceled_message=canceled_message,
            )
            uow.commit()
        return result


def _never() -> bool:
    return False


def _abandoned(row: _Row, info: PaymentIntentInfo, stale: bool) -> bool:
    """An unfinished PaymentIntent nobody will finish (see the module docstring)."""
    if not row.booking_open or row.deadline_passed:
        return True
    return info.status == "requires_confirmation" and stale


def _count(report: ReconcileReport, payment_id: int, result: settling.Settled) -> ReconcileReport:
    report = replace(report, checked=report.checked + 1)
    if result.needs_attention:
        report = replace(report, needs_attention=(*report.needs_attention, payment_id))
    if not result.changed:
        if result.state in ("pending", "requires_action"):
            return replace(report, still_pending=report.still_pending + 1)
        return report
    if result.state == "succeeded":
        return replace(report, paid=report.paid + 1)
    if result.state == "failed":
        return replace(report, failed=report.failed + 1)
    return replace(report, canceled=report.canceled + 1)
