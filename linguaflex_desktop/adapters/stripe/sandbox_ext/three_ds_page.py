"""The sandbox's hosted 3-D Secure page: what a bank's verification page shows, in test mode.

Rendered by ``three_ds`` for a PaymentIntent waiting for authentication: a "Test mode" badge,
the merchant and the amount, and two buttons ("Complete authentication", "Fail
authentication") in a form that posts to the page's own address (relative: the page knows no
port). A strict Content-Security-Policy (no script at all), ``no-store`` and a
``same-origin`` referrer policy: the address carries the token, and it never leaves for
another origin (the return page included). No ``form-action`` directive: Chromium applies
it to the redirect that follows the post, which goes to the app's return page.
"""

from __future__ import annotations

import html
from typing import Any

from aiohttp import web

MERCHANT = "LinguaFlex"
ZERO_DECIMAL = frozenset("BIF CLP DJF GNF JPY KMF KRW MGA PYG RWF UGX VND VUV XAF XOF XPF".split())
_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'"
    ),
    "Cache-Control": "no-store, max-age=0",
    # not "no-referrer": Chromium would then send "Origin: null" with the page's own post
    "Referrer-Policy": "same-origin",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
}
_STYLE = (
    "body{font-family:system-ui,sans-serif;background:#eef1f6;color:#1d2433;margin:0;"
    "display:flex;min-height:100vh;align-items:center;justify-content:center}"
    "main{background:#fff;border-radius:10px;box-shadow:0 4px 24px rgba(0,0,0,.1);"
    "padding:32px 40px;max-width:420px;width:100%}"
    ".badge{display:inline-block;background:#ffe8b3;color:#7a4b00;border-radius:4px;"
    "font-size:.75rem;font-weight:600;padding:2px 8px;text-transform:uppercase}"
    "h1{font-size:1.3rem;margin:14px 0 8px}p{line-height:1.5;color:#4a5368}"
    "dl{display:grid;grid-template-columns:auto 1fr;gap:6px 16px;margin:18px 0}"
    "dt{color:#6b7385}dd{margin:0;font-weight:600}"
    "button{display:block;width:100%;padding:10px;margin-top:10px;border-radius:6px;"
    "font-size:1rem;cursor:pointer;border:1px solid #b8c0d0;background:#fff}"
    "button.primary{background:#2b59c3;color:#fff;border-color:#2b59c3}"
)


def render(intent: Any) -> web.Response:
    """The verification page of a PaymentIntent (in ``requires_action`` or not)."""
    if intent.status != "requires_action":
        return finished(intent)
    amount = html.escape(format_amount(int(intent.amount), str(intent.currency)))
    body = (
        "<span class='badge' id='test-mode'>Test mode</span>"
        "<h1>Confirm your payment</h1>"
        "<p>Your bank asks you to confirm that you are making this payment.</p>"
        f"<dl><dt>Merchant</dt><dd id='merchant'>{html.escape(MERCHANT)}</dd>"
        f"<dt>Amount</dt><dd id='amount'>{amount}</dd></dl>"
        "<form method='post'>"
        "<button class='primary' type='submit' name='outcome' value='complete'>"
        "Complete authentication</button>"
        "<button type='submit' name='outcome' value='fail'>Fail authentication</button>"
        "</form>"
    )
    return _page(200, "Confirm your payment", body)


def finished(intent: Any) -> web.Response:
    """The page once the verification is over (answered, cancelled or paid)."""
    body = (
        "<span class='badge'>Test mode</span><h1>Verification finished</h1>"
        "<p id='message'>This payment no longer needs your confirmation. You can close this "
        "tab and return to the merchant.</p>"
    )
    return _page(200, "Verification finished", body)


def gone() -> web.Response:
    body = (
        "<span class='badge'>Test mode</span><h1>Link not valid</h1>"
        "<p id='message'>This verification link is not valid. Return to the merchant and "
        "start again.</p>"
    )
    return _page(404, "Link not valid", body)


def format_amount(amount_minor: int, currency: str) -> str:
    code = currency.upper()
    if code in ZERO_DECIMAL:
        return f"{amount_minor:,} {code}"
    return f"{amount_minor / 100:,.2f} {code}"


def _page(status: int, title: str, body: str) -> web.Response:
    text = (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{html.escape(title)}</title><style>{_STYLE}</style></head>"
        f"<body><main>{body}</main></body></html>"
    )
    return web.Response(
        status=status, text=text, content_type="text/html", charset="utf-8", headers=_HEADERS
    )
