"""Who the sandbox answers: its own ``Host`` only, and its API only with the folder's keys.

Two aiohttp middlewares put in front of every other one of localstripe's app (so also in
front of the hosted pages the ``sandbox_ext`` modules add):

1. ``Host`` must be exactly ``127.0.0.1:PORT`` (``adapters.loopback``), else a plain 421:
   a web page reaching the port through DNS rebinding learns nothing.
2. ``/v1/...`` and ``/_config/...`` need the folder's secret key (``Authorization: Bearer`` or
   Basic, as Stripe takes it), else 401 in Stripe's JSON error shape. localstripe itself
   accepts any ``sk_`` key. The few routes its Stripe.js stand-in calls from the browser with
   the publishable key (``key`` in the POST body: tokens, sources, SetupIntent confirm/cancel,
   3-D Secure ``_authenticate``) take the folder's publishable key instead. Every other path
   (Stripe.js, the hosted Checkout and 3-D Secure pages) needs no key: those pages are
   authorised by the unguessable ids in their URLs.

Two routes are ours. ``GET /_config/linguaflex/identity?challenge=C`` (keyless) answers this
process's pid and an HMAC of the challenge and the served folder's path under the secret
key: clients check it before
trusting ``server.json``, without sending the key to a port that may be someone else's now.
``POST /_config/linguaflex/shutdown`` (keyed) stops the server. Each accepted request counts
as activity for the idle stop.

localstripe's app is a process-wide singleton, so ``GUARD`` is too: the server that starts
sets its keys and port before it listens. Runs on the sandbox's event loop.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
import re
import secrets
import threading
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from aiohttp import web

from linguaflex_desktop.adapters.loopback import is_own_host

IDENTITY_PATH = "/_config/linguaflex/identity"
SHUTDOWN_PATH = "/_config/linguaflex/shutdown"
KEYED_PREFIXES = ("/v1/", "/_config/")
# localstripe's own list of the requests its Stripe.js stand-in makes with the publishable key.
PUBLISHABLE_KEY_ROUTES = tuple(
    re.compile(pattern)
    for pattern in (
        r"^/v1/tokens$",
        r"^/v1/sources$",
        r"^/v1/payment_intents/\w+/_authenticate\b",
        r"^/v1/setup_intents/\w+/confirm$",
        r"^/v1/setup_intents/\w+/cancel$",
    )
)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@dataclass
class GuardState:
    """What the guard checks against; set by the serving process before it listens."""

    secret_key: str = field(default="", repr=False)
    publishable_key: str = ""
    folder_id: str = ""
    data_dir: str = ""
    port: int = 0
    last_activity: float = field(default_factory=time.monotonic)
    on_shutdown_request: Callable[[], None] | None = None

    def touch(self) -> None:
        self.last_activity = time.monotonic()

    def idle_for(self) -> float:
        return time.monotonic() - self.last_activity


GUARD = GuardState()
_installed = False
_lock = threading.Lock()


def install(app: web.Application) -> None:
    """Guard localstripe's ``app`` (see ``add_guard``), once per process."""
    global _installed
    with _lock:
        if _installed:
            return
        add_guard(app)
        _installed = True


def add_guard(app: web.Application) -> None:
    """Put the guard first in ``app``'s middlewares and add our routes.

    ``install`` does this once for localstripe's process-wide app; the guard's own tests call
    it on a small app of theirs. The two middlewares are plain functions marked here (not
    decorated where defined) so that the mutation run, which skips decorated functions,
    mutates them too; ``web.middleware`` only tags the function and returns it.
    """
    app.middlewares.insert(0, web.middleware(_key_guard))
    app.middlewares.insert(0, web.middleware(_host_guard))
    app.router.add_get(IDENTITY_PATH, _identity)
    app.router.add_post(SHUTDOWN_PATH, _shutdown)


async def _host_guard(request: web.Request, handler: Handler) -> web.StreamResponse:
    if not GUARD.port or not is_own_host(request.headers.get("Host"), GUARD.port):
        return web.Response(status=421, text="Misdirected Request")
    GUARD.touch()
    return await handler(request)


async def _key_guard(request: web.Request, handler: Handler) -> web.StreamResponse:
    if not request.path.startswith(KEYED_PREFIXES) or request.path == IDENTITY_PATH:
        return await handler(request)
    header_key = _secret_key_of(request)
    if _matches(header_key, GUARD.secret_key):
        return await handler(request)
    publishable_route = request.method == "POST" and any(
        route.match(request.path) for route in PUBLISHABLE_KEY_ROUTES
    )
    given = header_key or await _publishable_key_of(request)
    if _matches(given, GUARD.publishable_key):
        if publishable_route:
            return await handler(request)
        return _unauthorized(
            "This API call cannot be made with a publishable API key. Please use a secret API key."
        )
    return _unauthorized("Invalid API Key provided.")


def _unauthorized(message: str) -> web.Response:
    """Stripe's 401 answer."""
    error = {"type": "invalid_request_error", "message": message}
    return web.json_response({"error": error}, status=401)


def _matches(given: str | None, expected: str) -> bool:
    return bool(given and expected) and secrets.compare_digest(
        str(given).encode(), expected.encode()
    )


def _secret_key_of(request: web.Request) -> str | None:
    """The key of ``Authorization: Bearer KEY`` or ``Basic base64(KEY:)``, as Stripe reads it."""
    scheme, _, value = request.headers.get("Authorization", "").partition(" ")
    if scheme == "Bearer":
        return value.strip() or None
    if scheme == "Basic":
        try:
            decoded = base64.b64decode(value.strip(), validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            return None
        return decoded.split(":", 1)[0] or None
    return None


async def _publishable_key_of(request: web.Request) -> str | None:
    from localstripe.server import get_post_data  # reads JSON or a form, and caches the body

    try:
        data = await get_post_data(request, remove_auth=False)
    except ValueError:
        return None
    key = data.get("key") if isinstance(data, dict) else None
    return key if isinstance(key, str) else None


def identity_proof(secret_key: str, challenge: str, data_dir: str) -> str:
    """The answer to an identity ``challenge`` of a server holding ``secret_key`` and serving
    ``data_dir`` (a copied folder has the same keys, but not the same path)."""
    message = f"{challenge}\n{data_dir}".encode()
    return hmac.new(secret_key.encode(), message, hashlib.sha256).hexdigest()


async def _identity(request: web.Request) -> web.Response:
    challenge = request.query.get("challenge", "")
    if not 16 <= len(challenge) <= 128 or not GUARD.secret_key:
        return web.Response(status=400, text="Bad Request")
    proof = identity_proof(GUARD.secret_key, challenge, GUARD.data_dir)
    return web.json_response({"folder_id": GUARD.folder_id, "pid": os.getpid(), "proof": proof})


async def _shutdown(request: web.Request) -> web.Response:
    callback = GUARD.on_shutdown_request
    if callback is None:
        return web.json_response({"stopping": False}, status=409)
    callback()
    return web.json_response({"stopping": True})
