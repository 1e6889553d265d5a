"""Following a payment attempt after "Pay": 3-D Secure on Stripe's hosted page, with no dead end.

When the card needs 3-D Secure, Stripe answers the confirm (made with our ``return_url``, a
loopback ``ReturnPage``) with ``requires_action`` and ``next_action.redirect_to_url``: the app
opens that URL (``PaymentOutcome.handoff_url``) in the system browser and ``wait_for_payment``
follows the PaymentIntent on a worker thread, polling with backoff and woken at once when the
browser comes back to the return page. The page is never trusted: Stripe's answer is.

While the attempt waits, the student can:
- reopen the verification page: ``resume_payment`` reads the PaymentIntent again and returns
  the same URL (or the outcome, if it finished meanwhile);
- cancel it: ``cancel_payment`` / ``cancel_payment_attempt`` cancel the PaymentIntent at
  Stripe (idempotency key derived from the attempt's stored key), close the attempt CANCELED
  and the booking's payment FAILED, so "Pay" works again at once. If Stripe says the payment
  succeeded meanwhile (the cancel is refused), it is settled PAID: never failed.
Reconciliation cancels attempts left waiting longer than ``AUTHENTICATION_WINDOW``.

Every method blocks (network, database): call it from a worker thread.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import timedelta

from sqlalchemy import select

from linguaflex_desktop.adapters.return_pages import ReturnPage, ReturnPageServer
from linguaflex_desktop.adapters.stripe.gateway import PaymentIntentInfo, PaymentsGateway
from linguaflex_desktop.errors import ExternalServiceError, NotFound, PermissionDenied
from linguaflex_desktop.models import Payment, Role, SessionBooking
from linguaflex_desktop.services.common.authorization import load_acting_user
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.services.payments import settle as settling
from linguaflex_desktop.services.payments.dto import PaymentOutcome
from linguaflex_desktop.texts import tx

log = logging.getLogger(__name__)

# an attempt waiting for 3-D Secure longer than this is cancelled by reconciliation
AUTHENTICATION_WINDOW = timedelta(minutes=30)
CREATE_UNREACHABLE = tx(
    "Stripe did not answer, so the payment was not started and nothing was charged. "
    "Please try again in a few minutes."
)
TIMED_OUT_MESSAGE = tx(
    "Still waiting for the confirmation in the browser. Finish it there, or cancel."
)
NOTHING_WAITING = tx("No payment of this booking is waiting; you can pay it again if it is unpaid.")
STILL_STARTING = tx("The payment is still being started with Stripe. Please try again in a minute.")


def cancel_key(idempotency_key: str) -> str:
    """The idempotency key of cancelling an attempt's PaymentIntent (one per attempt)."""
    return f"{idempotency_key}-cancel"


