"""Idempotency keys the gateway derives are stable across the SDK's retries and a restart.

A small local HTTP server stands in for Stripe: it answers the first request 500 with
``Stripe-Should-Retry: true`` (the outcome is unknown, the SDK retries) and the next ones with
a cancelled PaymentIntent, and keeps the ``Idempotency-Key`` of every request.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from linguaflex_desktop.adapters.stripe.gateway import STRIPE_API_VERSION, StripeGateway

CANCELLED = {"id": "pi_123", "object": "payment_intent", "status": "canceled", "amount": 500}


class FlakyStripe(BaseHTTPRequestHandler):
    seen: list[tuple[str, str | None, str | None]] = []

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        first = not self.seen
        self.seen.append(
            (self.path, self.headers.get("Idempotency-Key"), self.headers.get("Stripe-Version"))
        )
        body = json.dumps({"error": {"type": "api_error"}} if first else CANCELLED).encode()
        self.send_response(500 if first else 200)
        self.send_header("Content-Type", "application/json")
        if first:
            self.send_header("Stripe-Should-Retry", "true")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def flaky_stripe() -> Iterator[str]:
    FlakyStripe.seen = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), FlakyStripe)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def gateway_on(api_base: str) -> StripeGateway:
    """A fresh gateway (as after a restart), retrying once."""
    return StripeGateway(
        secret_key="sk_test_x",
        publishable_key="pk_test_x",
        api_base=api_base,
        max_network_retries=1,
        timeout_seconds=5.0,
    )


def test_a_cancel_keeps_its_key_across_a_retry_and_a_restart(flaky_stripe: str) -> None:
    assert gateway_on(flaky_stripe).cancel_payment_intent("pi_123").status == "canceled"
    assert gateway_on(flaky_stripe).cancel_payment_intent("pi_123").status == "canceled"

    key = "linguaflex-cancel-pi_123"
    path = "/v1/payment_intents/pi_123/cancel"
    assert FlakyStripe.seen == [(path, key, STRIPE_API_VERSION)] * 3
