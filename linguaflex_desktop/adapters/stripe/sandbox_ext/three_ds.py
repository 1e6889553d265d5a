"""Sandbox extension: 3-D Secure as Stripe answers it to a server-side confirm with ``return_url``.

localstripe refuses ``return_url`` and answers a card needing authentication with
``next_action.type = "use_stripe_sdk"`` (for its Stripe.js stand-in). Stripe, for a
PaymentIntent confirmed on the server with a ``return_url``, answers ``requires_action`` with
``next_action: {type: "redirect_to_url", redirect_to_url: {url, return_url}}``: the customer's
browser goes to ``url`` (Stripe's hosted authentication page) and comes back to
``return_url`` with ``payment_intent`` and ``payment_intent_client_secret`` appended.

Here:
- ``POST /v1/payment_intents/{id}/confirm`` and ``POST /v1/payment_intents`` with
  ``confirm=true`` are answered by this module (a middleware after localstripe's auth, before
  its handler: localstripe bound its handlers at import, so patching its class would not
  reach them). They accept ``return_url``, ``off_session`` and (confirm) ``payment_method``.
  A card needing authentication gives the ``redirect_to_url`` answer; without a
  ``return_url`` it is refused (400, ``param: return_url``) as Stripe refuses it for a
  PaymentIntent with dynamic payment methods (the pinned API version has no other kind); with
  ``off_session=true`` it is declined ``authentication_required`` (402). Other cards are
  charged as localstripe charges them (a decline is a 402 card error).
- ``GET /3ds/{payment_intent}/{token}`` is the hosted authentication page (``three_ds_page``),
  on the sandbox's own origin, key-less: the unguessable token (kept on the PaymentIntent)
  authorises it. Its buttons post same-origin (``Origin`` checked) to the same address; the
  outcome goes through localstripe's own ``_api_authenticate``; the browser is then sent
  (303) to the ``return_url`` as Stripe sends it.

Runs on the sandbox's event-loop thread, like every localstripe handler.
"""

from __future__ import annotations

import contextlib
import re
import secrets
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import urlencode, urlsplit

from aiohttp import web

from linguaflex_desktop.adapters.stripe.sandbox_ext import three_ds_page

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

PAGE_PREFIX = "/3ds/"
_CONFIRM = re.compile(r"^/v1/payment_intents/(\w+)/confirm$")
_CREATE = "/v1/payment_intents"
_PAGE = re.compile(r"^/3ds/(pi_\w+)/([\w-]{20,100})$")
_CONFIRM_PARAMS = frozenset({"return_url", "off_session", "payment_method", "expand"})
RETURN_URL_REQUIRED = (
    "A return_url must be specified because this Payment Intent is configured to "
    "automatically accept the payment methods enabled in the Dashboard, some of which may "
    "require a full page redirect to succeed."
)
RETURN_URL_NEEDS_CONFIRM = "You can only pass return_url when confirm is true."
AUTHENTICATION_REQUIRED = "Your card was declined. This transaction requires authentication."


def install(app: web.Application) -> None:
    """The page first (before localstripe's key check: it is key-less), the API answers
    last (after the key check, before localstripe's handlers)."""
    app.middlewares.insert(0, _hosted_page)
    app.middlewares.append(_payment_intents)
    app.router.add_route("GET", PAGE_PREFIX + "{id}/{token}", _not_reached)
    app.router.add_route("POST", PAGE_PREFIX + "{id}/{token}", _not_reached)


async def _not_reached(request: web.Request) -> web.StreamResponse:  # the middleware answers
    raise web.HTTPNotFound()


# --- the API -------------------------------------------------------------------------------


@web.middleware
async def _payment_intents(request: web.Request, handler: Handler) -> web.StreamResponse:
    if request.method != "POST":
        return await handler(request)
    confirm = _CONFIRM.match(request.path)
    if confirm is not None:
        return await _confirm_route(request, confirm.group(1))
    if request.path == _CREATE:
        return await _create_route(request)
    return await handler(request)


async def _create_route(request: web.Request) -> web.StreamResponse:
    from localstripe.errors import UserError
    from localstripe.resources import PaymentIntent, try_convert_to_bool
    from localstripe.server import get_post_data, json_response

    data = dict(await get_post_data(request) or {})
    expand = data.pop("expand", None)
    confirm = try_convert_to_bool(data.pop("confirm", None))
    off_session = try_convert_to_bool(data.pop("off_session", None))
    return_url = data.pop("return_url", None)
    if confirm not in (None, True, False) or off_session not in (None, True, False):
        raise UserError(400, "Bad request")
    if return_url is not None and confirm is not True:
        raise _param_error(RETURN_URL_NEEDS_CONFIRM, "return_url")
    if off_session is not None and confirm is not True:
        raise UserError(400, "Bad request")
    intent = PaymentIntent._api_create(**data)
    if confirm:
        _confirm(request, intent, return_url=_checked_url(return_url), off_session=off_session)
    return json_response(intent._export(expand=expand))


