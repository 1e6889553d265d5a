"""Paying a confirmed booking with a saved card (Stripe PaymentIntents), exactly once.

``pay_booking`` runs four steps; no database transaction is held while Stripe is called:

1. (transaction, ``payment_attempts``) check the booking (the student's own, CONFIRMED,
   UNPAID or FAILED, before ``payment_due_by``), insert ``Payment(status=creating)`` with a
   fresh idempotency key and the booking's price snapshot, move its payment to PENDING. The
   partial unique index "one active payment per booking" turns a second concurrent "Pay"
   (another thread, or another app instance on the same Postgres) into a Conflict.
2. create the PaymentIntent (customer, saved card, metadata ``booking_id``/``payment_id``,
   the stored idempotency key). Stripe unreachable: the row stays ``creating`` (the outcome
   is unknown). Stripe refusing the request (``StripeRequestRefused``: it made nothing), a
   declined card or bad keys: the attempt is closed at once and the student may pay again.
3. (transaction) store the PaymentIntent id (status ``pending``).
4. confirm it with a ``return_url`` (a loopback return page), then settle
   (``payment_settle``): succeeded -> PAID (after checking amount, currency and booking id);
   ``requires_action`` -> Stripe's hosted 3-D Secure page (``next_action.redirect_to_url``)
   for the browser, followed by ``wait_for_payment`` (``payment_follow``: reopen, cancel);
   a decline -> FAILED with a plain message and PaymentDeclined. Stripe unreachable: the row
   stays ``pending``.

Money never moves on a PaymentIntent whose id is not in our database: we only confirm after
step 3. Rows left ``creating``/``pending`` are settled by the ``Reconciler`` (``reconcile``),
which ``pay_booking`` also asks to settle an attempt left behind before starting a new one.
Refunds are the ``Refunds`` collaborator (``refunds``), the read views ``PaymentViews``
(``views``). Every method blocks (network, database): call it from a worker thread.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from linguaflex_desktop import crashpoints
from linguaflex_desktop.adapters.return_pages import ReturnPageServer
from linguaflex_desktop.adapters.stripe.gateway import PaymentIntentInfo, PaymentsGateway
from linguaflex_desktop.errors import (
    ConfigurationError,
    Conflict,
    ExternalServiceError,
    PaymentDeclined,
    StripeRequestRefused,
)
from linguaflex_desktop.models import PaymentAttemptStatus
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.services.payments import settle as settling
from linguaflex_desktop.services.payments.attempts import IN_PROGRESS, Charge, start_attempt
from linguaflex_desktop.services.payments.dto import PaymentOutcome
from linguaflex_desktop.services.payments.follow import CREATE_UNREACHABLE, AttemptFollower
from linguaflex_desktop.services.payments.reconcile import Reconciler
from linguaflex_desktop.texts import tx

log = logging.getLogger(__name__)

CONFIRM_UNREACHABLE = tx(
    "Stripe did not answer while confirming the payment, so it is not known yet whether it "
    "went through. Nothing will be charged twice: LinguaFlex checks with Stripe and updates "
    "the booking as soon as it can."
)
IN_PROGRESS_CONTINUE_OR_CANCEL = tx(
    "A payment for this booking is already in progress. If your bank's verification is "
    "still open, continue it, or cancel the payment attempt to pay again."
)


class PaymentService:
    """Paying a booking by card, following, reopening and cancelling the attempt. Thread-safe.

    ``reconciler`` settles an attempt left behind before a new "Pay" (default: one on the same
    context and gateway); ``return_pages`` serves the ``return_url`` of 3-D Secure (default:
    one of its own, stopped by ``close``)."""

    def __init__(
        self,
        ctx: ServiceContext,
        gateway: PaymentsGateway,
        *,
        reconciler: Reconciler | None = None,
        return_pages: ReturnPageServer | None = None,
        sleep: Callable[[float], None] = time.sleep,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._ctx = ctx
        self._gateway = gateway
        self._reconciler = reconciler or Reconciler(ctx, gateway)
        self._own_return_pages = return_pages is None
        self._return_pages = return_pages or ReturnPageServer()
        self._follower = AttemptFollower(
            ctx, gateway, self._return_pages, sleep=sleep, monotonic=monotonic
        )

    def close(self) -> None:
        """Stop the return page server if this service made it (any thread; idempotent)."""
        if self._own_return_pages:
            self._return_pages.stop()

    # --- paying ------------------------------------------------------------------------------

    def pay_booking(
        self, actor: Actor, booking_id: int, *, card_id: int | None = None
    ) -> PaymentOutcome:
        """Pay the student's own CONFIRMED booking with a saved card (the default one when
        ``card_id`` is None). Returns "succeeded", "requires_action" (open ``handoff_url``,
        Stripe's hosted 3-D Secure page, then ``wait_for_payment``) or "pending". Raises
        PaymentDeclined with a plain message (the booking is then FAILED and may be paid
        again), StripeRequestRefused when Stripe refused to create the PaymentIntent (FAILED
        too: pay again at once), Conflict when a payment is already running or done,
        ExternalServiceError when Stripe cannot be reached (the attempt stays open until
        reconciliation settles it)."""
        try:
            charge = start_attempt(self._ctx, actor, booking_id, card_id)
        except Conflict as busy:
            # An attempt left behind by an earlier failure is settled first (as reconciliation
            # would); one still running (e.g. a 3-D Secure page open) keeps the Conflict.
            if busy.message != IN_PROGRESS:
                raise
            if not self._reconciler.reconcile_booking(booking_id).changed:
                raise Conflict(IN_PROGRESS_CONTINUE_OR_CANCEL) from busy
            charge = start_attempt(self._ctx, actor, booking_id, card_id)
        crashpoints.reached("pay.attempt_committed")
        info = self._create_intent(actor, charge)
        crashpoints.reached("pay.intent_created")
        try:
            self._store_intent(charge, info)
        except Conflict:
            self._follower.cancel_quietly(info, charge.idempotency_key)  # never confirmed
            raise
        crashpoints.reached("pay.intent_stored")
        return_page = self._follower.return_page_for(charge.payment_id)
        try:
            confirmed = self._gateway.confirm_payment_intent(
                info.id,
                idempotency_key=f"{charge.idempotency_key}-confirm",
                return_url=return_page.url,
            )
        except ExternalServiceError as error:
            log.warning("payment %s: confirm of %s failed: %s", charge.payment_id, info.id, error)
            raise ExternalServiceError(CONFIRM_UNREACHABLE) from error
        crashpoints.reached("pay.confirm_answered")
        outcome, attention = self._follower.settle_once(actor.id, charge.payment_id, confirmed)
        if outcome.state == "failed":
            self._follower.cancel_quietly(confirmed, charge.idempotency_key)
            if attention:  # the PaymentIntent does not match the booking: never PAID
                raise ExternalServiceError(outcome.message)
            raise PaymentDeclined(outcome.message)
        return outcome

    # --- following the attempt (``payment_follow``) -------------------------------------------

    def poll_payment(self, actor: Actor, payment_id: int) -> PaymentOutcome:
        """Ask Stripe once where an attempt stands and settle it (idempotent)."""
        return self._follower.poll_payment(actor, payment_id)

    def wait_for_payment(
        self,
        actor: Actor,
        payment_id: int,
        *,
        timeout: float = 900.0,
        interval: float = 1.0,
        max_interval: float = 5.0,
        should_cancel: Callable[[], bool] = lambda: False,
    ) -> PaymentOutcome:
        """The background poller after a 3-D Secure hand-off (``AttemptFollower``)."""
        return self._follower.wait_for_payment(
            actor,
            payment_id,
            timeout=timeout,
            interval=interval,
            max_interval=max_interval,
            should_cancel=should_cancel,
        )

    def resume_payment(self, actor: Actor, booking_id: int) -> PaymentOutcome:
        """ "Continue verification": the booking's attempt read again from Stripe; waiting for
        3-D Secure it carries the same ``handoff_url`` to reopen."""
        return self._follower.resume_payment(actor, booking_id)

    def cancel_payment(self, actor: Actor, payment_id: int) -> PaymentOutcome:
        """Cancel an open attempt at Stripe and here (PAID instead if it succeeded)."""
        return self._follower.cancel_payment(actor, payment_id)

    def cancel_payment_attempt(self, actor: Actor, booking_id: int) -> PaymentOutcome:
        """ "Cancel payment attempt": ``cancel_payment`` on the booking's open attempt."""
        return self._follower.cancel_payment_attempt(actor, booking_id)

    # --- the steps ---------------------------------------------------------------------------

    def _create_intent(self, actor: Actor, charge: Charge) -> PaymentIntentInfo:
        """Step 2. Stripe unreachable: the row stays ``creating`` (reconciliation closes it);
        a refusal that surely created nothing (Stripe refused the request, a declined card,
        bad keys) closes it now: FAILED with the message (CANCELED for bad keys)."""
        try:
            return self._gateway.create_payment_intent(
                amount_minor=charge.amount_minor,
                currency=charge.currency,
                customer_id=charge.customer_id,
                payment_method_id=charge.payment_method_id,
                metadata={
                    "booking_id": str(charge.booking_id),
                    "payment_id": str(charge.payment_id),
                },
                idempotency_key=charge.idempotency_key,
            )
        except StripeRequestRefused as refused:
            log.warning(
                "payment %s: Stripe refused the PaymentIntent: %s", charge.payment_id, refused
            )
            words = refused.stripe_message.rstrip(".")
            message = tx("Stripe refused to start the payment: {stripe}.", stripe=words)
            self._close_refused(actor, charge, PaymentAttemptStatus.FAILED, message)
            raise StripeRequestRefused(
                tx(
                    "Stripe refused to start the payment: {stripe}. Nothing was charged; you "
                    "can pay again now.",
                    stripe=words,
                ),
                refused.stripe_message,
            ) from refused
        except ExternalServiceError as error:
            log.warning("payment %s: PaymentIntent not created: %s", charge.payment_id, error)
            raise ExternalServiceError(CREATE_UNREACHABLE) from error
        except PaymentDeclined as declined:
            self._close_refused(actor, charge, PaymentAttemptStatus.FAILED, declined.message)
            raise
        except ConfigurationError as error:
            self._close_refused(actor, charge, PaymentAttemptStatus.CANCELED, error.message)
            raise

    def _close_refused(
        self, actor: Actor, charge: Charge, to: PaymentAttemptStatus, message: str
    ) -> None:
        with self._ctx.unit_of_work() as uow:
            settling.close_unstarted(
                uow.session,
                charge.payment_id,
                to=to,
                code="create_refused",
                message=message,
                at=self._ctx.now(),
                actor_id=actor.id,
            )
            uow.commit()

    def _store_intent(self, charge: Charge, info: PaymentIntentInfo) -> None:
        """Step 3: only a PaymentIntent whose id is committed here is ever confirmed."""
        with self._ctx.unit_of_work() as uow:
            payment, _booking = settling.lock_payment(uow.session, charge.payment_id)
            if payment.status is not PaymentAttemptStatus.CREATING:
                raise Conflict(tx("This payment attempt was closed meanwhile; please pay again."))
            payment.stripe_payment_intent_id = info.id
            payment.status = PaymentAttemptStatus.PENDING
            payment.updated_at = self._ctx.now()
            uow.commit()
