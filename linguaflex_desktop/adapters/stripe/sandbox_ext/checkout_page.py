"""Sandbox extension: the hosted card page of a Checkout Session (what checkout.stripe.com
shows), served by the sandbox on its own 127.0.0.1 origin at ``/checkout/pay/{session_id}``.

A clean payment page: the merchant, "Save your card for future lessons", a "Test mode"
badge, Stripe's test cards, and a card form (number, MM / YY, CVC, name). It accepts the test
cards as printed, with or without spaces, and behaves as Checkout does for them:

- 4242 4242 4242 4242 (and 0341, which only fails when charged): the card is saved, a
  succeeded SetupIntent (customer, ``off_session``) is created, the PaymentMethod is attached
  to the customer, the session completes, and the browser is sent (303) to ``success_url``;
- 4000 0000 0000 0002: Stripe's decline is shown and the session stays open for another card;
- 4000 0025 0000 3155: an authentication step (Complete / Fail); failing shows Stripe's
  message and lets the student try again.

The pages need no API key: the unguessable session id authorises them (as Checkout's URL
does). They use only relative URLs, carry a strict Content-Security-Policy (no script at all),
refuse a foreign ``Host`` and cross-origin form posts (``Origin`` must be this origin), and
are answered before localstripe's API key check. Card numbers are never logged, never put in
a URL and never echoed; a card that is declined or fails authentication is dropped from the
store, and a saved one keeps only what localstripe keeps for any card.

Runs on the sandbox's event loop thread.
"""

from __future__ import annotations

import html
import re
import secrets
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from aiohttp import web
from localstripe.errors import UserError
from localstripe.resources import PaymentMethod, SetupIntent, store

from linguaflex_desktop.adapters.stripe.sandbox import SANDBOX_TEST_CARDS
from linguaflex_desktop.adapters.stripe.sandbox_ext import checkout_html

if TYPE_CHECKING:
    from linguaflex_desktop.adapters.stripe.sandbox_ext.checkout import CheckoutSession

SessionFinder = Callable[[str], "CheckoutSession"]
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

PAGE_PREFIX = "/checkout/pay/"
CARD_NUMBER_LENGTH = 16
MAX_FORM_BYTES = 4096
# What the form can say after a redirect (?error=<code>): fixed texts, never request text.
ERRORS = {
    "card_declined": "Your card was declined. Try another card.",
    "authentication_failed": (
        "We are unable to authenticate your payment method. Please choose a different "
        "payment method and try again."
    ),
    "incomplete_number": "Your card number is incomplete.",
    "invalid_number": "Your card number is invalid.",
    "invalid_expiry": "Your card's expiration date is incomplete.",
    "expired_card": "Your card's expiration date is in the past.",
    "incomplete_cvc": "Your card's security code is incomplete.",
    "incomplete_name": "Enter the name on the card.",
}


def install(app: web.Application, *, find_session: SessionFinder) -> None:
    """Add the page routes, and a middleware (first in line) that serves them without
    localstripe's API key check."""
    pages = _Pages(find_session)
    app.router.add_get(PAGE_PREFIX + "{id}", pages.card_form)
    app.router.add_post(PAGE_PREFIX + "{id}", pages.submit_card)
    app.router.add_get(PAGE_PREFIX + "{id}/authenticate", pages.authentication)
    app.router.add_post(PAGE_PREFIX + "{id}/authenticate", pages.answer_authentication)
    app.middlewares.insert(0, _serve_pages_first)


@web.middleware
async def _serve_pages_first(request: web.Request, handler: Handler) -> web.StreamResponse:
    if not request.path.startswith(PAGE_PREFIX):
        return await handler(request)
    if request.host != _own_host(request):
        return _plain(421, "Misdirected Request")
    if request.method == "POST" and request.headers.get("Origin") != _own_origin(request):
        return _plain(403, "Forbidden")
    try:
        response = await request.match_info.handler(request)
    except web.HTTPException as error:
        return _plain(error.status, error.reason)
    except UserError:
        return _plain(404, "This page does not exist.")
    if request.method == "POST":
        store.dump_to_disk()
    return response


class _Pages:
    def __init__(self, find_session: SessionFinder) -> None:
        self._find = find_session

    async def card_form(self, request: web.Request) -> web.StreamResponse:
        session = self._find(request.match_info["id"])
        if session.status != "open":
            return _page(checkout_html.closed_page(session.status), session)
        if session._pending_payment_method is not None:
            return _redirect(_authenticate_path(session))
        error = ERRORS.get(request.query.get("error", ""))
        return _page(
            checkout_html.card_form(
                merchant=checkout_html.MERCHANT,
                currency=session.currency,
                error=error,
                cancel_url=session.cancel_url,
                test_cards=SANDBOX_TEST_CARDS,
            ),
            session,
        )

    async def submit_card(self, request: web.Request) -> web.StreamResponse:
        session = self._find(request.match_info["id"])
        if session.status != "open":
            return _redirect(_form_path(session))
        form = await _read_form(request)
        card, problem = _card_from(form)
        if problem is not None or card is None:
            return _redirect(_form_path(session, problem or "invalid_number"))
        billing = {"name": form.get("name", "").strip()[:200]}
        method = PaymentMethod(type="card", card=card, billing_details=billing)
        if method._attaching_is_declined():
            _forget(method)
            return _redirect(_form_path(session, "card_declined"))
        if method._requires_authentication():
            session._pending_payment_method = method.id
            return _redirect(_authenticate_path(session))
        return _redirect(_save(session, method))

    async def authentication(self, request: web.Request) -> web.StreamResponse:
        session = self._find(request.match_info["id"])
        method = _pending_method(session)
        if method is None:
            return _redirect(_form_path(session))
        return _page(checkout_html.authentication_page(method.card["last4"]), session)

    async def answer_authentication(self, request: web.Request) -> web.StreamResponse:
        session = self._find(request.match_info["id"])
        method = _pending_method(session)
        if method is None:
            return _redirect(_form_path(session))
        answer = (await _read_form(request)).get("answer")
        if answer == "complete":
            return _redirect(_save(session, method))
        session._pending_payment_method = None
        _forget(method)
        return _redirect(_form_path(session, "authentication_failed"))