async def _confirm_route(request: web.Request, intent_id: str) -> web.StreamResponse:
    from localstripe.errors import UserError
    from localstripe.resources import PaymentIntent, PaymentMethod, try_convert_to_bool
    from localstripe.server import get_post_data, json_response

    data = dict(await get_post_data(request) or {})
    unknown = sorted(set(data) - _CONFIRM_PARAMS)
    if unknown:
        raise _param_error(f"Received unknown parameter: {unknown[0]}", unknown[0])
    off_session = try_convert_to_bool(data.get("off_session"))
    if off_session not in (None, True, False):
        raise UserError(400, "Bad request")
    intent = PaymentIntent._api_retrieve(intent_id)
    method = data.get("payment_method")
    if method is not None:
        if not isinstance(method, str) or intent.status not in (
            "requires_payment_method",
            "requires_confirmation",
            "requires_action",
        ):
            raise _unexpected_state(intent)
        intent.payment_method = PaymentMethod._api_retrieve(method).id
        intent.next_action = None
    if intent.status != "requires_confirmation":
        raise _unexpected_state(intent)
    _confirm(
        request,
        intent,
        return_url=_checked_url(data.get("return_url")),
        off_session=off_session,
    )
    return json_response(intent._export(expand=data.get("expand")))


def _confirm(
    request: web.Request, intent: Any, *, return_url: str | None, off_session: Any
) -> None:
    """Stripe's answer to confirming ``intent`` (module docstring)."""
    from localstripe.errors import UserError
    from localstripe.resources import PaymentMethod

    intent._authentication_failed = False
    method = PaymentMethod._api_retrieve(intent.payment_method)
    if not method._requires_authentication():
        intent._create_charge(on_failure_now=intent._report_failure)  # a decline raises 402
        return
    if off_session:
        intent._authentication_failed = True
        intent.payment_method = None
        raise UserError(
            402,
            AUTHENTICATION_REQUIRED,
            {"code": "authentication_required", "decline_code": "authentication_required"},
        )
    if return_url is None:
        raise _param_error(RETURN_URL_REQUIRED, "return_url")
    token = secrets.token_urlsafe(32)
    intent._linguaflex_three_ds = (token, return_url)
    origin = f"{request.scheme}://{request.host}"
    intent.next_action = {
        "type": "redirect_to_url",
        "redirect_to_url": {
            "url": f"{origin}{PAGE_PREFIX}{intent.id}/{token}",
            "return_url": return_url,
        },
    }


def _checked_url(value: Any) -> str | None:
    from localstripe.errors import UserError

    if value is None:
        return None
    parts = urlsplit(value) if isinstance(value, str) else None
    if parts is None or parts.scheme not in ("http", "https") or not parts.netloc:
        raise _param_error("Not a valid URL", "return_url")
    if len(value) > 5000:
        raise UserError(400, "Bad request")
    return str(value)


def _param_error(message: str, param: str) -> Exception:
    from localstripe.errors import UserError

    return UserError(400, message, {"param": param})


def _unexpected_state(intent: Any) -> Exception:
    from localstripe.errors import UserError

    return UserError(
        400,
        f"You cannot confirm this PaymentIntent because it has a status of {intent.status}.",
        {"code": "payment_intent_unexpected_state"},
    )


# --- the hosted authentication page --------------------------------------------------------


@web.middleware
async def _hosted_page(request: web.Request, handler: Handler) -> web.StreamResponse:
    if not request.path.startswith(PAGE_PREFIX):
        return await handler(request)
    found = _PAGE.match(request.path)
    intent = _intent_for(found.group(1), found.group(2)) if found else None
    if request.method == "GET":
        if intent is None:
            return three_ds_page.gone()
        return three_ds_page.render(intent)
    if request.method != "POST":
        return web.Response(status=405, text="Method Not Allowed")
    if request.headers.get("Origin") != f"{request.scheme}://{request.host}":
        return web.Response(status=403, text="Forbidden")
    if intent is None:
        return three_ds_page.gone()
    form = await request.post()
    outcome = form.get("outcome")
    if outcome not in ("complete", "fail"):
        return web.Response(status=400, text="Bad Request")
    return _authenticate(intent, success=outcome == "complete")


def _intent_for(intent_id: str, token: str) -> Any | None:
    """The PaymentIntent the token was made for (constant-time check), or None."""
    from localstripe.errors import UserError
    from localstripe.resources import PaymentIntent

    try:
        intent = PaymentIntent._api_retrieve(intent_id)
    except UserError:
        return None
    known = getattr(intent, "_linguaflex_three_ds", None)
    if known is None or not secrets.compare_digest(known[0], token):
        return None
    return intent


def _authenticate(intent: Any, *, success: bool) -> web.StreamResponse:
    """Record the outcome (localstripe's own logic), then send the browser back."""
    from localstripe.errors import UserError
    from localstripe.resources import PaymentIntent, store

    if intent.status != "requires_action":
        return three_ds_page.finished(intent)
    # authenticated, then declined by the bank (a 402): the PaymentIntent says so
    with contextlib.suppress(UserError):
        PaymentIntent._api_authenticate(
            intent.id, client_secret=intent.client_secret, success=success
        )
    store.dump_to_disk()
    return_url = intent._linguaflex_three_ds[1]
    query = urlencode(
        {
            "payment_intent": intent.id,
            "payment_intent_client_secret": intent.client_secret,
            "redirect_status": "succeeded" if intent.status == "succeeded" else "failed",
        }
    )
    separator = "&" if urlsplit(return_url).query else "?"
    raise web.HTTPSeeOther(location=f"{return_url}{separator}{query}")
