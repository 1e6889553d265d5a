"""Sandbox extension: Checkout Sessions in ``setup`` mode, answered as the pinned API does.

The API half (``POST /v1/checkout/sessions``, ``GET /v1/checkout/sessions/{id}``, ``POST
/v1/checkout/sessions/{id}/expire``) lives here; the hosted card page the session's ``url``
points to is ``checkout_page``. A ``CheckoutSession`` is a localstripe ``StripeObject`` kept
in its ``store`` (so the sandbox's pickle keeps it; the class is importable at module level).

What is checked, as Stripe checks it for the pinned version: only ``mode=setup`` (the sandbox
models nothing else), ``currency`` required in setup mode (dynamic payment methods),
``customer`` must exist, ``success_url`` required for the hosted page, metadata limits, and
any parameter the sandbox does not know (``payment_method_types`` included: removed in this
version) is refused with Stripe's 400 error shape. The SetupIntent is created when the card
is saved (as Stripe creates it lazily since 2022-08-01), so ``setup_intent`` is null until
the session is complete. A session expires 24 hours after creation, or when expired.

Runs on the sandbox's event loop thread; no card data is handled here.
"""

from __future__ import annotations

import secrets
import string
import time
from typing import Any

from aiohttp import web
from localstripe.errors import UserError
from localstripe.resources import Customer, StripeObject, store
from localstripe.server import get_post_data, json_response, unflatten_data

from linguaflex_desktop.adapters.stripe.sandbox_ext import checkout_page

SESSION_LIFETIME_SECONDS = 24 * 60 * 60
ID_PREFIX = "cs_test_"
ID_ALPHABET = string.ascii_letters + string.digits
ID_RANDOM_CHARS = 58
PAGE_PATH = "/checkout/pay/"
SESSION_ID_PLACEHOLDER = "{CHECKOUT_SESSION_ID}"
HOSTED_UI_MODE = "hosted_page"
KNOWN_PARAMS = frozenset(
    {
        "mode",
        "customer",
        "currency",
        "success_url",
        "cancel_url",
        "metadata",
        "setup_intent_data",
        "ui_mode",
        "client_reference_id",
        "expand",
    }
)
KNOWN_SETUP_INTENT_DATA = frozenset({"metadata", "description"})
MAX_METADATA_KEYS, MAX_METADATA_KEY, MAX_METADATA_VALUE = 50, 40, 500


class CheckoutSession(StripeObject):
    """A Checkout Session in setup mode (localstripe's object pattern: public attributes are
    what the API returns; ``_``-prefixed ones are the sandbox's own state)."""

    object = "checkout.session"
    _id_prefix = ID_PREFIX

    def __init__(
        self,
        *,
        origin: str,
        customer: str | None,
        currency: str,
        success_url: str,
        cancel_url: str | None,
        metadata: dict[str, str],
        setup_intent_metadata: dict[str, str],
        client_reference_id: str | None,
    ) -> None:
        random_part = "".join(secrets.choice(ID_ALPHABET) for _ in range(ID_RANDOM_CHARS))
        super().__init__(id=ID_PREFIX + random_part)
        self.mode = "setup"
        self.status = "open"
        self.ui_mode = HOSTED_UI_MODE
        self.url: str | None = f"{origin}{PAGE_PATH}{self.id}"
        self.customer = customer
        self.currency = currency
        self.setup_intent: str | None = None
        self.expires_at = self.created + SESSION_LIFETIME_SECONDS
        self.success_url = success_url
        self.cancel_url = cancel_url
        self.metadata = metadata
        self.client_reference_id = client_reference_id
        self.payment_status = "no_payment_required"
        self._setup_intent_metadata = setup_intent_metadata
        self._pending_payment_method: str | None = None  # waiting for authentication

    def _refresh(self) -> None:
        """An open session past ``expires_at`` is expired (Stripe does this on its own)."""
        if self.status == "open" and time.time() >= self.expires_at:
            self._expire()

    def _expire(self) -> None:
        self.status = "expired"
        self.url = None
        self._pending_payment_method = None

    def _complete(self, setup_intent_id: str) -> None:
        self.status = "complete"
        self.url = None
        self.setup_intent = setup_intent_id
        self._pending_payment_method = None

    def _success_redirect(self) -> str:
        return self.success_url.replace(SESSION_ID_PLACEHOLDER, self.id)

    @classmethod
    def _find(cls, session_id: str) -> CheckoutSession:
        session = store.get(f"{cls.object}:{session_id}")
        if not isinstance(session, CheckoutSession):
            raise stripe_error(
                404, f"No such checkout.session: '{session_id}'", "resource_missing", "session"
            )
        session._refresh()
        return session


def stripe_error(status: int, message: str, code: str | None, param: str | None) -> UserError:
    """localstripe's error carrying Stripe's body: ``{"error": {type, message, code, param}}``."""
    contents: dict[str, Any] = {}
    if code:
        contents["code"] = code
    if param:
        contents["param"] = param
    return UserError(status, message, contents)


# --- the API ---------------------------------------------------------------------------------