def _save(session: CheckoutSession, method: Any) -> str:
    """Save the card as Checkout does; return where the browser goes next."""
    intent = SetupIntent(
        customer=session.customer, usage="off_session", metadata=session._setup_intent_metadata
    )
    intent.payment_method = method.id
    intent.status = "succeeded"
    method.customer = session.customer
    session._complete(intent.id)
    return str(session._success_redirect())


def _pending_method(session: CheckoutSession) -> Any:
    if session.status != "open" or session._pending_payment_method is None:
        return None
    return store.get(f"payment_method:{session._pending_payment_method}")


def _forget(method: Any) -> None:
    """Drop a card that was not saved (its number stays nowhere)."""
    store.pop(f"payment_method:{method.id}", None)


def _card_from(form: dict[str, str]) -> tuple[dict[str, Any] | None, str | None]:
    """The card localstripe's PaymentMethod takes, or the code of what is wrong."""
    number = re.sub(r"[\s-]", "", form.get("number", ""))
    if not number.isdigit() or len(number) < CARD_NUMBER_LENGTH:
        return None, "incomplete_number"
    if len(number) != CARD_NUMBER_LENGTH or not _luhn_ok(number):
        return None, "invalid_number"
    expiry = re.fullmatch(r"\s*(\d{1,2})\s*/?\s*(\d{2}|\d{4})\s*", form.get("exp", ""))
    if expiry is None or not 1 <= int(expiry.group(1)) <= 12:
        return None, "invalid_expiry"
    month, year = int(expiry.group(1)), int(expiry.group(2))
    year = year + 2000 if year < 100 else year
    today = datetime.now(UTC)
    if (year, month) < (today.year, today.month) or year >= 2100:
        return None, "expired_card"
    cvc = form.get("cvc", "").strip()
    if not (cvc.isdigit() and len(cvc) == 3):
        return None, "incomplete_cvc"
    if not form.get("name", "").strip():
        return None, "incomplete_name"
    return {"number": number, "exp_month": month, "exp_year": year, "cvc": cvc}, None


def _luhn_ok(number: str) -> bool:
    total = 0
    for index, digit in enumerate(reversed(number)):
        value = int(digit) * (2 if index % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


async def _read_form(request: web.Request) -> dict[str, str]:
    if (request.content_length or 0) > MAX_FORM_BYTES:
        raise web.HTTPRequestEntityTooLarge(max_size=MAX_FORM_BYTES, actual_size=0)
    posted = await request.post()
    return {key: str(value) for key, value in posted.items() if isinstance(value, str)}


def _form_path(session: CheckoutSession, error: str | None = None) -> str:
    return f"{PAGE_PREFIX}{session.id}" + (f"?error={error}" if error else "")


def _authenticate_path(session: CheckoutSession) -> str:
    return f"{PAGE_PREFIX}{session.id}/authenticate"


def _own_host(request: web.Request) -> str:
    sockname = request.transport.get_extra_info("sockname") if request.transport else None
    return f"127.0.0.1:{sockname[1]}" if sockname else ""


def _own_origin(request: web.Request) -> str:
    return f"http://{_own_host(request)}"


def _page(body: str, session: CheckoutSession) -> web.Response:
    """An HTML page with its headers: no script, styles by nonce, forms only to this origin
    and to where the session sends the browser afterwards."""
    nonce = secrets.token_urlsafe(16)
    targets = " ".join(sorted({_origin_of(session.success_url)} - {""}))
    policy = "; ".join(
        (
            "default-src 'none'",
            f"style-src 'nonce-{nonce}'",
            "img-src data:",
            f"form-action 'self' {targets}".strip(),
            "base-uri 'none'",
            "frame-ancestors 'none'",
        )
    )
    response = web.Response(
        text=body.replace(checkout_html.NONCE_MARK, html.escape(nonce)), content_type="text/html"
    )
    _secure(response, policy)
    return response


def _redirect(location: str) -> web.Response:
    response = web.Response(status=303, headers={"Location": location})
    _secure(response, "default-src 'none'; frame-ancestors 'none'")
    return response


def _plain(status: int, text: str) -> web.Response:
    response = web.Response(status=status, text=text, content_type="text/plain")
    _secure(response, "default-src 'none'; frame-ancestors 'none'")
    return response


def _secure(response: web.Response, policy: str) -> None:
    response.headers["Content-Security-Policy"] = policy
    response.headers["Cache-Control"] = "no-store, max-age=0"
    # same-origin: our own form posts keep their Origin header; other sites get no Referer.
    response.headers["Referrer-Policy"] = "same-origin"
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["X-Frame-Options"] = "DENY"


def _origin_of(url: str | None) -> str:
    parts = urlsplit(url or "")
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return ""
    return f"{parts.scheme}://{parts.netloc}"