class AttemptFollower:
    """Polls, reopens and cancels attempts (module docstring). Thread-safe.

    ``return_pages`` serves the ``return_url`` of each confirm; it is started on first use."""

    def __init__(
        self,
        ctx: ServiceContext,
        gateway: PaymentsGateway,
        return_pages: ReturnPageServer,
        *,
        sleep: Callable[[float], None] = time.sleep,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._ctx = ctx
        self._gateway = gateway
        self._return_pages = return_pages
        self._returns: dict[int, str] = {}  # payment id -> its return page's token
        self._lock = threading.Lock()
        self._sleep = sleep
        self._monotonic = monotonic

    def return_page_for(self, payment_id: int) -> ReturnPage:
        """A return address for the attempt's confirm; its arrival wakes the poller."""
        page = self._return_pages.offer()
        with self._lock:
            self._returns[payment_id] = page.token
        return page

    # --- following ---------------------------------------------------------------------------

    def poll_payment(self, actor: Actor, payment_id: int) -> PaymentOutcome:
        """Ask Stripe once where an attempt stands and settle it (idempotent)."""
        active = self._own_active_intent(actor, payment_id)
        if active is None:
            return self.current(payment_id)
        info = self._gateway.retrieve_payment_intent(active[0])
        outcome = self.settle(actor.id, payment_id, info)
        if outcome.state == "failed":
            self.cancel_quietly(info, active[1])
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
        Polls with backoff (woken at once when the browser comes back) until the attempt is
        settled, ``should_cancel()`` turns true (the attempt is then cancelled, unless it
        succeeded meanwhile) or ``timeout`` passes (returns "requires_action" or "pending":
        the student may continue or cancel later). Stripe briefly unreachable is retried."""
        deadline = self._monotonic() + timeout
        delay = interval
        with self._lock:
            token = self._returns.get(payment_id)
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
                return _with_message(outcome, TIMED_OUT_MESSAGE)
            if self._pause(min(delay, remaining), should_cancel, token):
                token = None  # the browser came back: poll now, then back to the backoff
            delay = min(delay * 1.5, max_interval)

    def resume_payment(self, actor: Actor, booking_id: int) -> PaymentOutcome:
        """ "Continue verification": the booking's attempt, read again from Stripe. Waiting
        for 3-D Secure -> "requires_action" with the same ``handoff_url`` to reopen; finished
        meanwhile -> its outcome. NotFound when the booking has no attempt at all."""
        payment_id = self._latest_attempt(actor, booking_id)
        return self.poll_payment(actor, payment_id)

    def cancel_payment_attempt(self, actor: Actor, booking_id: int) -> PaymentOutcome:
        """ "Cancel payment attempt" on the booking's open attempt (``cancel_payment``)."""
        payment_id = self._latest_attempt(actor, booking_id)
        return self.cancel_payment(actor, payment_id)

    def cancel_payment(self, actor: Actor, payment_id: int) -> PaymentOutcome:
        """Give up an open attempt: cancel its PaymentIntent at Stripe, then close it here
        (CANCELED; the booking's payment FAILED: pay again at once). If Stripe refuses because
        the payment succeeded meanwhile, the attempt is settled PAID."""
        active = self._own_active_intent(actor, payment_id)
        if active is None:
            return self.current(payment_id)
        info = self.cancel_intent(active[0], active[1])
        return self.settle(actor.id, payment_id, info)

    # --- shared with paying and reconciliation -----------------------------------------------

    def cancel_intent(self, payment_intent_id: str, idempotency_key: str) -> PaymentIntentInfo:
        """Cancel at Stripe; if it finished meanwhile (e.g. succeeded: Stripe refuses the
        cancel), return that state instead. Raises ExternalServiceError when Stripe cannot
        be reached and the PaymentIntent is still open."""
        try:
            return self._gateway.cancel_payment_intent(
                payment_intent_id, idempotency_key=cancel_key(idempotency_key)
            )
        except ExternalServiceError:
            fresh = self._gateway.retrieve_payment_intent(payment_intent_id)
            if fresh.status not in ("succeeded", "canceled"):
                raise
            return fresh

    def cancel_quietly(self, info: PaymentIntentInfo, idempotency_key: str) -> None:
        """A failed attempt's PaymentIntent is cancelled so it can never be confirmed later
        (best effort: reconciliation ignores closed rows either way)."""
        if info.status in ("canceled", "succeeded"):
            return
        try:
            self._gateway.cancel_payment_intent(
                info.id, idempotency_key=cancel_key(idempotency_key)
            )
        except ExternalServiceError as error:
            log.info("PaymentIntent %s left open: %s", info.id, error)

    def settle(
        self, actor_id: int | None, payment_id: int, info: PaymentIntentInfo
    ) -> PaymentOutcome:
        return self.settle_once(actor_id, payment_id, info)[0]

    def settle_once(
        self, actor_id: int | None, payment_id: int, info: PaymentIntentInfo
    ) -> tuple[PaymentOutcome, bool]:
        """Settle in one transaction; waiting for 3-D Secure, the outcome carries Stripe's
        hosted page (``handoff_url``). Also returns whether an admin must look at it."""
        with self._ctx.unit_of_work() as uow:
            payment, booking = settling.lock_payment(uow.session, payment_id)
            result = settling.settle(
                uow.session, payment, booking, info, at=self._ctx.now(), actor_id=actor_id
            )
            payment_status, booking_id = booking.payment_status, booking.id
            uow.commit()
        handoff_url = info.next_action_url if result.state == "requires_action" else None
        if result.state not in ("requires_action", "pending"):
            with self._lock:
                self._returns.pop(payment_id, None)
        outcome = PaymentOutcome(
            result.state, payment_id, booking_id, payment_status, result.message, handoff_url
        )
        return outcome, result.needs_attention

    def current(self, payment_id: int) -> PaymentOutcome:
        with self._ctx.unit_of_work(write=False) as uow:
            payment = uow.session.get(Payment, payment_id)
            assert payment is not None
            booking = uow.session.get(SessionBooking, payment.booking_id)
            assert booking is not None
            result = settling.outcome_of(payment)
            return PaymentOutcome(
                result.state, payment.id, booking.id, booking.payment_status, result.message
            )

    # --- helpers -----------------------------------------------------------------------------

    def _own_active_intent(self, actor: Actor, payment_id: int) -> tuple[str, str] | None:
        """(PaymentIntent id, idempotency key) of the attempt if it is still active (None
        when settled); only the booking's student (or an admin) may follow it."""
        with self._ctx.unit_of_work(write=False) as uow:
            user = load_acting_user(uow.session, actor)
            payment = uow.session.get(Payment, payment_id)
            if payment is None:
                raise NotFound(tx("That payment does not exist."))
            booking = uow.session.get(SessionBooking, payment.booking_id)
            assert booking is not None
            if user.role is not Role.ADMIN and booking.student_id != user.id:
                raise PermissionDenied(tx("This payment is not yours."))
            if payment.status not in settling.ACTIVE:
                return None
            if payment.stripe_payment_intent_id is None:
                raise ExternalServiceError(STILL_STARTING)
            return payment.stripe_payment_intent_id, payment.idempotency_key

    def _latest_attempt(self, actor: Actor, booking_id: int) -> int:
        """The booking's newest attempt (the open one, if any); the owner check follows."""
        with self._ctx.unit_of_work(write=False) as uow:
            load_acting_user(uow.session, actor)
            payment_id = uow.session.scalar(
                select(Payment.id)
                .where(Payment.booking_id == booking_id)
                .order_by(Payment.created_at.desc(), Payment.id.desc())
                .limit(1)
            )
        if payment_id is None:
            raise NotFound(NOTHING_WAITING)
        return int(payment_id)

    def _pause(self, seconds: float, should_cancel: Callable[[], bool], token: str | None) -> bool:
        """Wait up to ``seconds``, checking ``should_cancel`` every 0.1 s; True when the
        browser came back to the return page (``token``) meanwhile. With the real clock the
        wait itself is ``wait_for_return`` (woken the moment the browser arrives)."""
        end = self._monotonic() + seconds
        while not should_cancel():
            left = end - self._monotonic()
            if left <= 0:
                return False
            step = min(left, 0.1)
            if token is not None and self._sleep is time.sleep:
                started = self._monotonic()
                if self._return_pages.wait_for_return(token, step) is not None:
                    return True
                if self._monotonic() - started < step / 2:  # unknown token: it did not wait
                    self._sleep(step)
            elif token is not None and self._return_pages.came_back(token) is not None:
                return True
            else:
                self._sleep(step)
        return False


def _with_message(outcome: PaymentOutcome, message: str) -> PaymentOutcome:
    return PaymentOutcome(
        outcome.state,
        outcome.payment_id,
        outcome.booking_id,
        outcome.payment_status,
        message,
        outcome.handoff_url,
    )
