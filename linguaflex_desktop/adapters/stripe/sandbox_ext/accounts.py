"""Sandbox extension: the account behind a key, and PII tokens, as Stripe documents them.

``linguaflex stripe check`` proves that the secret and the publishable key belong to one
account: ``GET /v1/account`` (secret key) names the account, a PII token is created with the
publishable key (``POST /v1/tokens`` with ``pii[id_number]``) and read back with the secret
key (``GET /v1/tokens/{id}``); Stripe answers 404 ``resource_missing`` when the token was made
in another account. localstripe has no ``/v1/account``, its Token is card-only, and it accepts
any ``sk_`` key for everything, so this module adds:

- accounts: a key's account is derived from what follows its ``sk_test_`` / ``rk_test_`` /
  ``pk_test_`` (or ``_live_``) prefix, so the sandbox pair ``sk_test_linguaflex_sandbox`` /
  ``pk_test_linguaflex_sandbox`` is one account, and ``pk_test_other`` another;
- ``GET /v1/account`` with a secret (or restricted) key;
- ``POST /v1/tokens`` with ``pii`` (publishable or secret key, as a Bearer or Basic
  credential or Stripe.js's ``key`` field), kept in localstripe's store (so a reset or the
  pickle covers them); a card token is still localstripe's own;
- ``GET /v1/tokens/{id}`` of a PII token with a secret key of the same account, else 404.

The routes are put in front of localstripe's catch-alls (``/v1/tokens/{id}``), as its own
``extra_apis`` are, and authenticate themselves: localstripe's authentication accepts a
publishable key only in the POST body, never as the Bearer credential Stripe's SDKs send.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import secrets
import time
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

from linguaflex_desktop.adapters.stripe import sandbox_guard

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

SECRET_PREFIXES = ("sk_test_", "rk_test_", "sk_live_", "rk_live_")
PUBLISHABLE_PREFIXES = ("pk_test_", "pk_live_")
STORE_PREFIX = "linguaflex_pii_token:"
_OWN_AUTH = "_linguaflex_own_auth"


def install(app: web.Application) -> None:
    """Add the account and PII-token routes in front of localstripe's, and the middleware
    that lets them authenticate themselves."""
    from localstripe import server
    from localstripe.resources import Token

    card_create = server.api_create(Token, "/v1/tokens")
    card_retrieve = server.api_retrieve(Token, "/v1/tokens/{id}")

    async def create_token(request: web.Request) -> web.StreamResponse:
        data = await _form(request)
        if "pii" not in data:
            return await _localstripe_auth(request, card_create)
        return _create_pii_token(request, data)

    async def retrieve_token(request: web.Request) -> web.StreamResponse:
        if not request.match_info["id"].startswith("pii_"):
            result = card_retrieve(request)
            return await result if isinstance(result, Awaitable) else result
        return _retrieve_pii_token(request)

    _add_first(app, "GET", "/v1/account", _own_auth(_retrieve_account))
    _add_first(app, "POST", "/v1/tokens", _own_auth(create_token))
    _add_first(app, "GET", "/v1/tokens/{id}", _own_auth(retrieve_token))
    # right after localstripe's error middleware, wherever other extensions put theirs
    app.middlewares.insert(app.middlewares.index(server.error_middleware) + 1, _self_authenticating)


# --- handlers --------------------------------------------------------------------------------


async def _retrieve_account(request: web.Request) -> web.StreamResponse:
    key = _bearer_key(request)
    if key is None or not key.startswith(SECRET_PREFIXES):
        return _unauthorized(key)
    return web.json_response(
        {
            "id": account_of(key),
            "object": "account",
            "type": "standard",
            "charges_enabled": True,
            "country": "US",
            "default_currency": "usd",
        }
    )


def _create_pii_token(request: web.Request, data: dict[str, Any]) -> web.StreamResponse:
    key = _bearer_key(request) or _str(data.get("key"))
    if key is None or not key.startswith(SECRET_PREFIXES + PUBLISHABLE_PREFIXES):
        return _unauthorized(key)
    pii = data.get("pii")
    if not isinstance(pii, dict) or set(pii) - {"id_number"}:
        return _error(400, "Invalid pii: only pii[id_number] is accepted.", param="pii")
    from localstripe.resources import store

    token_id = f"pii_{secrets.token_hex(12)}"
    token: dict[str, Any] = {
        "id": token_id,
        "object": "token",
        "client_ip": request.remote,
        "created": int(time.time()),
        "livemode": "_live_" in key,
        "redaction": None,
        "type": "pii",
        "used": False,
    }
    store[STORE_PREFIX + token_id] = {"account": account_of(key), "token": token}
    return web.json_response(token)


def _retrieve_pii_token(request: web.Request) -> web.StreamResponse:
    key = _bearer_key(request)
    if key is None or not key.startswith(SECRET_PREFIXES):
        return _unauthorized(key)
    from localstripe.resources import store

    token_id = request.match_info["id"]
    held = store.get(STORE_PREFIX + token_id)
    if held is None or held["account"] != account_of(key):
        return _error(404, f"No such token: '{token_id}'", param="token", code="resource_missing")
    return web.json_response(held["token"])


# --- accounts and authentication -------------------------------------------------------------


def account_of(key: str) -> str:
    """The sandbox account a key belongs to: the folder's own key pair (two independent
    random keys) is one account; any other key is the account named by what follows its
    prefix (module docstring)."""
    own = (sandbox_guard.GUARD.secret_key, sandbox_guard.GUARD.publishable_key)
    if key and key in own and all(own):
        key = own[0]
    prefix = next((p for p in SECRET_PREFIXES + PUBLISHABLE_PREFIXES if key.startswith(p)), "")
    mode = "live" if "_live_" in prefix else "test"
    digest = hashlib.sha256(f"{mode}:{key[len(prefix) :]}".encode()).hexdigest()
    return f"acct_{digest[:16]}"


def _bearer_key(request: web.Request) -> str | None:
    scheme, _, credential = request.headers.get("Authorization", "").partition(" ")
    if scheme == "Bearer":
        return credential.strip() or None
    if scheme == "Basic":
        try:
            decoded = base64.b64decode(credential.strip()).decode()
        except (binascii.Error, UnicodeDecodeError):
            return None
        return decoded.partition(":")[0] or None
    return None


def _own_auth(handler: Handler) -> Handler:
    setattr(handler, _OWN_AUTH, True)
    return handler


@web.middleware
async def _self_authenticating(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Routes of this module skip localstripe's authentication (they do their own)."""
    own = request.match_info.handler
    if getattr(own, _OWN_AUTH, False):
        return await own(request)
    return await handler(request)


