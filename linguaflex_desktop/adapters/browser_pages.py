"""The loopback page server: the browser half of the card hand-off.

Card data must only ever be seen by Stripe.js in the user's browser, so the app serves a tiny
page on ``127.0.0.1`` (random port) that loads Stripe.js and saves a card
(``confirmCardSetup``). (3-D Secure for a payment happens on Stripe's hosted page.)

Each hand-off has a one-time, unguessable token in its URL. A page is served only while its
hand-off is open: it closes when the page reports its outcome, when the app revokes it, or
after ``lifetime_seconds``. Every answer carries a strict Content-Security-Policy (only this
page and the Stripe.js origin), ``Cache-Control: no-store`` and ``Referrer-Policy:
no-referrer``; requests whose ``Host`` is not exactly ``127.0.0.1:PORT`` are refused (DNS
rebinding). The page gets the publishable key and the client secret, never a secret key.

Threads: requests are served on daemon threads; every public method is thread-safe.
"""

from __future__ import annotations

import html
import json
import logging
import secrets
import string
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast
from urllib.parse import urlsplit

from linguaflex_desktop.errors import ConfigurationError

if TYPE_CHECKING:
    from linguaflex_desktop.adapters.stripe.gateway import PaymentsGateway

log = logging.getLogger(__name__)

RESOURCES_DIR = Path(__file__).resolve().parents[2] / "resources"
LOOPBACK_HOST = "127.0.0.1"
DEFAULT_LIFETIME_SECONDS = 15 * 60
MAX_REPORT_BYTES = 4096
MAX_MESSAGE_CHARS = 300
REAL_STRIPE_SCRIPTS = ("https://js.stripe.com", "https://*.js.stripe.com")
REAL_STRIPE_CONNECT = ("https://api.stripe.com",)
REAL_STRIPE_FRAMES = (
    "https://js.stripe.com",
    "https://*.js.stripe.com",
    "https://hooks.stripe.com",
)
KIND_CARD_SETUP = "card_setup"
_TEMPLATES = {KIND_CARD_SETUP: "card_page.html"}


@dataclass(frozen=True)
class Handoff:
    """One page offered to the browser: open ``url``; ``token`` identifies it to the app."""

    token: str
    url: str


@dataclass(frozen=True)
class PageReport:
    """What the page said happened ("succeeded" or "failed"); informative only: the app
    always asks Stripe for the truth."""

    outcome: str
    message: str


@dataclass
class _Offer:
    kind: str
    client_secret: str
    expires_at: float
    report: PageReport | None = None
    revoked: bool = False


