"""Helpers of the key check tests.

``SandboxCheckoutSpy``: the sandbox gateway (its Checkout Sessions are the sandbox's own),
which also keeps what it asked for and the sessions as Stripe last answered, so a test can
see that the check's session was created in setup mode and then expired.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from linguaflex_desktop.adapters.stripe.gateway import CheckoutSessionInfo, StripeGateway
from linguaflex_desktop.adapters.stripe.sandbox import StripeSandbox
from tests.conftest_stripe import TEST_STRIPE_SETTINGS


class SandboxCheckoutSpy(StripeGateway):
    """See the module docstring."""

    def __init__(self, sandbox: StripeSandbox) -> None:
        super().__init__(
            secret_key=sandbox.secret_key,
            publishable_key=sandbox.publishable_key,
            api_base=sandbox.api_base,
            max_network_retries=TEST_STRIPE_SETTINGS.max_network_retries,
            timeout_seconds=TEST_STRIPE_SETTINGS.timeout_seconds,
        )
        self.requests: list[dict[str, Any]] = []
        self.sessions: dict[str, CheckoutSessionInfo] = {}

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
        request = {
            "customer_id": customer_id,
            "currency": currency,
            "success_url": success_url,
            "cancel_url": cancel_url,
            "metadata": metadata,
            "idempotency_key": idempotency_key,
        }
        self.requests.append(request)
        info = super().create_checkout_setup_session(**request)
        self.sessions[info.id] = info
        return info

    def expire_checkout_session(self, session_id: str) -> CheckoutSessionInfo:
        info = super().expire_checkout_session(session_id)
        self.sessions[session_id] = info
        return info
