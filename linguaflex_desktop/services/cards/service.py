"""Saved cards: add one on Stripe's hosted page, list, remove, choose the default.

Adding a card: ``start_card_setup`` creates the student's Stripe customer (once), records a
``PendingCardSetup`` and then creates a Checkout Session in ``setup`` mode with that row's
idempotency key (a retry of the same start gets the same session back), whose success and
cancel addresses are a loopback return page. The UI opens the session's URL (Stripe's own
page: card numbers never reach the app). The background poller (``wait_for_card_setup``)
follows the session until it is complete (the SetupIntent's card is attached if needed and
recorded with brand, last 4 and expiry), expired, or cancelled; the browser coming back to the
return page wakes it at once. Cancel expires the session at Stripe; a card saved meanwhile is
kept.

Only students have cards; the first card becomes the default. No database transaction is held
while Stripe is called: a Stripe failure raises ExternalServiceError and leaves the database
as it was. Every method blocks (network, database): call it from a worker thread.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from linguaflex_desktop.adapters.return_pages import (
    OUTCOME_CANCELLED,
    OUTCOME_DONE,
    ReturnPage,
    ReturnPageServer,
)
from linguaflex_desktop.adapters.stripe.gateway import CardInfo, PaymentsGateway
from linguaflex_desktop.adapters.stripe.types import CheckoutSessionInfo
from linguaflex_desktop.errors import (
    Conflict,
    ExternalServiceError,
    NotFound,
    PaymentDeclined,
    PermissionDenied,
    StripeRequestRefused,
    ValidationError,
)
from linguaflex_desktop.models import AuditAction, PendingCardSetup, Role, SavedCard, StripeCustomer
from linguaflex_desktop.services.cards import records
from linguaflex_desktop.services.cards.customers import ensure_customer
from linguaflex_desktop.services.cards.dto import CardSetupHandoff, CardSetupOutcome, SavedCardDTO
from linguaflex_desktop.services.cards.returns import ReturnPagesFactory, SetupReturns
from linguaflex_desktop.services.common.audit import record_audit
from linguaflex_desktop.services.common.authorization import load_acting_user
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import Actor
from linguaflex_desktop.services.common.stored_texts import keep, recall
from linguaflex_desktop.texts import tx

log = logging.getLogger(__name__)

OPEN, SUCCEEDED, FAILED, CANCELED, EXPIRED = "open", "succeeded", "failed", "canceled", "expired"
WAITING_MESSAGE = tx("Waiting for you to finish on Stripe's page…")
TIMED_OUT_MESSAGE = tx(
    "Still waiting for Stripe's page. The card setup stays open: finish it there, or cancel."
)
CANCELED_MESSAGE = tx("Card setup cancelled; no card was saved.")
EXPIRED_MESSAGE = tx(
    "Stripe's card page expired before a card was saved. Start again to add a card."
)
DEFAULT_FAILURE = tx("The card could not be saved: it was declined or not authenticated.")
TEST_CARD_PREFIX = "pm_card_"
CARDS_CHANGED_MESSAGE = tx("Your saved cards were changed at the same time. Please try again.")
keep(DEFAULT_FAILURE)


@dataclass(frozen=True)
class _Pending:
    status: str
    failure_message: str | None
    customer_id: str


@dataclass(frozen=True)
class _Attempt:
    """A setup row whose session is being created: a retry sends the same request."""

    setup_id: int
    idempotency_key: str
    currency: str
    page: ReturnPage


class CardService:
    def __init__(
        self,
        ctx: ServiceContext,
        gateway: PaymentsGateway,
        return_pages: ReturnPagesFactory | None = None,
        *,
        sleep: Callable[[float], None] | None = None,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        """``return_pages`` gives the loopback return page server (by default one of its
        own, started on first use). ``sleep`` replaces the poller's waits (tests); by default
        it waits on the return page, so the browser coming back wakes it at once."""
        self._ctx = ctx
        self._gateway = gateway
        self._returns = SetupReturns(
            return_pages or ReturnPageServer, sleep=sleep, monotonic=monotonic
        )
        self._attempts: dict[int, _Attempt] = {}  # user id -> the start being retried
        self._lock = threading.Lock()
        self._monotonic = monotonic

    def close(self) -> None:
        """Stop the return page server (any thread; idempotent)."""
        self._returns.close()

    # --- adding a card -----------------------------------------------------------------------

    def start_card_setup(self, actor: Actor, *, currency: str | None = None) -> CardSetupHandoff:
        """Create the customer (once), a setup row, then a Checkout Session in setup mode (in
        ``currency``, by default the student's usual one); return Stripe's page to open.
        If Stripe could not be reached, calling again sends the same request with the same
        idempotency key, so Stripe answers with the same session rather than a second one."""
        customer_id = self._ensure_customer(actor)
        attempt = self._attempt_for(actor, currency)
        session = self._gateway.create_checkout_setup_session(
            customer_id=customer_id,
            currency=attempt.currency,
            success_url=attempt.page.url_for(OUTCOME_DONE),
            cancel_url=attempt.page.url_for(OUTCOME_CANCELLED),
            metadata={
                "linguaflex_user_id": str(actor.id),
                "linguaflex_card_setup_id": str(attempt.setup_id),
            },
            idempotency_key=attempt.idempotency_key,
        )
        with self._ctx.unit_of_work() as uow:
            load_acting_user(uow.session, actor, Role.STUDENT)
            row = uow.session.get(PendingCardSetup, attempt.setup_id)
            if row is None:
                raise NotFound(tx("That card setup was not found."))
            row.stripe_checkout_session_id = session.id
            uow.commit()
        with self._lock:
            self._attempts.pop(actor.id, None)
        self._returns.remember(session.id, attempt.page)
        return CardSetupHandoff(url=session.url, checkout_session_id=session.id)

    def poll_card_setup(self, actor: Actor, checkout_session_id: str) -> CardSetupOutcome:
        """Ask Stripe once where the setup stands; on success save the card (idempotent)."""
        pending = self._load_pending(actor, checkout_session_id)
        if pending.status == CANCELED:
            return CardSetupOutcome("canceled", None, CANCELED_MESSAGE)
        if pending.status == EXPIRED:
            return CardSetupOutcome("expired", None, EXPIRED_MESSAGE)
        if pending.status == FAILED:
            return CardSetupOutcome(
                "failed", None, recall(pending.failure_message or "") or DEFAULT_FAILURE
            )
        session = self._gateway.retrieve_checkout_session(checkout_session_id)
        return self._outcome_of(actor, pending, session)

    def wait_for_card_setup(
        self,
        actor: Actor,
        checkout_session_id: str,
        *,
        timeout: float = 900.0,
        interval: float = 1.0,
        max_interval: float = 5.0,
        should_cancel: Callable[[], bool] = lambda: False,
    ) -> CardSetupOutcome:
        """The background poller (run it on a worker thread). Polls with backoff until the
        setup finishes, ``should_cancel()`` turns true or the student leaves Stripe's page by
        its Back link (the setup is then cancelled), or ``timeout`` passes (returns
        "waiting"; the setup stays open). The browser coming back to the return page makes
        it ask Stripe at once. Stripe being briefly unreachable is retried; if it still is at
        the deadline, that error is raised."""
        deadline = self._monotonic() + timeout
        delay = interval
        returned: str | None = None
        while True:
            if should_cancel() or returned == OUTCOME_CANCELLED:
                return self.cancel_card_setup(actor, checkout_session_id)
            failure: ExternalServiceError | None = None
            try:
                outcome = self.poll_card_setup(actor, checkout_session_id)
            except ExternalServiceError as error:
                failure = error
            else:
                if outcome.finished:
                    return outcome
            remaining = deadline - self._monotonic()
            if remaining <= 0:
                if failure is not None:
                    raise failure
                return CardSetupOutcome("waiting", None, TIMED_OUT_MESSAGE)
            if returned is None:
                returned = self._returns.came_back(checkout_session_id)
                if returned is not None:
                    continue  # the browser is back: ask Stripe now
            self._returns.pause(
                min(delay, remaining),
                should_cancel,
                checkout_session_id,
                wake_on_return=returned is None,
            )
            delay = min(delay * 1.5, max_interval)

    def cancel_card_setup(self, actor: Actor, checkout_session_id: str) -> CardSetupOutcome:
        """Expire an open setup's session at Stripe and close it here. If the card was saved
        in the meantime, it is kept and returned as "succeeded"."""
        pending = self._load_pending(actor, checkout_session_id)
        if pending.status != OPEN:
            return self.poll_card_setup(actor, checkout_session_id)
        try:
            session = self._gateway.expire_checkout_session(checkout_session_id)
        except StripeRequestRefused:
            raise
        except ExternalServiceError:
            session = self._gateway.retrieve_checkout_session(checkout_session_id)
            if session.status == "open":
                raise
        if session.status == "complete":
            return self._outcome_of(actor, pending, session)
        self._close_pending(actor, checkout_session_id, CANCELED, None)
        return CardSetupOutcome("canceled", None, CANCELED_MESSAGE)

    def save_test_card(self, actor: Actor, test_pm: str = "pm_card_visa") -> SavedCardDTO:
        """Save one of Stripe's test cards without the browser (demo flow; test mode only)."""
        if not self._gateway.is_test_mode:
            raise PermissionDenied(
                tx("Test cards can only be used in the sandbox or with test keys.")
            )
        if not test_pm.startswith(TEST_CARD_PREFIX):
            raise ValidationError(
                tx("{card} is not one of Stripe's test cards (pm_card_...).", card=repr(test_pm))
            )
        customer_id = self._ensure_customer(actor)
        card = self._gateway.attach_payment_method(test_pm, customer_id)
        return self._store_card(actor, card, setup=None)

    # --- the saved cards ---------------------------------------------------------------------

    def list_cards(self, actor: Actor) -> tuple[SavedCardDTO, ...]:
        """The student's cards, the default first, then the newest."""
        with self._ctx.unit_of_work(write=False) as uow:
            user = load_acting_user(uow.session, actor, Role.STUDENT)
            return records.cards_of(uow.session, user.id)

    def remove_card(self, actor: Actor, card_id: int) -> tuple[SavedCardDTO, ...]:
        """Detach the card at Stripe, then forget it; the newest other card becomes the
        default if it was. Returns the remaining cards."""
        with self._ctx.unit_of_work(write=False) as uow:
            user = load_acting_user(uow.session, actor, Role.STUDENT)
            payment_method_id = records.own_card(
                uow.session, user.id, card_id
            ).stripe_payment_method_id
        self._gateway.detach_payment_method(payment_method_id)
        with self._ctx.unit_of_work() as uow:
            user = load_acting_user(uow.session, actor, Role.STUDENT)
            records.lock_cards_of(uow.session, user.id)
            card = uow.session.get(SavedCard, card_id)
            if card is not None and card.user_id == user.id:
                was_default = card.is_default
                uow.session.delete(card)
                uow.session.flush()
                if was_default:
                    records.promote_newest(uow.session, user.id)
                self._audit(uow.session, actor, AuditAction.CARD_REMOVED, card_id, card)
                uow.commit()
            return records.cards_of(uow.session, user.id)

    def set_default_card(self, actor: Actor, card_id: int) -> tuple[SavedCardDTO, ...]:
        """Make ``card_id`` the card used by default. Returns the cards. Calls for one student
        are serialised on the student's row; should the one-default index still refuse the
        change, Conflict is raised (nothing changed)."""
        with self._ctx.unit_of_work() as uow:
            user = load_acting_user(uow.session, actor, Role.STUDENT)
            records.lock_cards_of(uow.session, user.id)
            card = records.own_card(uow.session, user.id, card_id)
            if not card.is_default:
                records.clear_default(uow.session, user.id)
                card.is_default = True
                self._audit(uow.session, actor, AuditAction.CARD_DEFAULT_SET, card.id, card)
                try:
                    uow.commit()
                except IntegrityError as error:
                    raise Conflict(CARDS_CHANGED_MESSAGE) from error
            return records.cards_of(uow.session, user.id)

    # --- internals ---------------------------------------------------------------------------

    def _attempt_for(self, actor: Actor, currency: str | None) -> _Attempt:
        """The start being retried for this student, or a new setup row (written before the
        session is created: its id and time make the idempotency key)."""
        with self._lock:
            attempt = self._attempts.get(actor.id)
        if attempt is not None and (currency is None or currency.lower() == attempt.currency):
            return attempt
        with self._ctx.unit_of_work() as uow:
            user = load_acting_user(uow.session, actor, Role.STUDENT)
            records.abandon_unsent_setups(uow.session, user.id, CANCELED)
            row = PendingCardSetup(user_id=user.id, status=OPEN, created_at=self._ctx.now())
            uow.session.add(row)
            uow.session.flush()
            chosen = (currency or records.setup_currency(uow.session, user.id)).lower()
            key = f"linguaflex-card-setup-{row.id}-{int(row.created_at.timestamp() * 1e6)}"
            attempt = _Attempt(row.id, key, chosen, self._returns.offer())
            uow.commit()
        with self._lock:
            self._attempts[actor.id] = attempt
        return attempt

    def _outcome_of(
        self, actor: Actor, pending: _Pending, session: CheckoutSessionInfo
    ) -> CardSetupOutcome:
        if session.status == "complete" and session.setup_intent_id:
            return self._complete(actor, pending, session)
        if session.status == "expired":
            self._close_pending(actor, session.id, EXPIRED, None)
            return CardSetupOutcome("expired", None, EXPIRED_MESSAGE)
        return CardSetupOutcome("waiting", None, WAITING_MESSAGE)

    def _ensure_customer(self, actor: Actor) -> str:
        return ensure_customer(self._ctx, self._gateway, actor)

    def _load_pending(self, actor: Actor, checkout_session_id: str) -> _Pending:
        with self._ctx.unit_of_work(write=False) as uow:
            user = load_acting_user(uow.session, actor, Role.STUDENT)
            pending = uow.session.scalar(
                select(PendingCardSetup).where(
                    PendingCardSetup.stripe_checkout_session_id == checkout_session_id,
                    PendingCardSetup.user_id == user.id,
                )
            )
            customer = uow.session.get(StripeCustomer, user.id)
            if pending is None or customer is None:
                raise NotFound(tx("That card setup was not found."))
            return _Pending(pending.status, pending.failure_message, customer.stripe_customer_id)

    def _close_pending(
        self, actor: Actor, checkout_session_id: str, status: str, message: str | None
    ) -> None:
        with self._ctx.unit_of_work() as uow:
            load_acting_user(uow.session, actor, Role.STUDENT)
            records.set_setup_status(
                uow.session, checkout_session_id, status, message, user_id=actor.id, only_from=OPEN
            )
            uow.commit()
        self._returns.forget(checkout_session_id)

    def _complete(
        self, actor: Actor, pending: _Pending, session: CheckoutSessionInfo
    ) -> CardSetupOutcome:
        """The session is complete: record its SetupIntent's card (attached if needed)."""
        intent = self._gateway.retrieve_setup_intent(session.setup_intent_id or "")
        if intent.status != "succeeded" or not intent.payment_method_id:
            message = intent.last_error or DEFAULT_FAILURE
            self._close_pending(actor, session.id, FAILED, message)
            return CardSetupOutcome("failed", None, message)
        card = self._gateway.retrieve_card(intent.payment_method_id)
        if card.customer_id != pending.customer_id:
            try:
                card = self._gateway.attach_payment_method(card.id, pending.customer_id)
            except PaymentDeclined as declined:
                self._close_pending(actor, session.id, FAILED, declined.message)
                return CardSetupOutcome("failed", None, declined.message)
        saved = self._store_card(actor, card, setup=(session.id, intent.id))
        self._returns.forget(session.id)
        return CardSetupOutcome("succeeded", saved, tx("{card} saved.", card=saved.label))

    def _store_card(
        self, actor: Actor, card: CardInfo, *, setup: tuple[str, str] | None
    ) -> SavedCardDTO:
        """Record the card (once: its Stripe id is unique); the first card is the default.
        A unique index refusing the insert (a race on the same card) is retried once, then
        raised as Conflict."""
        for attempt in (1, 2):
            try:
                return self._store_card_once(actor, card, setup)
            except IntegrityError as error:
                if attempt == 2:
                    raise Conflict(CARDS_CHANGED_MESSAGE) from error
        raise AssertionError("unreachable")

    def _store_card_once(
        self, actor: Actor, card: CardInfo, setup: tuple[str, str] | None
    ) -> SavedCardDTO:
        """``setup``: (checkout session id, setup intent id) of the setup that saved it."""
        with self._ctx.unit_of_work() as uow:
            user = load_acting_user(uow.session, actor, Role.STUDENT)
            records.lock_cards_of(uow.session, user.id)
            row, created = records.store_card(uow.session, user.id, card, self._ctx.now())
            if created:
                self._audit(uow.session, actor, AuditAction.CARD_SAVED, row.id, row)
            if setup is not None:
                records.set_setup_status(
                    uow.session, setup[0], SUCCEEDED, None, setup_intent_id=setup[1]
                )
            uow.commit()
            return SavedCardDTO.from_model(row)

    def _audit(
        self, session: Session, actor: Actor, action: AuditAction, card_id: int, card: SavedCard
    ) -> None:
        record_audit(
            session,
            actor_id=actor.id,
            action=action,
            entity_type="saved_card",
            entity_id=card_id,
            at=self._ctx.now(),
            after={"brand": card.brand, "last4": card.last4, "is_default": card.is_default},
        )