class CardPageServer:
    """Serves the card-setup page on 127.0.0.1 (see the module docstring)."""

    def __init__(
        self,
        *,
        publishable_key: str,
        stripe_js_url: str,
        lifetime_seconds: float = DEFAULT_LIFETIME_SECONDS,
        clock: Callable[[], float] = time.monotonic,
        templates_dir: Path = RESOURCES_DIR,
    ) -> None:
        if not publishable_key.startswith("pk_"):
            raise ConfigurationError("The card page needs a Stripe publishable key (pk_...).")
        self._publishable_key = publishable_key
        self._stripe_js_url = stripe_js_url
        self._stripe_origin = _origin_of(stripe_js_url)
        self._sandboxed = not stripe_js_url.startswith("https://js.stripe.com/")
        self._lifetime = lifetime_seconds
        self._clock = clock
        self._templates = {
            kind: string.Template((templates_dir / name).read_text(encoding="utf-8"))
            for kind, name in _TEMPLATES.items()
        }
        self._offers: dict[str, _Offer] = {}
        self._lock = threading.Lock()
        self._httpd: _LoopbackServer | None = None

    @classmethod
    def for_gateway(cls, gateway: PaymentsGateway, **options: Any) -> CardPageServer:
        return cls(
            publishable_key=gateway.publishable_key,
            stripe_js_url=gateway.stripe_js_url,
            **options,
        )

    # --- lifecycle ---------------------------------------------------------------------------

    def start(self) -> None:
        """Listen on 127.0.0.1 on a free port (idempotent)."""
        with self._lock:
            if self._httpd is not None:
                return
            httpd = _LoopbackServer((LOOPBACK_HOST, 0), _Handler)
            httpd.page_server = self
            threading.Thread(
                target=httpd.serve_forever, args=(0.1,), name="card-page-server", daemon=True
            ).start()
            self._httpd = httpd
        log.info("card page server listening on %s", self.origin)

    def stop(self) -> None:
        """Stop listening and forget every hand-off (idempotent)."""
        with self._lock:
            httpd, self._httpd = self._httpd, None
            self._offers.clear()
        if httpd is not None:
            httpd.shutdown()
            httpd.server_close()

    @property
    def running(self) -> bool:
        return self._httpd is not None

    @property
    def port(self) -> int:
        if self._httpd is None:
            raise RuntimeError("the card page server is not started")
        return int(self._httpd.server_address[1])

    @property
    def origin(self) -> str:
        return f"http://{LOOPBACK_HOST}:{self.port}"

    # --- hand-offs ---------------------------------------------------------------------------

    def offer_card_setup(self, *, client_secret: str) -> Handoff:
        """Open a hand-off whose page saves a card with ``confirmCardSetup``."""
        return self._offer(KIND_CARD_SETUP, client_secret)

    def report_for(self, token: str) -> PageReport | None:
        with self._lock:
            offer = self._offers.get(token)
            return offer.report if offer else None

    def is_open(self, token: str) -> bool:
        with self._lock:
            offer = self._offers.get(token)
            return offer is not None and self._usable(offer)

    def revoke(self, token: str) -> None:
        """Close a hand-off now: its page is no longer served (idempotent)."""
        with self._lock:
            offer = self._offers.get(token)
            if offer is not None:
                offer.revoked = True

    def _offer(self, kind: str, client_secret: str) -> Handoff:
        if not client_secret:
            raise ValueError("a client secret is needed")
        self.start()
        token = secrets.token_urlsafe(32)
        with self._lock:
            self._prune()
            self._offers[token] = _Offer(kind, client_secret, self._clock() + self._lifetime)
        return Handoff(token=token, url=f"{self.origin}/handoff/{token}")

    def _usable(self, offer: _Offer) -> bool:
        return not offer.revoked and offer.report is None and self._clock() < offer.expires_at

    def _prune(self) -> None:
        """Forget hand-offs closed long ago (called with the lock held)."""
        horizon = self._clock() - self._lifetime
        for token in [t for t, o in self._offers.items() if o.expires_at < horizon]:
            del self._offers[token]

    # --- used by the request handler ---------------------------------------------------------

    def _lookup(self, token: str) -> tuple[_Offer | None, bool]:
        """(the hand-off, whether its page may be served); constant-time token comparison."""
        with self._lock:
            for known, offer in self._offers.items():
                if secrets.compare_digest(known, token):
                    return offer, self._usable(offer)
        return None, False

    def _record_report(self, token: str, report: PageReport) -> bool:
        with self._lock:
            offer = self._offers.get(token)
            if offer is None or not self._usable(offer):
                return False
            offer.report = report
            return True

    def _render(self, token: str, offer: _Offer, nonce: str) -> bytes:
        config = {
            "publishableKey": self._publishable_key,
            "clientSecret": offer.client_secret,
            "reportUrl": f"/handoff/{token}/report",
        }
        page = self._templates[offer.kind].substitute(
            nonce=nonce,
            stripe_js_url=html.escape(self._stripe_js_url, quote=True),
            config_json=_script_safe_json(config),
        )
        return page.encode("utf-8")

    def _content_security_policy(self, nonce: str) -> str:
        """Only this page and Stripe: the sandbox's origin, or Stripe's documented origins."""
        if self._sandboxed:
            scripts = connect = frames = self._stripe_origin
            extra: tuple[str, ...] = ()
        else:
            scripts = " ".join(REAL_STRIPE_SCRIPTS)
            connect = " ".join(REAL_STRIPE_CONNECT)
            frames = " ".join(REAL_STRIPE_FRAMES)
            extra = ("style-src-attr 'unsafe-inline'",)  # Stripe.js sizes its iframes inline
        return "; ".join(
            (
                "default-src 'none'",
                f"script-src 'nonce-{nonce}' {scripts}",
                f"style-src 'nonce-{nonce}'",
                *extra,
                f"connect-src 'self' {connect}",
                f"frame-src {frames}",
                "img-src 'self' data:",
                "base-uri 'none'",
                "form-action 'none'",
                "frame-ancestors 'none'",
            )
        )


