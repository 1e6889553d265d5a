"""What the sandbox adds to localstripe so that it answers as Stripe's pinned API version does.

localstripe models an older Stripe: it accepts parameters Stripe refuses, has no Checkout
Sessions and answers 3-D Secure with ``use_stripe_sdk`` only. Each module here adds one piece
of the real contract to localstripe's module-level aiohttp app, before it is first served:

- ``contract``: every API request is checked against the stripe SDK's generated parameter
  types for the pinned API version (and refused as Stripe refuses it);
- ``checkout``: Checkout Sessions in ``setup`` mode with a hosted card page;
- ``three_ds``: ``redirect_to_url`` 3-D Secure with a hosted authentication page;
- ``accounts``: ``GET /v1/account`` and PII tokens, for the key check.

``install`` runs once per process (the app is a process-wide singleton, and its router is
frozen once it serves).
"""

from __future__ import annotations

import threading

from aiohttp import web

from linguaflex_desktop.adapters.stripe.sandbox_ext import accounts, checkout, contract, three_ds

_installed = False
_lock = threading.Lock()


def install(app: web.Application) -> None:
    """Add the routes and middlewares of every extension to ``app`` (once per process)."""
    global _installed
    with _lock:
        if _installed:
            return
        contract.install(app)
        checkout.install(app)
        three_ds.install(app)
        accounts.install(app)
        _installed = True
