"""``FakePaymentsGateway``: the ``PaymentsGateway`` Protocol in memory, with scripted answers.

Unscripted calls behave like a Stripe where every card works without 3-D Secure: customers,
cards and PaymentIntents are kept in dicts, ``confirm`` succeeds, refunds succeed. Script a
method to make one call decline, time out or need 3-D Secure (see ``tests.fakes.scripted``);
helpers build the answers Stripe would give (``declined``, ``needs_3ds``, ``succeeded``).
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from linguaflex_desktop.adapters.stripe.gateway import (
    CardInfo,
    CheckoutSessionInfo,
    PaymentIntentInfo,
    PaymentsGateway,
    RefundInfo,
    SetupIntentInfo,
)
from linguaflex_desktop.errors import ExternalServiceError, StripeRequestRefused
from tests.fakes.scripted import Scripted

UNREACHABLE = "Stripe could not be reached (fake)."
SESSION_EXPIRES_AT = datetime(2027, 3, 2, 9, 0, tzinfo=UTC)  # a day after the test clock


@dataclass(frozen=True)
class CheckoutRequest:
    """What a Checkout Session was created with (``checkout_requests``, by session id)."""

    customer_id: str
    currency: str
    success_url: str
    cancel_url: str
    metadata: Mapping[str, str]
    idempotency_key: str


class FakePaymentsGateway(Scripted):
    def __init__(self, *, test_mode: bool = True) -> None:
        super().__init__()
        self._test_mode = test_mode
        self._ids = itertools.count(1)
        self.customers: dict[str, dict[str, str]] = {}
        self.cards: dict[str, CardInfo] = {}
        self.setup_intents: dict[str, SetupIntentInfo] = {}
        self.intents: dict[str, PaymentIntentInfo] = {}
        self.refunds: dict[str, tuple[str, RefundInfo]] = {}  # id -> (payment intent, refund)
        self.checkout_sessions: dict[str, CheckoutSessionInfo] = {}
        self.checkout_requests: dict[str, CheckoutRequest] = {}
        self._sessions_by_key: dict[str, str] = {}  # idempotency key -> session id

    # --- answers a test scripts --------------------------------------------------------------

    def declined(
        self,
        intent_id: str,
        message: str = "Your card was declined.",
        code: str = "card_declined",
        *,
        decline_code: str | None = None,
    ) -> PaymentIntentInfo:
        """What confirm returns for a declined card (it does not raise, see the gateway)."""
        info = replace(
            self.intents[intent_id],
            status="requires_payment_method",
            last_error_code=code,
            last_error_message=message,
            last_decline_code=decline_code,
            next_action_url=None,
        )
        self.intents[intent_id] = info
        return info

    def with_status(self, intent_id: str, status: str) -> PaymentIntentInfo:
        """The stored PaymentIntent moved to ``status`` (e.g. "succeeded" once authenticated
        in the browser); it leaves any 3-D Secure redirect behind."""
        info = replace(self.intents[intent_id], status=status, next_action_url=None)
        if status == "succeeded" and info.latest_charge_id is None:
            info = replace(info, latest_charge_id=self._new_id("ch"))
        self.intents[intent_id] = info
        return info

    def card_saved_on_page(
        self, session_id: str, *, last4: str = "4242", attached: bool = True
    ) -> CardInfo:
        """The student saved a card on the hosted page: a succeeded SetupIntent with a new
        card (attached to the customer, as Checkout does, unless ``attached`` is False), and
        the session complete."""
        customer = self.checkout_requests[session_id].customer_id if attached else None
        card = CardInfo(self._new_id("pm"), "visa", last4, 12, 2031, customer)
        self.cards[card.id] = card
        seti_id = self._new_id("seti")
        self.setup_intents[seti_id] = SetupIntentInfo(
            seti_id, f"{seti_id}_secret", "succeeded", card.id
        )
        self._set_session(session_id, status="complete", url="", setup_intent_id=seti_id)
        return card

    def session_expired(self, session_id: str) -> CheckoutSessionInfo:
        """The session's 24 hours passed (or it was expired elsewhere)."""
        return self._set_session(session_id, status="expired", url="")

    def session_made_answer_lost(self, **request: Any) -> CheckoutSessionInfo:
        """Script for create_checkout_setup_session: Stripe made the session, but its answer
        never arrived (the caller sees Stripe as unreachable)."""
        self._create_session(**request)
        raise self.unreachable()

    def needs_3ds(self, intent_id: str) -> PaymentIntentInfo:
        """What confirm returns for a card needing 3-D Secure, with a return_url: Stripe's
        hosted authentication page to open in the browser."""
        info = replace(
            self.intents[intent_id],
            status="requires_action",
            next_action_url=f"https://hooks.stripe.test/3d_secure_2/hosted/{intent_id}",
        )
        self.intents[intent_id] = info
        return info

    def failed_3ds(self, intent_id: str) -> PaymentIntentInfo:
        """The customer failed the 3-D Secure check (Stripe's own wording stays inside)."""
        info = replace(
            self.declined(
                intent_id,
                "The provided PaymentMethod has failed authentication.",
                "payment_intent_authentication_failure",
            ),
            payment_method_id=None,
            next_action_url=None,
        )
        self.intents[intent_id] = info
        return info

    @staticmethod
    def unreachable() -> ExternalServiceError:
        return ExternalServiceError(UNREACHABLE)

    def only_intent(self) -> PaymentIntentInfo:
        (info,) = self.intents.values()
        return info

    # --- PaymentsGateway ---------------------------------------------------------------------

    @property
    def is_test_mode(self) -> bool:
        return self._test_mode

    @property
    def is_sandbox(self) -> bool:
        return False

    @property
    def publishable_key(self) -> str:
        return "pk_test_fake"

    def create_customer(
        self,
        *,
        email: str,
        name: str,
        metadata: Mapping[str, str],
        idempotency_key: str,
    ) -> str:
        def default() -> str:
            customer_id = self._new_id("cus")
            self.customers[customer_id] = {"email": email, "name": name, **metadata}
            return customer_id

        return str(
            self._script.answer(
                "create_customer",
                default,
                email=email,
                name=name,
                metadata=metadata,
                idempotency_key=idempotency_key,
            )
        )

    def delete_customer(self, customer_id: str) -> None:
        self._script.answer(
            "delete_customer", lambda: self.customers.pop(customer_id, None), customer_id
        )

    def retrieve_setup_intent(self, setup_intent_id: str) -> SetupIntentInfo:
        info: SetupIntentInfo = self._script.answer(
            "retrieve_setup_intent", lambda: self.setup_intents[setup_intent_id], setup_intent_id
        )
        return info

    def attach_payment_method(self, payment_method_id: str, customer_id: str) -> CardInfo:
        def default() -> CardInfo:
            card = CardInfo(self._new_id("pm"), "visa", "4242", 12, 2031, customer_id)
            self.cards[card.id] = card
            return card

        card: CardInfo = self._script.answer(
            "attach_payment_method", default, payment_method_id, customer_id
        )
        return card

    def detach_payment_method(self, payment_method_id: str) -> None:
        self._script.answer(
            "detach_payment_method",
            lambda: self.cards.pop(payment_method_id, None),
            payment_method_id,
        )

    def retrieve_card(self, payment_method_id: str) -> CardInfo:
        card: CardInfo = self._script.answer(
            "retrieve_card", lambda: self.cards[payment_method_id], payment_method_id
        )
        return card

    def list_cards(self, customer_id: str) -> tuple[CardInfo, ...]:
        def default() -> tuple[CardInfo, ...]:
            return tuple(card for card in self.cards.values() if card.customer_id == customer_id)

        cards: tuple[CardInfo, ...] = self._script.answer("list_cards", default, customer_id)
        return cards

    def create_payment_intent(
        self,
        *,
        amount_minor: int,
        currency: str,
        customer_id: str,
        payment_method_id: str,
        metadata: Mapping[str, str],
        idempotency_key: str,
    ) -> PaymentIntentInfo:
        def default() -> PaymentIntentInfo:
            pi_id = self._new_id("pi")
            info = PaymentIntentInfo(
                id=pi_id,
                status="requires_confirmation",
                amount=amount_minor,
                currency=currency.lower(),
                metadata=dict(metadata),
                client_secret=f"{pi_id}_secret",
                last_error_code=None,
                last_error_message=None,
                payment_method_id=payment_method_id,
                latest_charge_id=None,
                amount_refunded=0,
            )
            self.intents[pi_id] = info
            return info

        info: PaymentIntentInfo = self._script.answer(
            "create_payment_intent",
            default,
            amount_minor=amount_minor,
            currency=currency,
            customer_id=customer_id,
            payment_method_id=payment_method_id,
            metadata=metadata,
            idempotency_key=idempotency_key,
        )
        return info

    def confirm_payment_intent(
        self, payment_intent_id: str, *, idempotency_key: str, return_url: str | None = None
    ) -> PaymentIntentInfo:
        info: PaymentIntentInfo = self._script.answer(
            "confirm_payment_intent",
            lambda: self.with_status(payment_intent_id, "succeeded"),
            payment_intent_id,
            idempotency_key=idempotency_key,
            return_url=return_url,
        )
        return info

    def retrieve_payment_intent(self, payment_intent_id: str) -> PaymentIntentInfo:
        info: PaymentIntentInfo = self._script.answer(
            "retrieve_payment_intent", lambda: self.intents[payment_intent_id], payment_intent_id
        )
        return info

    def update_payment_intent_method(
        self, payment_intent_id: str, payment_method_id: str, *, idempotency_key: str
    ) -> PaymentIntentInfo:
        def default() -> PaymentIntentInfo:
            info = replace(
                self.intents[payment_intent_id],
                payment_method_id=payment_method_id,
                status="requires_confirmation",
                last_error_code=None,
                last_error_message=None,
            )
            self.intents[payment_intent_id] = info
            return info

        info: PaymentIntentInfo = self._script.answer(
            "update_payment_intent_method",
            default,
            payment_intent_id,
            payment_method_id,
            idempotency_key=idempotency_key,
        )
        return info

    def cancel_payment_intent(
        self, payment_intent_id: str, *, idempotency_key: str | None = None
    ) -> PaymentIntentInfo:
        info: PaymentIntentInfo = self._script.answer(
            "cancel_payment_intent",
            lambda: self.with_status(payment_intent_id, "canceled"),
            payment_intent_id,
            idempotency_key=idempotency_key,
        )
        return info

    def create_refund(
        self,
        *,
        payment_intent_id: str,
        amount_minor: int,
        idempotency_key: str,
        metadata: Mapping[str, str] | None = None,
    ) -> RefundInfo:
        def default() -> RefundInfo:
            refund = RefundInfo(self._new_id("re"), "succeeded", amount_minor, dict(metadata or {}))
            self.refunds[refund.id] = (payment_intent_id, refund)
            intent = self.intents[payment_intent_id]
            self.intents[payment_intent_id] = replace(
                intent, amount_refunded=intent.amount_refunded + amount_minor
            )
            return refund

        refund: RefundInfo = self._script.answer(
            "create_refund",
            default,
            payment_intent_id=payment_intent_id,
            amount_minor=amount_minor,
            idempotency_key=idempotency_key,
            metadata=metadata,
        )
        return refund

    def retrieve_refund(self, refund_id: str) -> RefundInfo:
        refund: RefundInfo = self._script.answer(
            "retrieve_refund", lambda: self.refunds[refund_id][1], refund_id
        )
        return refund

    def list_refunds(self, payment_intent_id: str) -> tuple[RefundInfo, ...]:
        def default() -> tuple[RefundInfo, ...]:
            return tuple(r for pi, r in self.refunds.values() if pi == payment_intent_id)

        refunds: tuple[RefundInfo, ...] = self._script.answer(
            "list_refunds", default, payment_intent_id
        )
        return refunds

    def amount_refunded(self, payment_intent_id: str) -> int:
        return int(
            self._script.answer(
                "amount_refunded",
                lambda: self.intents[payment_intent_id].amount_refunded,
                payment_intent_id,
            )
        )

    # --- Checkout Sessions -------------------------------------------------------------------

    def create_checkout_setup_session(
        self,
        *,
        customer_id: str,
        currency: str,
        success_url: str,
        cancel_url: str,
        metadata: Mapping[str, str],
        idempotency_key: str,
    ) -> CheckoutSessionInfo:
        """Like Stripe, the same idempotency key answers with the same session."""
        request: dict[str, Any] = {
            "customer_id": customer_id,
            "currency": currency,
            "success_url": success_url,
            "cancel_url": cancel_url,
            "metadata": metadata,
            "idempotency_key": idempotency_key,
        }
        info: CheckoutSessionInfo = self._script.answer(
            "create_checkout_setup_session", lambda: self._create_session(**request), **request
        )
        return info

    def _create_session(
        self,
        *,
        customer_id: str,
        currency: str,
        success_url: str,
        cancel_url: str,
        metadata: Mapping[str, str],
        idempotency_key: str,
    ) -> CheckoutSessionInfo:
        known = self._sessions_by_key.get(idempotency_key)
        if known is not None:
            return self.checkout_sessions[known]
        session_id = self._new_id("cs_test")
        info = CheckoutSessionInfo(
            id=session_id,
            url=f"https://checkout.stripe.test/c/pay/{session_id}",
            status="open",
            setup_intent_id=None,
            expires_at=SESSION_EXPIRES_AT,
        )
        self.checkout_sessions[session_id] = info
        self.checkout_requests[session_id] = CheckoutRequest(
            customer_id, currency, success_url, cancel_url, dict(metadata), idempotency_key
        )
        self._sessions_by_key[idempotency_key] = session_id
        return info

    def retrieve_checkout_session(self, session_id: str) -> CheckoutSessionInfo:
        def default() -> CheckoutSessionInfo:
            if session_id not in self.checkout_sessions:
                raise StripeRequestRefused("No such checkout.session (fake).")
            return self.checkout_sessions[session_id]

        info: CheckoutSessionInfo = self._script.answer(
            "retrieve_checkout_session", default, session_id
        )
        return info

    def expire_checkout_session(self, session_id: str) -> CheckoutSessionInfo:
        """An open session expires; one no longer open is returned as it stands."""

        def default() -> CheckoutSessionInfo:
            current = self.retrieve_checkout_session(session_id)
            if current.status != "open":
                return current
            return self._set_session(session_id, status="expired", url="")

        info: CheckoutSessionInfo = self._script.answer(
            "expire_checkout_session", default, session_id
        )
        return info

    def _set_session(
        self, session_id: str, *, status: str, url: str, setup_intent_id: str | None = None
    ) -> CheckoutSessionInfo:
        info = replace(
            self.checkout_sessions[session_id],
            status=status,
            url=url,
            setup_intent_id=setup_intent_id,
        )
        self.checkout_sessions[session_id] = info
        return info

    def _new_id(self, prefix: str) -> str:
        return f"{prefix}_fake{next(self._ids)}"


# mypy proves the fake implements the Protocol; a missing or mistyped method fails here.
_implements: PaymentsGateway = FakePaymentsGateway()