class _LoopbackServer(ThreadingHTTPServer):
    daemon_threads = True
    page_server: CardPageServer


class _Handler(BaseHTTPRequestHandler):
    """One request. The URL holds a token: nothing here logs paths."""

    server_version = "LinguaFlex"
    sys_version = ""
    protocol_version = "HTTP/1.1"

    @property
    def _pages(self) -> CardPageServer:
        return cast(_LoopbackServer, self.server).page_server

    def log_message(self, format: str, *args: Any) -> None:
        return  # the path carries a one-time token

    def do_GET(self) -> None:
        if not self._host_ok():
            return
        token = _token_from(self.path, suffix="")
        offer, usable = self._pages._lookup(token) if token else (None, False)
        if token is None or offer is None:
            self._plain(HTTPStatus.NOT_FOUND)
            return
        if not usable:
            self._plain(HTTPStatus.GONE)
            return
        nonce = secrets.token_urlsafe(16)
        body = self._pages._render(token, offer, nonce)
        self._send(HTTPStatus.OK, body, "text/html; charset=utf-8", nonce)

    def do_POST(self) -> None:
        if not self._host_ok():
            return
        token = _token_from(self.path, suffix="/report")
        if not token or self.headers.get("Origin") != self._pages.origin:
            self._plain(HTTPStatus.FORBIDDEN)
            return
        report = self._read_report()
        if report is None:
            self._plain(HTTPStatus.BAD_REQUEST)
        elif self._pages._record_report(token, report):
            self._send(HTTPStatus.NO_CONTENT, b"", None, None)
        else:
            self._plain(HTTPStatus.GONE)

    def do_PUT(self) -> None:
        self._plain(HTTPStatus.METHOD_NOT_ALLOWED)

    do_DELETE = do_PATCH = do_PUT

    def _host_ok(self) -> bool:
        expected = f"{LOOPBACK_HOST}:{cast(_LoopbackServer, self.server).server_port}"
        if self.headers.get("Host") == expected:
            return True
        self._plain(HTTPStatus.MISDIRECTED_REQUEST)
        return False

    def _read_report(self) -> PageReport | None:
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            return None
        if not 0 < length <= MAX_REPORT_BYTES:
            return None
        if not (self.headers.get("Content-Type") or "").startswith("application/json"):
            return None
        try:
            data = json.loads(self.rfile.read(length))
        except (ValueError, UnicodeDecodeError):
            return None
        if not isinstance(data, dict) or data.get("outcome") not in ("succeeded", "failed"):
            return None
        message = str(data.get("message") or "")[:MAX_MESSAGE_CHARS]
        return PageReport(outcome=str(data["outcome"]), message=message)

    def _plain(self, status: HTTPStatus) -> None:
        texts = {
            HTTPStatus.GONE: "This link has expired or was already used. "
            "Start again from LinguaFlex.",
        }
        body = texts.get(status, status.phrase).encode("utf-8")
        self._send(status, body, "text/plain; charset=utf-8", None)

    def _send(
        self, status: HTTPStatus, body: bytes, content_type: str | None, nonce: str | None
    ) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        policy = (
            self._pages._content_security_policy(nonce)
            if nonce
            else "default-src 'none'; frame-ancestors 'none'"
        )
        self.send_header("Content-Security-Policy", policy)
        self.send_header("Cache-Control", "no-store, max-age=0")
        self.send_header("Pragma", "no-cache")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("X-Frame-Options", "DENY")
        self.send_header("Cross-Origin-Opener-Policy", "same-origin")
        self.end_headers()
        if body:
            self.wfile.write(body)


def _token_from(path: str, *, suffix: str) -> str | None:
    """``/handoff/<token><suffix>`` -> token (query strings are ignored)."""
    route = urlsplit(path).path
    prefix = "/handoff/"
    if not route.startswith(prefix) or not route.endswith(suffix):
        return None
    token = route[len(prefix) : len(route) - len(suffix)]
    if not token or "/" in token or len(token) > 100:
        return None
    return token


def _origin_of(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ConfigurationError(f"Not a usable Stripe.js address: {url}")
    return f"{parts.scheme}://{parts.netloc}"


def _script_safe_json(value: object) -> str:
    """JSON that cannot close the <script> element it sits in."""
    text = json.dumps(value)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
