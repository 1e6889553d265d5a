"""Helpers of the key check tests.

``SandboxWithCheckout``: the sandbox gateway, except that the two Checkout Session calls are
answered in memory by ``FakePaymentsGateway``. The sandbox's own Checkout Sessions come with
``sandbox_ext/checkout.py`` (another change); once they are served, these tests can use the
plain sandbox gateway.
"""

from __future__ import annotations

from collections.abc import Mapping

from linguaflex_desktop.adapters.stripe.gateway import CheckoutSessionInfo, StripeGateway
from linguaflex_desktop.adapters.stripe.sandbox import StripeSandbox
from tests.conftest_stripe import TEST_STRIPE_SETTINGS
from tests.fakes.payments import FakePaymentsGateway


class SandboxWithCheckout(StripeGateway):
    """See the module docstring."""

    def __init__(self, sandbox: StripeSandbox) -> None:
        super().__init__(
            secret_key=sandbox.secret_key,
            publishable_key=sandbox.publishable_key,
            api_base=sandbox.api_base,
            stripe_js_url=sandbox.js_url,
            max_network_retries=TEST_STRIPE_SETTINGS.max_network_retries,
            timeout_seconds=TEST_STRIPE_SETTINGS.timeout_seconds,
        )
        self.checkout = FakePaymentsGateway()

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
        return self.checkout.create_checkout_setup_session(
            customer_id=customer_id,
            currency=currency,
            success_url=success_url,
            cancel_url=cancel_url,
            metadata=metadata,
            idempotency_key=idempotency_key,
        )

    def expire_checkout_session(self, session_id: str) -> CheckoutSessionInfo:
        return self.checkout.expire_checkout_session(session_id)
