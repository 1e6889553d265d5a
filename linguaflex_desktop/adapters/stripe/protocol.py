"""What the services need from Stripe: the ``PaymentsGateway`` Protocol.

``gateway.StripeGateway`` implements it over stripe-python (real Stripe or the sandbox);
tests/fakes/payments.py's ``FakePaymentsGateway`` implements it in memory for the fast tier.
Callers import it from ``gateway`` (re-exported there) or from here.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from linguaflex_desktop.adapters.stripe.types import (
    CardInfo,
    CheckoutSessionInfo,
    PaymentIntentInfo,
    RefundInfo,
    SetupIntentInfo,
)


class PaymentsGateway(Protocol):
    """What the services need from Stripe. All methods block: call them off the Qt thread."""

    @property
    def is_test_mode(self) -> bool: ...
    @property
    def is_sandbox(self) -> bool: ...
    @property
    def publishable_key(self) -> str: ...

    def create_customer(
        self, *, email: str, name: str, metadata: Mapping[str, str], idempotency_key: str
    ) -> str: ...
    def delete_customer(self, customer_id: str) -> None: ...
    def retrieve_setup_intent(self, setup_intent_id: str) -> SetupIntentInfo: ...
    def attach_payment_method(self, payment_method_id: str, customer_id: str) -> CardInfo: ...
    def detach_payment_method(self, payment_method_id: str) -> None: ...
    def retrieve_card(self, payment_method_id: str) -> CardInfo: ...
    def list_cards(self, customer_id: str) -> tuple[CardInfo, ...]: ...
    def create_payment_intent(
        self,
        *,
        amount_minor: int,
        currency: str,
        customer_id: str,
        payment_method_id: str,
        metadata: Mapping[str, str],
        idempotency_key: str,
    ) -> PaymentIntentInfo: ...
    def confirm_payment_intent(
        self, payment_intent_id: str, *, idempotency_key: str, return_url: str | None = None
    ) -> PaymentIntentInfo: ...
    def retrieve_payment_intent(self, payment_intent_id: str) -> PaymentIntentInfo: ...
    def update_payment_intent_method(
        self, payment_intent_id: str, payment_method_id: str, *, idempotency_key: str
    ) -> PaymentIntentInfo: ...
    def cancel_payment_intent(
        self, payment_intent_id: str, *, idempotency_key: str | None = None
    ) -> PaymentIntentInfo: ...
    def create_refund(
        self,
        *,
        payment_intent_id: str,
        amount_minor: int,
        idempotency_key: str,
        metadata: Mapping[str, str] | None = None,
    ) -> RefundInfo: ...
    def retrieve_refund(self, refund_id: str) -> RefundInfo: ...
    def list_refunds(self, payment_intent_id: str) -> tuple[RefundInfo, ...]: ...
    def amount_refunded(self, payment_intent_id: str) -> int: ...

    # Checkout Sessions (card entry on Stripe's hosted page)
    def create_checkout_setup_session(
        self,
        *,
        customer_id: str,
        currency: str,
        success_url: str,
        cancel_url: str,
        metadata: Mapping[str, str],
        idempotency_key: str,
    ) -> CheckoutSessionInfo: ...
    def retrieve_checkout_session(self, session_id: str) -> CheckoutSessionInfo: ...
    def expire_checkout_session(self, session_id: str) -> CheckoutSessionInfo: ...