async def _localstripe_auth(request: web.Request, handler: Handler) -> web.StreamResponse:
    """A card token goes through localstripe's own authentication, as before."""
    from localstripe import server

    response: web.StreamResponse = await server.auth_middleware(request, handler)
    return response


# --- plumbing --------------------------------------------------------------------------------


def _add_first(app: web.Application, method: str, path: str, handler: Handler) -> None:
    """Register a route and move it in front of any earlier route on the same path prefix."""
    route = app.router.add_route(method, path, handler)
    resource = route.resource
    router: Any = app.router
    if resource is None:
        return
    key = router._get_resource_index_key(resource)
    candidates: list[Any] = router._resource_index[key]
    candidates.remove(resource)
    candidates.insert(0, resource)


async def _form(request: web.Request) -> dict[str, Any]:
    from localstripe import server

    data = await server.get_post_data(request, remove_auth=False)
    return dict(data or {})


def _str(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _unauthorized(key: str | None) -> web.StreamResponse:
    if key is not None and key.startswith(PUBLISHABLE_PREFIXES):
        message = "This API call cannot be made with a publishable API key."
        return _error(401, message)
    return _error(401, "Invalid API Key provided.")


def _error(
    status: int, message: str, *, param: str | None = None, code: str | None = None
) -> web.StreamResponse:
    error: dict[str, Any] = {"type": "invalid_request_error", "message": message}
    if param:
        error["param"] = param
    if code:
        error["code"] = code
    return web.json_response({"error": error}, status=status)
