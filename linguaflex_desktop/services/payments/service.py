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
4. confirm it, then settle (``payment_settle``): succeeded -> PAID (after checking amount,
   currency and booking id); ``requires_action`` -> a 3-D Secure hand-off URL for the browser,
   followed by ``wait_for_payment``; a decline -> FAILED with Stripe's message and
   PaymentDeclined. Stripe unreachable: the row stays ``pending``.

Money never moves on a PaymentIntent whose id is not in our database: we only confirm after
step 3. Rows left ``creating``/``pending`` are settled by the ``Reconciler`` (``reconcile``),
which ``pay_booking`` also asks to settle an attempt left behind before starting a new one.
Refunds are the ``Refunds`` collaborator (``refunds``), the read views ``PaymentViews``
(``views``). Every method blocks (network, database): call it from a worker thread.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from linguaflex_desktop import crashpoints
from linguaflex_desktop.adapters.browser_pages import CardPageServer, Handoff
from linguaflex_desktop.adapters.stripe.gateway import PaymentIntentInfo, PaymentsGateway
from linguaflex_desktop.errors import (
    ConfigurationError,
    Conflict,
    ExternalServiceError,
    NotFound,
    PaymentDeclined,
    PermissionDenied,
    StripeRequestRefused,
)
from linguaflex_desktop.models import Payment, PaymentAttemptStatus, Role, SessionBooking
from linguaflex_desktop.services.common.authorization import load_acting_user
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.services.payments import settle as settling
from linguaflex_desktop.services.payments.attempts import IN_PROGRESS, Charge, start_attempt
from linguaflex_desktop.services.payments.dto import PaymentOutcome
from linguaflex_desktop.services.payments.reconcile import Reconciler

log = logging.getLogger(__name__)

PageServerFactory = Callable[[], CardPageServer]

CONFIRM_UNREACHABLE = (
    "Stripe did not answer while confirming the payment, so it is not known yet whether it "
    "went through. Nothing will be charged twice: LinguaFlex checks with Stripe and updates "
    "the booking as soon as it can."
)
CREATE_UNREACHABLE = (
    "Stripe did not answer, so the payment was not started and nothing was charged. "
    "Please try again in a few minutes."
)
CREATE_REFUSED = "Stripe refused to start the payment: {}."
CREATE_REFUSED_HINT = " Nothing was charged; you can pay again now."
TIMED_OUT_MESSAGE = "Still waiting for the confirmation in the browser. Finish it there, or cancel."