async def create_session(request: web.Request) -> web.Response:
    data = dict(await get_post_data(request) or {})
    expand = data.pop("expand", None)
    session = CheckoutSession(origin=f"{request.scheme}://{request.host}", **_validated(data))
    return json_response(session._export(expand=expand))


async def retrieve_session(request: web.Request) -> web.Response:
    query = unflatten_data(request.query) or {}
    session = CheckoutSession._find(request.match_info["id"])
    return json_response(session._export(expand=query.get("expand")))


async def expire_session(request: web.Request) -> web.Response:
    data = dict(await get_post_data(request) or {})
    expand = data.pop("expand", None)
    _refuse_unknown(data, frozenset())
    session = CheckoutSession._find(request.match_info["id"])
    if session.status != "open":
        raise stripe_error(
            400,
            f"Only Checkout Sessions with a status of `open` can be expired; "
            f"this one is `{session.status}`.",
            "checkout_session_not_open",
            None,
        )
    session._expire()
    return json_response(session._export(expand=expand))


def _validated(data: dict[str, Any]) -> dict[str, Any]:
    """The constructor's arguments from the request body, or Stripe's 400."""
    _refuse_unknown(data, KNOWN_PARAMS)
    mode = data.get("mode")
    if mode is None:
        raise stripe_error(400, "Missing required param: mode.", "parameter_missing", "mode")
    if mode != "setup":
        raise stripe_error(
            400, f"The sandbox supports only mode=setup, not {mode!r}.", "parameter_invalid", "mode"
        )
    ui_mode = data.get("ui_mode", HOSTED_UI_MODE)
    if ui_mode != HOSTED_UI_MODE:
        raise stripe_error(
            400,
            f"The sandbox supports only ui_mode={HOSTED_UI_MODE}.",
            "parameter_invalid",
            "ui_mode",
        )
    currency = data.get("currency")
    if not currency:
        raise stripe_error(
            400,
            "You must provide `currency` when using `mode=setup` with dynamic payment methods.",
            "parameter_missing",
            "currency",
        )
    if not (isinstance(currency, str) and len(currency) == 3 and currency.isalpha()):
        raise stripe_error(400, f"Invalid currency: {currency}.", "parameter_invalid", "currency")
    success_url = _url(data, "success_url", required=True)
    setup_data = data.get("setup_intent_data") or {}
    if not isinstance(setup_data, dict):
        raise stripe_error(400, "Invalid object", "parameter_invalid", "setup_intent_data")
    for key in setup_data:
        if key not in KNOWN_SETUP_INTENT_DATA:
            raise _unknown(f"setup_intent_data[{key}]")
    return {
        "customer": _customer(data.get("customer")),
        "currency": currency.lower(),
        "success_url": success_url or "",
        "cancel_url": _url(data, "cancel_url", required=False),
        "metadata": _metadata(data.get("metadata"), "metadata"),
        "setup_intent_metadata": _metadata(
            setup_data.get("metadata"), "setup_intent_data[metadata]"
        ),
        "client_reference_id": data.get("client_reference_id"),
    }


def _refuse_unknown(data: dict[str, Any], known: frozenset[str]) -> None:
    for key in data:
        if key not in known:
            raise _unknown(key)


def _unknown(param: str) -> UserError:
    return stripe_error(400, f"Received unknown parameter: {param}", "parameter_unknown", param)


def _url(data: dict[str, Any], name: str, *, required: bool) -> str | None:
    value = data.get(name)
    if value is None or value == "":
        if required:
            raise stripe_error(
                400,
                f"Missing required param: {name}. It is required when ui_mode is "
                f"`{HOSTED_UI_MODE}`.",
                "parameter_missing",
                name,
            )
        return None
    if not isinstance(value, str) or not value.startswith(("http://", "https://")):
        raise stripe_error(400, "Not a valid URL", "url_invalid", name)
    return value


def _customer(customer: Any) -> str | None:
    if customer is None:
        return None
    if not isinstance(customer, str):
        raise stripe_error(400, "Invalid string", "parameter_invalid", "customer")
    try:
        Customer._api_retrieve(customer)
    except UserError:
        raise stripe_error(
            400, f"No such customer: '{customer}'", "resource_missing", "customer"
        ) from None
    return customer


def _metadata(value: Any, param: str) -> dict[str, str]:
    if value is None or value == "":
        return {}
    if not isinstance(value, dict) or len(value) > MAX_METADATA_KEYS:
        raise stripe_error(400, "Invalid metadata", "parameter_invalid", param)
    for key, item in value.items():
        if len(str(key)) > MAX_METADATA_KEY or len(str(item)) > MAX_METADATA_VALUE:
            raise stripe_error(
                400, "Metadata keys are limited to 40 characters, values to 500.", None, param
            )
    return {str(key): str(item) for key, item in value.items()}


def install(app: web.Application) -> None:
    """Add the Checkout API routes and the hosted page to localstripe's app."""
    app.router.add_post("/v1/checkout/sessions", create_session)
    app.router.add_get("/v1/checkout/sessions/{id}", retrieve_session)
    app.router.add_post("/v1/checkout/sessions/{id}/expire", expire_session)
    checkout_page.install(app, find_session=CheckoutSession._find)
