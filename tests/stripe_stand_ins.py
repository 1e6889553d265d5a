"""Tests' stand-ins for Stripe's other clients: the browser (Stripe.js) and the Dashboard.

Some tests play a part our app never plays: creating a PaymentMethod from a card number (what
Stripe.js does on the card page) or refunding "in the Dashboard". Their requests go through
the SDK with the header ``Linguaflex-Sandbox-Caller``, so the sandbox's contract check
(``sandbox_ext.contract``) does not take them for the app's: a browser stand-in is only
recorded (Stripe.js has private parameters), a Dashboard stand-in is checked like the app but
needs no idempotency key of ours.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

import stripe

from linguaflex_desktop.adapters.stripe.sandbox import StripeSandbox
from linguaflex_desktop.adapters.stripe.sandbox_ext.contract import CALLER_HEADER

StandIn = Literal["browser", "dashboard"]


class _MarkedClient(stripe.HTTPXClient):
    """An SDK HTTP client that names the stand-in on every request."""

    def __init__(self, caller: StandIn) -> None:
        super().__init__(allow_sync_methods=True, timeout=10.0)
        self._caller = caller

    def request(
        self, method: str, url: str, headers: Mapping[str, str], post_data: Any = None
    ) -> Any:
        marked = {**headers, CALLER_HEADER: self._caller}
        return super().request(method, url, marked, post_data)


def stand_in_client(sandbox: StripeSandbox, caller: StandIn) -> stripe.StripeClient:
    """An SDK client on the sandbox that acts as ``caller`` (see the module docstring)."""
    return stripe.StripeClient(
        sandbox.secret_key,
        base_addresses={"api": sandbox.api_base},
        http_client=_MarkedClient(caller),
    )