class PaymentService:
    """Paying a booking by card, following and cancelling the attempt. Thread-safe.

    ``reconciler`` settles an attempt left behind before a new "Pay" (default: one on the same
    context and gateway)."""

    def __init__(
        self,
        ctx: ServiceContext,
        gateway: PaymentsGateway,
        *,
        reconciler: Reconciler | None = None,
        page_server_factory: PageServerFactory | None = None,
        sleep: Callable[[float], None] = time.sleep,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._ctx = ctx
        self._gateway = gateway
        self._reconciler = reconciler or Reconciler(ctx, gateway)
        self._page_server_factory = page_server_factory or (
            lambda: CardPageServer.for_gateway(gateway)
        )
        self._page_server: CardPageServer | None = None
        self._handoffs: dict[int, Handoff] = {}  # payment id -> its 3-D Secure page
        self._lock = threading.Lock()
        self._sleep = sleep
        self._monotonic = monotonic

    def close(self) -> None:
        """Stop the 3-D Secure page server (any thread; idempotent)."""
        with self._lock:
            server, self._page_server = self._page_server, None
            self._handoffs.clear()
        if server is not None:
            server.stop()

    # --- paying ------------------------------------------------------------------------------

    def pay_booking(
        self, actor: Actor, booking_id: int, *, card_id: int | None = None
    ) -> PaymentOutcome:
        """Pay the student's own CONFIRMED booking with a saved card (the default one when
        ``card_id`` is None). Returns "succeeded", "requires_action" (open ``handoff_url``,
        then ``wait_for_payment``) or "pending". Raises PaymentDeclined with Stripe's message
        (the booking is then FAILED and may be paid again), StripeRequestRefused when Stripe
        refused to create the PaymentIntent (FAILED too: pay again at once), Conflict when a
        payment is already running or done, ExternalServiceError when Stripe cannot be
        reached (the attempt stays open until reconciliation settles it)."""
        try:
            charge = start_attempt(self._ctx, actor, booking_id, card_id)
        except Conflict as busy:
            # An attempt left behind by an earlier failure is settled first (as reconciliation
            # would); one still running (e.g. a 3-D Secure page open) keeps the Conflict.
            if (
                busy.message != IN_PROGRESS
                or not self._reconciler.reconcile_booking(booking_id).changed
            ):
                raise
            charge = start_attempt(self._ctx, actor, booking_id, card_id)
        crashpoints.reached("pay.attempt_committed")
        info = self._create_intent(actor, charge)
        crashpoints.reached("pay.intent_created")
        try:
            self._store_intent(charge, info)
        except Conflict:
            self._cancel_quietly(info)  # never confirmed: no money moved
            raise
        crashpoints.reached("pay.intent_stored")
        try:
            confirmed = self._gateway.confirm_payment_intent(
                info.id, idempotency_key=f"{charge.idempotency_key}-confirm"
            )
        except ExternalServiceError as error:
            log.warning("payment %s: confirm of %s failed: %s", charge.payment_id, info.id, error)
            raise ExternalServiceError(CONFIRM_UNREACHABLE) from error
        crashpoints.reached("pay.confirm_answered")
        outcome, attention = self._settle_once(actor.id, charge.payment_id, confirmed)
        if outcome.state == "failed":
            self._cancel_quietly(confirmed)
            if attention:  # the PaymentIntent does not match the booking: never PAID
                raise ExternalServiceError(outcome.message)
            raise PaymentDeclined(outcome.message)
        return outcome

    def poll_payment(self, actor: Actor, payment_id: int) -> PaymentOutcome:
        """Ask Stripe once where an attempt stands and settle it (idempotent)."""
        payment_intent_id = self._own_active_intent(actor, payment_id)
        if payment_intent_id is None:
            return self._current(payment_id)
        info = self._gateway.retrieve_payment_intent(payment_intent_id)
        outcome = self._settle(actor.id, payment_id, info)
        if outcome.state == "failed":
            self._cancel_quietly(info)
        return outcome

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
        """The background poller after a 3-D Secure hand-off (run it on a worker thread).
        Polls with backoff until the attempt is settled, ``should_cancel()`` turns true (the
        attempt is then cancelled, unless it succeeded meanwhile) or ``timeout`` passes
        (returns "pending"). A decline or failed authentication is returned as "failed" with
        Stripe's message. Stripe briefly unreachable is retried until the deadline."""
        deadline = self._monotonic() + timeout
        delay = interval
        while True:
            if should_cancel():
                return self.cancel_payment(actor, payment_id)
            failure: ExternalServiceError | None = None
            try:
                outcome = self.poll_payment(actor, payment_id)
            except ExternalServiceError as error:
                failure = error
            else:
                if outcome.finished:
                    return outcome
            remaining = deadline - self._monotonic()
            if remaining <= 0:
                if failure is not None:
                    raise failure
                return self._with_message(outcome, TIMED_OUT_MESSAGE)
            self._pause(min(delay, remaining), should_cancel)
            delay = min(delay * 1.5, max_interval)

    def cancel_payment(self, actor: Actor, payment_id: int) -> PaymentOutcome:
        """The student gives up an attempt waiting for 3-D Secure: cancel it at Stripe and
        here (booking FAILED: pay again later). If it succeeded meanwhile, it stays paid."""
        payment_intent_id = self._own_active_intent(actor, payment_id)
        if payment_intent_id is None:
            return self._current(payment_id)
        try:
            info = self._gateway.cancel_payment_intent(payment_intent_id)
        except ExternalServiceError:
            info = self._gateway.retrieve_payment_intent(payment_intent_id)
            if info.status not in ("succeeded", "canceled"):
                raise
        return self._settle(actor.id, payment_id, info)

    # --- the steps ---------------------------------------------------------------------------

    def _create_intent(self, actor: Actor, charge: Charge) -> PaymentIntentInfo:
        """Step 2. Stripe unreachable: the row stays ``creating`` (reconciliation closes it);
        a refusal that surely created nothing (Stripe refused the request, a declined card,
        bad keys) closes it now: FAILED with Stripe's message (CANCELED for bad keys)."""
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
            message = CREATE_REFUSED.format(refused.stripe_message.rstrip("."))
            self._close_refused(actor, charge, PaymentAttemptStatus.FAILED, message)
            raise StripeRequestRefused(
                f"{message}{CREATE_REFUSED_HINT}", refused.stripe_message
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
                raise Conflict("This payment attempt was closed meanwhile; please pay again.")
            payment.stripe_payment_intent_id = info.id
            payment.status = PaymentAttemptStatus.PENDING
            payment.updated_at = self._ctx.now()
            uow.commit()

    def _settle(
        self, actor_id: int | None, payment_id: int, info: PaymentIntentInfo
    ) -> PaymentOutcome:
        return self._settle_once(actor_id, payment_id, info)[0]

    def _settle_once(
        self, actor_id: int | None, payment_id: int, info: PaymentIntentInfo
    ) -> tuple[PaymentOutcome, bool]:
        """Settle in one transaction; on ``requires_action`` offer the 3-D Secure page (once
        per attempt). Also returns whether the attempt needs an admin's attention."""
        with self._ctx.unit_of_work() as uow:
            payment, booking = settling.lock_payment(uow.session, payment_id)
            result = settling.settle(
                uow.session, payment, booking, info, at=self._ctx.now(), actor_id=actor_id
            )
            payment_status, booking_id = booking.payment_status, booking.id
            uow.commit()
        handoff_url = None
        if result.state == "requires_action":
            handoff_url = self._three_d_secure_page(payment_id, info.client_secret)
        elif result.state != "pending":
            self._revoke(payment_id)
        outcome = PaymentOutcome(
            result.state, payment_id, booking_id, payment_status, result.message, handoff_url
        )
        return outcome, result.needs_attention

    # --- helpers -----------------------------------------------------------------------------

    def _own_active_intent(self, actor: Actor, payment_id: int) -> str | None:
        """The attempt's PaymentIntent id if it is still active (None when settled);
        only the booking's student (or an admin) may follow it."""
        with self._ctx.unit_of_work(write=False) as uow:
            user = load_acting_user(uow.session, actor)
            payment = uow.session.get(Payment, payment_id)
            if payment is None:
                raise NotFound("That payment does not exist.")
            booking = uow.session.get(SessionBooking, payment.booking_id)
            assert booking is not None
            if user.role is not Role.ADMIN and booking.student_id != user.id:
                raise PermissionDenied("This payment is not yours.")
            if payment.status not in settling.ACTIVE:
                return None
            if payment.stripe_payment_intent_id is None:
                raise ExternalServiceError(CREATE_UNREACHABLE)
            return payment.stripe_payment_intent_id

    def _current(self, payment_id: int) -> PaymentOutcome:
        with self._ctx.unit_of_work(write=False) as uow:
            payment = uow.session.get(Payment, payment_id)
            assert payment is not None
            booking = uow.session.get(SessionBooking, payment.booking_id)
            assert booking is not None
            result = settling.outcome_of(payment)
            return PaymentOutcome(
                result.state, payment.id, booking.id, booking.payment_status, result.message
            )

    def _three_d_secure_page(self, payment_id: int, client_secret: str) -> str:
        """The attempt's 3-D Secure page URL, offered on the page server once per attempt."""
        with self._lock:
            known = self._handoffs.get(payment_id)
            if known is not None:
                return known.url
            if self._page_server is None:
                self._page_server = self._page_server_factory()
            server = self._page_server
        handoff = server.offer_three_d_secure(client_secret=client_secret)
        with self._lock:
            self._handoffs[payment_id] = handoff
        return handoff.url

    def _revoke(self, payment_id: int) -> None:
        with self._lock:
            handoff, server = self._handoffs.pop(payment_id, None), self._page_server
        if handoff is not None and server is not None:
            server.revoke(handoff.token)

    def _cancel_quietly(self, info: PaymentIntentInfo) -> None:
        """A failed attempt's PaymentIntent is cancelled so it can never be confirmed later
        (best effort: reconciliation ignores closed rows either way)."""
        if info.status in ("canceled", "succeeded"):
            return
        try:
            self._gateway.cancel_payment_intent(info.id)
        except ExternalServiceError as error:
            log.info("PaymentIntent %s left open: %s", info.id, error)

    def _pause(self, seconds: float, should_cancel: Callable[[], bool]) -> None:
        """Sleep, waking every 0.1 s to honour a cancel request."""
        end = self._monotonic() + seconds
        while not should_cancel():
            left = end - self._monotonic()
            if left <= 0:
                return
            self._sleep(min(left, 0.1))

    @staticmethod
    def _with_message(outcome: PaymentOutcome, message: str) -> PaymentOutcome:
        return PaymentOutcome(
            outcome.state,
            outcome.payment_id,
            outcome.booking_id,
            outcome.payment_status,
            message,
            outcome.handoff_url,
        )
