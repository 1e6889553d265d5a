"""Saved cards: add one through the browser hand-off, list, remove, choose the default.

Adding a card: ``start_card_setup`` creates the student's Stripe customer (once) and a
SetupIntent, records a ``PendingCardSetup`` and offers a page on the loopback page server; the
UI opens its URL in the system browser, where Stripe.js runs ``confirmCardSetup``. The
background poller (``wait_for_card_setup``) follows the SetupIntent; on success the card is
attached to the customer (localstripe leaves it unattached) and recorded with brand, last 4
and expiry. Card numbers never reach this module.

Only students have cards; the first card becomes the default. No database transaction is held
while Stripe is called: a Stripe failure raises ExternalServiceError and leaves the database
as it was. Every method blocks (network, database): call it from a worker thread.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from linguaflex_desktop.adapters.browser_pages import CardPageServer
from linguaflex_desktop.adapters.stripe.gateway import CardInfo, PaymentsGateway, SetupIntentInfo
from linguaflex_desktop.errors import (
    Conflict,
    ExternalServiceError,
    NotFound,
    PaymentDeclined,
    PermissionDenied,
    ValidationError,
)
from linguaflex_desktop.models import AuditAction, PendingCardSetup, Role, SavedCard, StripeCustomer
from linguaflex_desktop.services.cards import records
from linguaflex_desktop.services.cards.dto import CardSetupHandoff, CardSetupOutcome, SavedCardDTO
from linguaflex_desktop.services.common.audit import record_audit
from linguaflex_desktop.services.common.authorization import load_acting_user
from linguaflex_desktop.services.common.context import ServiceContext
from linguaflex_desktop.services.common.dto import Actor

log = logging.getLogger(__name__)

PageServerFactory = Callable[[], CardPageServer]

OPEN, SUCCEEDED, FAILED, CANCELED = "open", "succeeded", "failed", "canceled"
WAITING_MESSAGE = "Waiting for the card to be confirmed in the browser…"
TIMED_OUT_MESSAGE = (
    "Still waiting for the browser. The card setup stays open: finish it there, or cancel."
)
CANCELED_MESSAGE = "Card setup cancelled; no card was saved."
DEFAULT_FAILURE = "The card could not be saved: it was declined or not authenticated."
TEST_CARD_PREFIX = "pm_card_"
CARDS_CHANGED_MESSAGE = "Your saved cards were changed at the same time. Please try again."


@dataclass(frozen=True)
class _Pending:
    status: str
    failure_message: str | None
    customer_id: str


class CardService:
    def __init__(
        self,
        ctx: ServiceContext,
        gateway: PaymentsGateway,
        page_server_factory: PageServerFactory,
        *,
        sleep: Callable[[float], None] = time.sleep,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._ctx = ctx
        self._gateway = gateway
        self._page_server_factory = page_server_factory
        self._page_server: CardPageServer | None = None
        self._tokens: dict[str, str] = {}  # setup intent id -> page token
        self._lock = threading.Lock()
        self._sleep = sleep
        self._monotonic = monotonic

    def close(self) -> None:
        """Stop the page server (any thread; idempotent)."""
        with self._lock:
            server, self._page_server = self._page_server, None
            self._tokens.clear()
        if server is not None:
            server.stop()

    # --- adding a card -----------------------------------------------------------------------

    def start_card_setup(self, actor: Actor) -> CardSetupHandoff:
        """Create the customer (once) and a SetupIntent; return the page URL to open."""
        customer_id = self._ensure_customer(actor)
        # One key per "Add card" action (no row exists before the SetupIntent does): the
        # SDK's retries of this call reuse it; a new action makes a new SetupIntent.
        key = f"linguaflex-setup-{actor.id}-{uuid.uuid4().hex}"
        intent = self._gateway.create_setup_intent(customer_id, idempotency_key=key)
        with self._ctx.unit_of_work() as uow:
            user = load_acting_user(uow.session, actor, Role.STUDENT)
            uow.session.add(
                PendingCardSetup(
                    user_id=user.id,
                    stripe_setup_intent_id=intent.id,
                    status=OPEN,
                    created_at=self._ctx.now(),
                )
            )
            uow.commit()
        handoff = self._pages().offer_card_setup(client_secret=intent.client_secret)
        with self._lock:
            self._tokens[intent.id] = handoff.token
        return CardSetupHandoff(url=handoff.url, setup_intent_id=intent.id)

    def poll_card_setup(self, actor: Actor, setup_intent_id: str) -> CardSetupOutcome:
        """Ask Stripe once where the setup stands; on success save the card (idempotent)."""
        pending = self._load_pending(actor, setup_intent_id)
        if pending.status == CANCELED:
            return CardSetupOutcome("canceled", None, CANCELED_MESSAGE)
        if pending.status == FAILED:
            return CardSetupOutcome("failed", None, pending.failure_message or DEFAULT_FAILURE)
        intent = self._gateway.retrieve_setup_intent(setup_intent_id)
        if intent.status == "succeeded" and intent.payment_method_id:
            return self._complete(actor, pending, intent)
        if intent.status == "canceled" or (
            intent.status == "requires_payment_method" and intent.last_error
        ):
            message = intent.last_error or self._page_message(setup_intent_id) or DEFAULT_FAILURE
            self._close_pending(actor, setup_intent_id, FAILED, message)
            return CardSetupOutcome("failed", None, message)
        return CardSetupOutcome("waiting", None, WAITING_MESSAGE)

    def wait_for_card_setup(
        self,
        actor: Actor,
        setup_intent_id: str,
        *,
        timeout: float = 900.0,
        interval: float = 1.0,
        max_interval: float = 5.0,
        should_cancel: Callable[[], bool] = lambda: False,
    ) -> CardSetupOutcome:
        """The background poller (run it on a worker thread). Polls with backoff until the
        setup finishes, ``should_cancel()`` turns true (the setup is then cancelled), or
        ``timeout`` passes (returns "waiting"; the setup stays open). Stripe being briefly
        unreachable is retried; if it still is at the deadline, that error is raised."""
        deadline = self._monotonic() + timeout
        delay = interval
        while True:
            if should_cancel():
                return self.cancel_card_setup(actor, setup_intent_id)
            failure: ExternalServiceError | None = None
            try:
                outcome = self.poll_card_setup(actor, setup_intent_id)
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
            # The page said it is done: ask again soon instead of backing off.
            delay = interval if self._page_message(setup_intent_id) is not None else delay
            self._pause(min(delay, remaining), should_cancel)
            delay = min(delay * 1.5, max_interval)

    def cancel_card_setup(self, actor: Actor, setup_intent_id: str) -> CardSetupOutcome:
        """Cancel an open setup at Stripe and here. If the card was saved in the meantime,
        it is kept and returned as "succeeded"."""
        pending = self._load_pending(actor, setup_intent_id)
        if pending.status != OPEN:
            return self.poll_card_setup(actor, setup_intent_id)
        try:
            intent = self._gateway.cancel_setup_intent(setup_intent_id)
        except ExternalServiceError:
            intent = self._gateway.retrieve_setup_intent(setup_intent_id)
            if intent.status == "succeeded" and intent.payment_method_id:
                return self._complete(actor, pending, intent)
            if intent.status != "canceled":
                raise
        self._close_pending(actor, setup_intent_id, CANCELED, None)
        return CardSetupOutcome("canceled", None, CANCELED_MESSAGE)

    def save_test_card(self, actor: Actor, test_pm: str = "pm_card_visa") -> SavedCardDTO:
        """Save one of Stripe's test cards without the browser (demo flow; test mode only)."""
        if not self._gateway.is_test_mode:
            raise PermissionDenied("Test cards can only be used in the sandbox or with test keys.")
        if not test_pm.startswith(TEST_CARD_PREFIX):
            raise ValidationError(f"{test_pm!r} is not one of Stripe's test cards (pm_card_...).")
        customer_id = self._ensure_customer(actor)
        card = self._gateway.attach_payment_method(test_pm, customer_id)
        return self._store_card(actor, card, setup_intent_id=None)

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

    def _pages(self) -> CardPageServer:
        with self._lock:
            if self._page_server is None:
                self._page_server = self._page_server_factory()
            server = self._page_server
        server.start()
        return server

    def _page_message(self, setup_intent_id: str) -> str | None:
        """What the page reported (None if nothing): used only as a fallback message."""
        with self._lock:
            token, server = self._tokens.get(setup_intent_id), self._page_server
        report = server.report_for(token) if server and token else None
        if report is None:
            return None
        return report.message if report.outcome == "failed" else ""

    def _revoke(self, setup_intent_id: str) -> None:
        with self._lock:
            token, server = self._tokens.pop(setup_intent_id, None), self._page_server
        if server is not None and token is not None:
            server.revoke(token)

    def _pause(self, seconds: float, should_cancel: Callable[[], bool]) -> None:
        """Sleep, waking every 0.1 s to honour a cancel request."""
        end = self._monotonic() + seconds
        while not should_cancel():
            left = end - self._monotonic()
            if left <= 0:
                return
            self._sleep(min(left, 0.1))

    def _ensure_customer(self, actor: Actor) -> str:
        """The student's Stripe customer id, created once (the row's primary key settles a
        race between two threads; the loser's extra Stripe customer is deleted)."""
        with self._ctx.unit_of_work(write=False) as uow:
            user = load_acting_user(uow.session, actor, Role.STUDENT)
            row = uow.session.get(StripeCustomer, user.id)
            if row is not None:
                return row.stripe_customer_id
            email, name, user_id = user.email, user.display_name, user.id
            key = f"linguaflex-customer-{user.id}-{int(user.created_at.timestamp() * 1e6)}"
        customer_id = self._gateway.create_customer(
            email=email,
            name=name,
            metadata={"linguaflex_user_id": str(user_id)},
            idempotency_key=key,
        )
        try:
            with self._ctx.unit_of_work() as uow:
                uow.session.add(
                    StripeCustomer(
                        user_id=user_id, stripe_customer_id=customer_id, created_at=self._ctx.now()
                    )
                )
                uow.commit()
            return customer_id
        except IntegrityError:
            with self._ctx.unit_of_work(write=False) as uow:
                existing = uow.session.get(StripeCustomer, user_id)
                if existing is None:
                    raise
                winner = existing.stripe_customer_id
        if winner != customer_id:
            try:
                self._gateway.delete_customer(customer_id)
            except ExternalServiceError:
                log.warning("duplicate Stripe customer %s left in place", customer_id)
        return winner

    def _load_pending(self, actor: Actor, setup_intent_id: str) -> _Pending:
        with self._ctx.unit_of_work(write=False) as uow:
            user = load_acting_user(uow.session, actor, Role.STUDENT)
            pending = uow.session.scalar(
                select(PendingCardSetup).where(
                    PendingCardSetup.stripe_setup_intent_id == setup_intent_id,
                    PendingCardSetup.user_id == user.id,
                )
            )
            customer = uow.session.get(StripeCustomer, user.id)
            if pending is None or customer is None:
                raise NotFound("That card setup was not found.")
            return _Pending(pending.status, pending.failure_message, customer.stripe_customer_id)

    def _close_pending(
        self, actor: Actor, setup_intent_id: str, status: str, message: str | None
    ) -> None:
        with self._ctx.unit_of_work() as uow:
            load_acting_user(uow.session, actor, Role.STUDENT)
            records.set_setup_status(
                uow.session, setup_intent_id, status, message, user_id=actor.id, only_from=OPEN
            )
            uow.commit()
        self._revoke(setup_intent_id)

    def _complete(
        self, actor: Actor, pending: _Pending, intent: SetupIntentInfo
    ) -> CardSetupOutcome:
        payment_method_id = intent.payment_method_id or ""
        card = self._gateway.retrieve_card(payment_method_id)
        if card.customer_id != pending.customer_id:
            try:
                card = self._gateway.attach_payment_method(payment_method_id, pending.customer_id)
            except PaymentDeclined as declined:
                self._close_pending(actor, intent.id, FAILED, declined.message)
                return CardSetupOutcome("failed", None, declined.message)
        saved = self._store_card(actor, card, setup_intent_id=intent.id)
        self._revoke(intent.id)
        return CardSetupOutcome("succeeded", saved, f"{saved.label} saved.")

    def _store_card(
        self, actor: Actor, card: CardInfo, *, setup_intent_id: str | None
    ) -> SavedCardDTO:
        """Record the card (once: its Stripe id is unique); the first card is the default.
        A unique index refusing the insert (a race on the same card) is retried once, then
        raised as Conflict."""
        for attempt in (1, 2):
            try:
                return self._store_card_once(actor, card, setup_intent_id)
            except IntegrityError as error:
                if attempt == 2:
                    raise Conflict(CARDS_CHANGED_MESSAGE) from error
        raise AssertionError("unreachable")

    def _store_card_once(
        self, actor: Actor, card: CardInfo, setup_intent_id: str | None
    ) -> SavedCardDTO:
        with self._ctx.unit_of_work() as uow:
            user = load_acting_user(uow.session, actor, Role.STUDENT)
            records.lock_cards_of(uow.session, user.id)
            row, created = records.store_card(uow.session, user.id, card, self._ctx.now())
            if created:
                self._audit(uow.session, actor, AuditAction.CARD_SAVED, row.id, row)
            if setup_intent_id is not None:
                records.set_setup_status(uow.session, setup_intent_id, SUCCEEDED, None)
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
